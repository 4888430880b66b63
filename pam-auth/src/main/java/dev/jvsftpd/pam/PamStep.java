package dev.jvsftpd.pam;

/** The libpam calls vsftpd makes for a login, in order; a failed result names the one that failed. */
public enum PamStep {
    /** pam_start / pam_start_confdir and the items: the configuration could not be loaded. */
    START("pam_start"),
    AUTHENTICATE("pam_authenticate"),
    ACCT_MGMT("pam_acct_mgmt"),
    SETCRED("pam_setcred"),
    OPEN_SESSION("pam_open_session");

    private final String function;

    PamStep(String function) {
        this.function = function;
    }

    /** The libpam function name, for log lines. */
    public String function() {
        return function;
    }
}
