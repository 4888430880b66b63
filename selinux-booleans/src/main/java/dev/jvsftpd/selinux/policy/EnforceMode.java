package dev.jvsftpd.selinux.policy;

import java.util.Locale;

/** The SELinux mode; {@link #getenforce()} is what {@code getenforce} prints. */
public enum EnforceMode {
    ENFORCING, PERMISSIVE, DISABLED;

    public String getenforce() {
        String n = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The value of {@code SELINUX=} in {@code /etc/selinux/config}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnforceMode parseConfig(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "enforcing" -> ENFORCING;
            case "permissive" -> PERMISSIVE;
            case "disabled" -> DISABLED;
            default -> throw new IllegalArgumentException("SELINUX=" + value
                    + " is not one of enforcing, permissive, disabled");
        };
    }
}
