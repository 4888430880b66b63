package dev.jvsftpd.selinux.policy;

import java.util.Locale;

/**
 * Which RHEL targeted policy is modelled. RHEL 8 and 9 share ftp.te; RHEL 7 still has {@code ftp_home_dir}
 * and guards home access with it.
 */
public enum Flavor {
    RHEL8_9, RHEL7;

    /** {@code rhel9}, {@code rhel8} (the same policy for ftp) or {@code rhel7}. */
    public static Flavor parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "rhel9", "rhel8", "rhel8_9", "el9", "el8" -> RHEL8_9;
            case "rhel7", "el7" -> RHEL7;
            default -> throw new IllegalArgumentException("unknown SELinux policy flavor '" + value
                    + "' (expected rhel9, rhel8 or rhel7)");
        };
    }
}
