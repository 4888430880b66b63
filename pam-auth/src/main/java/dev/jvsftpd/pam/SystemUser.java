package dev.jvsftpd.pam;

import java.util.List;

/**
 * A user of the system user database, as getpwnam(3) and getgrouplist(3) see it: what a session
 * needs to act as the user.
 *
 * @param name   the login name
 * @param uid    the numeric user id
 * @param gid    the primary group id
 * @param groups every group id the user belongs to, primary first, no duplicates
 * @param home   the home directory (may be empty)
 * @param shell  the login shell as written (empty means /bin/sh to the system)
 */
public record SystemUser(String name, int uid, int gid, List<Integer> groups, String home, String shell) {

    public SystemUser {
        groups = List.copyOf(groups);
    }
}
