package dev.jvsftpd.selinux.state;

import java.util.Locale;

/**
 * Whether and how ftpd's SELinux decisions apply. Chosen by jvsftpd's own setting
 * ({@code JVSFTPD_SELINUX} or {@code -Djvsftpd.selinux}), never by vsftpd.conf, so the same config keeps
 * working with vsftpd.
 */
public enum Activation {
    /** Stock vsftpd behaviour: no SELinux decisions. */
    INACTIVE,
    /** Decisions from jvsftpd's own state directory, on any host. */
    EMULATE,
    /** Decisions from the host's real booleans, mode and file labels. */
    HOST;

    /**
     * The activation rule: {@code emulate}, {@code host} and {@code off} force a choice; unset (or
     * {@code auto}) follows the host, active exactly when the host runs SELinux.
     */
    public static Activation resolve(String setting, boolean hostHasSelinux) {
        String s = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "auto" -> hostHasSelinux ? HOST : INACTIVE;
            case "emulate" -> EMULATE;
            case "host" -> HOST;
            case "off" -> INACTIVE;
            default -> throw new IllegalArgumentException(SelinuxSettings.MODE_VARIABLE + "=" + setting
                    + " is not one of emulate, host, off, auto");
        };
    }
}
