package dev.jvsftpd.compat.session;

/** vsftpd's three kinds of login (reference section 7.3). */
public enum SessionKind {
    /** USER ftp or anonymous: acts as ftp_username, always chrooted, anon_* switches. */
    ANONYMOUS,
    /** A system account authenticated by PAM. */
    LOCAL,
    /** A virtual user mapped to guest_username. */
    GUEST
}
