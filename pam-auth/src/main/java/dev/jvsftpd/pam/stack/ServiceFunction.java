package dev.jvsftpd.pam.stack;

/** The service functions a module may provide (pam_sm_*). */
enum ServiceFunction {
    AUTHENTICATE, SETCRED, ACCT_MGMT, OPEN_SESSION, CLOSE_SESSION
}
