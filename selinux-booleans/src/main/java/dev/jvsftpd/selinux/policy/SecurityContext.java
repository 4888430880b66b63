package dev.jvsftpd.selinux.policy;

import java.util.Objects;

/**
 * An SELinux security context {@code user:role:type:range}, e.g. {@code system_u:object_r:public_content_t:s0}.
 * The range keeps its own colons ({@code s0-s0:c0.c1023}), so only the first three separate fields.
 */
public record SecurityContext(String user, String role, String type, String range) {

    /** The context every vsftpd process runs in on RHEL: one domain for anonymous and local sessions alike. */
    public static final SecurityContext FTPD = new SecurityContext("system_u", "system_r", "ftpd_t", "s0-s0:c0.c1023");

    public SecurityContext {
        Objects.requireNonNull(user);
        Objects.requireNonNull(role);
        Objects.requireNonNull(type);
        Objects.requireNonNull(range);
        if (user.isEmpty() || role.isEmpty() || type.isEmpty() || range.isEmpty()) {
            throw new IllegalArgumentException("incomplete security context " + user + ":" + role + ":" + type + ":" + range);
        }
    }

    /** The label files get from policy: {@code system_u:object_r:TYPE:s0}. */
    public static SecurityContext object(String type) {
        return new SecurityContext("system_u", "object_r", type, "s0");
    }

    /** Parses {@code user:role:type:range}; a trailing NUL (as read from the xattr) is ignored. */
    public static SecurityContext parse(String text) {
        String t = text.strip();
        if (t.endsWith("\0")) {
            t = t.substring(0, t.length() - 1);
        }
        String[] parts = t.split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a security context: " + text);
        }
        return new SecurityContext(parts[0], parts[1], parts[2], parts[3]);
    }

    public SecurityContext withType(String newType) {
        return new SecurityContext(user, role, newType, range);
    }

    @Override
    public String toString() {
        return user + ":" + role + ":" + type + ":" + range;
    }
}
