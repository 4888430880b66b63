package dev.jvsftpd.selinux.state;

import dev.jvsftpd.selinux.policy.Flavor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * jvsftpd's own SELinux settings, from system properties (first) or environment variables:
 * <table>
 * <tr><td>{@code JVSFTPD_SELINUX} / {@code jvsftpd.selinux}</td><td>emulate, host, off, auto (default)</td></tr>
 * <tr><td>{@code JVSFTPD_SELINUX_STATE} / {@code jvsftpd.selinux.state}</td>
 *     <td>the emulation's state directory, default {@code /var/lib/jvsftpd/selinux}</td></tr>
 * <tr><td>{@code JVSFTPD_SELINUX_ROOT} / {@code jvsftpd.selinux.root}</td>
 *     <td>the directory that plays {@code /} for file contexts and AVC paths, default {@code /}</td></tr>
 * <tr><td>{@code JVSFTPD_SELINUX_AUDIT_LOG} / {@code jvsftpd.selinux.auditLog}</td>
 *     <td>where AVC lines go, default {@code audit.log} in the state directory</td></tr>
 * <tr><td>{@code JVSFTPD_SELINUX_POLICY} / {@code jvsftpd.selinux.policy}</td><td>rhel9 (default), rhel8, rhel7</td></tr>
 * <tr><td>{@code JVSFTPD_SELINUX_FS} / {@code jvsftpd.selinux.fs}</td><td>selinuxfs, default {@code /sys/fs/selinux}</td></tr>
 * <tr><td>{@code JVSFTPD_SELINUX_ETC} / {@code jvsftpd.selinux.etc}</td><td>the host's {@code /etc/selinux}</td></tr>
 * </table>
 */
public record SelinuxSettings(String mode, Path stateDir, Path root, Path auditLog, Flavor flavor,
                              Path selinuxfs, Path etcSelinux) {

    public static final String MODE_VARIABLE = "JVSFTPD_SELINUX";
    public static final Path DEFAULT_STATE = Path.of("/var/lib/jvsftpd/selinux");

    public static SelinuxSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    public static SelinuxSettings from(Map<String, String> env, Properties props) {
        String mode = value(env, props, MODE_VARIABLE, "jvsftpd.selinux", "auto");
        Path state = Path.of(value(env, props, "JVSFTPD_SELINUX_STATE", "jvsftpd.selinux.state", DEFAULT_STATE.toString()));
        Path root = Path.of(value(env, props, "JVSFTPD_SELINUX_ROOT", "jvsftpd.selinux.root", "/"));
        String audit = value(env, props, "JVSFTPD_SELINUX_AUDIT_LOG", "jvsftpd.selinux.auditLog", "");
        Flavor flavor = Flavor.parse(value(env, props, "JVSFTPD_SELINUX_POLICY", "jvsftpd.selinux.policy", "rhel9"));
        Path fs = Path.of(value(env, props, "JVSFTPD_SELINUX_FS", "jvsftpd.selinux.fs", "/sys/fs/selinux"));
        Path etc = Path.of(value(env, props, "JVSFTPD_SELINUX_ETC", "jvsftpd.selinux.etc", "/etc/selinux"));
        return new SelinuxSettings(mode, state, root, audit.isEmpty() ? state.resolve("audit.log") : Path.of(audit),
                flavor, fs, etc);
    }

    /** Emulation rooted at {@code root}, state and audit log in {@code stateDir}: what tests and sandboxes use. */
    public static SelinuxSettings emulate(Path stateDir, Path root) {
        return new SelinuxSettings("emulate", stateDir, root, stateDir.resolve("audit.log"), Flavor.RHEL8_9,
                Path.of("/sys/fs/selinux"), Path.of("/etc/selinux"));
    }

    public SelinuxSettings withMode(String m) {
        return new SelinuxSettings(m, stateDir, root, auditLog, flavor, selinuxfs, etcSelinux);
    }

    public SelinuxSettings withFlavor(Flavor f) {
        return new SelinuxSettings(mode, stateDir, root, auditLog, f, selinuxfs, etcSelinux);
    }

    public SelinuxSettings withHost(Path fs, Path etc) {
        return new SelinuxSettings(mode, stateDir, root, auditLog, flavor, fs, etc);
    }

    /** The activation this setting gives on this host. */
    public Activation activation() {
        return Activation.resolve(mode, new HostSelinux(selinuxfs, etcSelinux, flavor).enabled());
    }

    private static String value(Map<String, String> env, Properties props, String envName, String property,
                                String fallback) {
        String p = props.getProperty(property);
        if (p != null && !p.isBlank()) {
            return p.strip();
        }
        String e = env.get(envName);
        return e != null && !e.isBlank() ? e.strip() : fallback;
    }
}
