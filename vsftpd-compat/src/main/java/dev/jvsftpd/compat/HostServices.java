package dev.jvsftpd.compat;

import static dev.jvsftpd.compat.config.Directives.LOCAL_ENABLE;
import static dev.jvsftpd.compat.config.Directives.PAM_SERVICE_NAME;
import static dev.jvsftpd.compat.config.Directives.SESSION_SUPPORT;
import static dev.jvsftpd.compat.config.Directives.TCP_WRAPPERS;

import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.ftp.SessionServices;
import dev.jvsftpd.compat.unix.UnixAccount;
import dev.jvsftpd.compat.unix.UnixAccounts;
import dev.jvsftpd.pam.PamAuthenticator;
import dev.jvsftpd.pam.PamOptions;
import dev.jvsftpd.pam.stack.ConfigProblem;
import dev.jvsftpd.selinux.SelinuxGuard;
import dev.jvsftpd.tcpwrappers.HostsAccess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server learns from the host it runs on, for every way of starting one (bin/jvsftpd, a
 * stock FtpServer's XML, Spring): the account the JVM runs as, the PAM stack, the tcp_wrappers
 * tables, SELinux, VSFTPD_LOAD_CONF from the environment, jvsftpd's version.
 */
public final class HostServices {
    private static final Logger LOG = LoggerFactory.getLogger(HostServices.class);

    private HostServices() {
    }

    /** The services for a server following {@code config}, with the system's hosts.allow and hosts.deny. */
    public static SessionServices forConfig(VsftpdConfig config) {
        return forConfig(config, HostsAccess.SYSTEM_ALLOW, HostsAccess.SYSTEM_DENY);
    }

    /** As {@link #forConfig(VsftpdConfig)}, reading tcp_wrappers' tables from other files. */
    public static SessionServices forConfig(VsftpdConfig config, Path hostsAllow, Path hostsDeny) {
        String loadConf = System.getenv(SessionServices.LOAD_CONF_VARIABLE);
        HostsAccess hosts = config.bool(TCP_WRAPPERS)
                ? HostsAccess.builder().allowFile(hostsAllow).denyFile(hostsDeny).build() : null;
        return new SessionServices(UnixAccounts.system(), launchingUser(), version(),
                loadConf == null || loadConf.isEmpty() ? null : Path.of(loadConf), pam(config), hosts, selinux());
    }

    /**
     * The PAM stack local and guest logins go through, when the config allows them; says at
     * startup which backend it is and what is wrong with the service's pam.d files.
     */
    private static PamAuthenticator pam(VsftpdConfig config) {
        if (!config.bool(LOCAL_ENABLE)) {
            return null;
        }
        PamAuthenticator pam = PamAuthenticator.create(PamOptions.defaults().withSessionSupport(config.bool(SESSION_SUPPORT)));
        String service = config.string(PAM_SERVICE_NAME);
        LOG.info("{}; service {}", pam.description(), service);
        for (ConfigProblem problem : pam.check(service)) {
            if (problem.harmless()) {
                LOG.info("PAM: {}", problem);
            } else {
                LOG.warn("PAM: {}", problem);
            }
        }
        return pam;
    }

    /** ftpd_t's SELinux decisions: off on a host without SELinux unless JVSFTPD_SELINUX asks for the emulation. */
    private static SelinuxGuard selinux() {
        SelinuxGuard guard = SelinuxGuard.fromEnvironment();
        if (guard.active()) {
            LOG.info("SELinux: {} (audit log {})", guard.activation(), guard.auditLog().map(Path::toString).orElse("none"));
        }
        return guard;
    }

    /** The account this JVM runs as; synthesised when the user database does not list it. */
    public static UnixAccount launchingUser() {
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            int gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
            return UnixAccounts.system().byUid(uid).orElseGet(() -> new UnixAccount(
                    System.getProperty("user.name"), uid, gid, System.getProperty("user.home"), ""));
        } catch (IOException | UnsupportedOperationException e) {
            throw new OopsException("cannot determine the user jvsftpd runs as",
                    "jvsftpd needs a Linux /proc to learn its own uid: " + e.getMessage());
        }
    }

    /** jvsftpd's version, from the build. */
    public static String version() {
        try (InputStream in = HostServices.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            return "unknown";
        }
    }
}
