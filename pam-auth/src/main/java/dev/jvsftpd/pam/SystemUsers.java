package dev.jvsftpd.pam;

import dev.jvsftpd.pam.unix.FileUsers;
import dev.jvsftpd.pam.unix.NssUsers;
import java.util.Optional;

/**
 * The system user database. {@link #system()} asks the C library (so NSS sources such as LDAP or
 * sssd count, as they do for vsftpd) and reads /etc/passwd and /etc/group where there is none.
 * Every lookup is fresh: useradd takes effect without a restart.
 */
public interface SystemUsers {

    Optional<SystemUser> lookup(String name);

    Optional<SystemGroup> group(String name);

    /** The passwd entry's password field (normally {@code x}: the hash is in shadow); pam_unix reads it. */
    Optional<String> passwordField(String name);

    /** Where the answers come from, for the startup line. */
    String description();

    /** Whether the user is in the group the way libpam modules test it: primary group or listed member. */
    default boolean inGroup(SystemUser user, String groupName) {
        return group(groupName)
                .map(g -> g.gid() == user.gid() || g.members().contains(user.name()))
                .orElse(false);
    }

    static SystemUsers system() {
        return NssUsers.available() ? new NssUsers() : files(SystemFiles.standard());
    }

    static SystemUsers of(SystemFiles files) {
        return files.isStandard() ? system() : files(files);
    }

    static SystemUsers files(SystemFiles files) {
        return new FileUsers(files.passwd(), files.group());
    }
}
