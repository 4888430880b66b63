package dev.jvsftpd.pam;

/**
 * Linux-PAM's return values, in their ABI order: {@link #value()} is the number libpam returns and
 * the index a pam.d {@code [value=action]} bracket refers to.
 */
public enum PamCode {
    SUCCESS("success"),
    OPEN_ERR("open_err"),
    SYMBOL_ERR("symbol_err"),
    SERVICE_ERR("service_err"),
    SYSTEM_ERR("system_err"),
    BUF_ERR("buf_err"),
    PERM_DENIED("perm_denied"),
    AUTH_ERR("auth_err"),
    CRED_INSUFFICIENT("cred_insufficient"),
    AUTHINFO_UNAVAIL("authinfo_unavail"),
    USER_UNKNOWN("user_unknown"),
    MAXTRIES("maxtries"),
    NEW_AUTHTOK_REQD("new_authtok_reqd"),
    ACCT_EXPIRED("acct_expired"),
    SESSION_ERR("session_err"),
    CRED_UNAVAIL("cred_unavail"),
    CRED_EXPIRED("cred_expired"),
    CRED_ERR("cred_err"),
    NO_MODULE_DATA("no_module_data"),
    CONV_ERR("conv_err"),
    AUTHTOK_ERR("authtok_err"),
    AUTHTOK_RECOVERY_ERR("authtok_recover_err"),
    AUTHTOK_LOCK_BUSY("authtok_lock_busy"),
    AUTHTOK_DISABLE_AGING("authtok_disable_aging"),
    TRY_AGAIN("try_again"),
    IGNORE("ignore"),
    ABORT("abort"),
    AUTHTOK_EXPIRED("authtok_expired"),
    MODULE_UNKNOWN("module_unknown"),
    BAD_ITEM("bad_item"),
    CONV_AGAIN("conv_again"),
    INCOMPLETE("incomplete");

    private static final PamCode[] BY_VALUE = values();

    private final String configName;

    PamCode(String configName) {
        this.configName = configName;
    }

    /** The number libpam uses. */
    public int value() {
        return ordinal();
    }

    /** The name pam.d brackets use for it ({@code auth_err}, {@code new_authtok_reqd}, ...). */
    public String configName() {
        return configName;
    }

    /** The code for libpam's number; numbers outside Linux-PAM's range have no code. */
    public static PamCode of(int value) {
        if (value < 0 || value >= BY_VALUE.length) {
            throw new IllegalArgumentException("not a Linux-PAM return value: " + value);
        }
        return BY_VALUE[value];
    }

    @Override
    public String toString() {
        return "PAM_" + name() + " (" + value() + ")";
    }
}
