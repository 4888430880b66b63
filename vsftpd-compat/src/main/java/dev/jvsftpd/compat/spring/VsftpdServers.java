package dev.jvsftpd.compat.spring;

import dev.jvsftpd.compat.HostServices;
import dev.jvsftpd.compat.VsftpdServer;
import dev.jvsftpd.compat.config.LaunchArguments;
import dev.jvsftpd.compat.config.LaunchArguments.Launch;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.unix.UnixAccount;
import java.util.List;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerConfigurationException;

/**
 * jvsftpd as a plain bean for Apache FtpServer's Spring XML (any Spring from 2.5 on; this class
 * itself needs no Spring): an {@link FtpServer} that follows a vsftpd.conf exactly as
 * {@code bin/jvsftpd} does, PAM logins and tcp_wrappers included when the config asks for them.
 * <pre>
 * &lt;bean id="server" class="dev.jvsftpd.compat.spring.VsftpdServers" factory-method="fromConfigFile"
 *       destroy-method="stop"&gt;
 *   &lt;constructor-arg value="/etc/vsftpd.conf"/&gt;
 * &lt;/bean&gt;
 * </pre>
 * The server is built, not started: FtpServer's CommandLine (or the caller) starts it. Config
 * errors throw {@link FtpServerConfigurationException} with vsftpd's {@code 500 OOPS} text.
 */
public final class VsftpdServers {
    private VsftpdServers() {
    }

    /** The server bin/jvsftpd would run with this one argument. */
    public static FtpServer fromConfigFile(String configFile) {
        return create(configFile, null, null, null, null);
    }

    /**
     * The server bin/jvsftpd would run with {@code configFile -o<option>...}; null or blank
     * arguments take bin/jvsftpd's defaults.
     *
     * @param configFile a vsftpd.conf; without one, the dialect's default file (vsftpd's rule)
     * @param options    {@code name=value} settings applied after the file, as vsftpd's {@code -o}
     * @param dialect    debian, upstream or rhel; default: JVSFTPD_DIALECT, else debian
     * @param hostsAllow tcp_wrappers' allow table (with tcp_wrappers=YES); default /etc/hosts.allow
     * @param hostsDeny  tcp_wrappers' deny table (with tcp_wrappers=YES); default /etc/hosts.deny
     */
    public static FtpServer create(String configFile, List<String> options, String dialect, String hostsAllow,
            String hostsDeny) {
        try {
            ServerSpec spec = ServerSpec.of(configFile, options, dialect, hostsAllow, hostsDeny);
            UnixAccount launchingUser = HostServices.launchingUser();
            Launch launch = LaunchArguments.parse(spec.arguments(), spec.dialect(), launchingUser.uid());
            VsftpdServer server = VsftpdServer.create(launch.config(),
                    HostServices.forConfig(launch.config(), spec.hostsAllow(), spec.hostsDeny()), launchingUser.uid() == 0);
            return new VsftpdFtpServer(server, launch.configFiles());
        } catch (OopsException e) {
            throw new FtpServerConfigurationException(describe(e), e);
        }
    }

    /** vsftpd's line, then what jvsftpd adds (file, line, did-you-mean). */
    static String describe(OopsException e) {
        return e.oopsLine() + e.detail().map(d -> " (jvsftpd: " + d + ")").orElse("");
    }
}
