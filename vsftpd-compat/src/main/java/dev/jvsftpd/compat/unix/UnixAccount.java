package dev.jvsftpd.compat.unix;

/** A line of the system user database: what vsftpd gets from getpwnam(). */
public record UnixAccount(String name, int uid, int gid, String home, String shell) {
}
