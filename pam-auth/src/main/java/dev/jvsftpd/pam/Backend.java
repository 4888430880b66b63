package dev.jvsftpd.pam;

/** Which PAM does the work. */
public enum Backend {
    /** libpam when it can be loaded, otherwise the Java interpreter. */
    AUTO,
    /** The system's libpam.so.0 through JNA: every module the system has, exactly as vsftpd runs them. */
    LIBPAM,
    /** pam-auth's own interpreter of pam.d with the common modules built in. */
    JAVA
}
