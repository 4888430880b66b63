package dev.jvsftpd.selinux.policy;

/**
 * The FTP-level operations the decision table covers (reference C.7), and the FTP commands that do them.
 */
public enum Operation {
    /** CWD, CDUP: search on every directory down to the target. */
    CHDIR,
    /** LIST, NLST, STAT with a path: read the directory. */
    LIST,
    /** SIZE, MDTM, RNFR: stat the object. */
    STAT,
    /** RETR: open for reading. */
    READ,
    /** STOR over an existing file. */
    WRITE,
    /** APPE to an existing file. */
    APPEND,
    /** STOR, STOU, APPE of a new file. */
    CREATE,
    /** MKD. */
    MKDIR,
    /** DELE. */
    DELETE,
    /** RMD. */
    RMDIR,
    /** RNFR + RNTO. */
    RENAME,
    /** SITE CHMOD, MDTM with a time (MFMT). */
    SETATTR,
    /** PASV/EPSV: bind the listening port. */
    PASV_BIND,
    /** PORT/EPRT: connect to the client's port. */
    ACTIVE_CONNECT
}
