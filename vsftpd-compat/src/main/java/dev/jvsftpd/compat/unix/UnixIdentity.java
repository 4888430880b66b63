package dev.jvsftpd.compat.unix;

import java.util.Set;

/**
 * Who a session acts as: the credentials vsftpd would setuid() to. The JVM runs as root, so
 * jvsftpd checks every file operation against these itself.
 */
public record UnixIdentity(int uid, int gid, Set<Integer> groups) {
    public UnixIdentity {
        groups = Set.copyOf(groups);
    }

    public boolean isRoot() {
        return uid == 0;
    }

    /** Primary or supplementary member of {@code groupId}. */
    public boolean inGroup(int groupId) {
        return gid == groupId || groups.contains(groupId);
    }
}
