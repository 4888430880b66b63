package dev.jvsftpd.compat.server;

import dev.jvsftpd.compat.VsftpdServer;
import dev.jvsftpd.compat.config.ConfigParser;
import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.Directives;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.ftp.SessionServices;
import dev.jvsftpd.compat.unix.UnixAccounts;
import dev.jvsftpd.pam.PamAuthenticator;
import dev.jvsftpd.pam.PamOptions;
import dev.jvsftpd.selinux.SelinuxGuard;
import dev.jvsftpd.tcpwrappers.HostsAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;

/**
 * A real jvsftpd on an ephemeral loopback port, built from vsftpd.conf lines, serving anonymous
 * FTP from a root the test creates. Tests run as root (as CI does), so the anonymous identity is
 * the real {@code ftp} account that the vsftpd package creates.
 */
final class TestServer implements AutoCloseable {
    final VsftpdServer server;
    final VsftpdConfig config;

    private TestServer(VsftpdConfig config, Path loadConf, HostsAccess hostsAccess, SelinuxGuard selinux) {
        this.config = config;
        UnixAccounts accounts = UnixAccounts.system();
        SessionServices services = new SessionServices(accounts, accounts.byUid(0).orElseThrow(), "test", loadConf,
                config.bool(Directives.LOCAL_ENABLE) ? PamAuthenticator.create(PamOptions.defaults()) : null,
                hostsAccess, selinux);
        this.server = VsftpdServer.create(config, services, true);
        server.start();
    }

    /** Starts a server; {@code lines} come after the defaults below and override them. */
    static TestServer start(Path anonRoot, String... lines) {
        return start(anonRoot, null, null, SelinuxGuard.inactive(), lines);
    }

    /** As {@link #start}, with jvsftpd's SELinux emulation deciding on top of the Unix permissions. */
    static TestServer startWithSelinux(Path anonRoot, SelinuxGuard selinux, String... lines) {
        return start(anonRoot, null, null, selinux, lines);
    }

    /** As {@link #start}, with jvsftpd's environment setting VSFTPD_LOAD_CONF to {@code loadConf}. */
    static TestServer startWithLoadConf(Path anonRoot, Path loadConf, String... lines) {
        return start(anonRoot, loadConf, null, SelinuxGuard.inactive(), lines);
    }

    /** As {@link #start}, with tcp_wrappers=YES reading these tables instead of /etc's. */
    static TestServer startWithHostsFiles(Path anonRoot, Path hostsAllow, Path hostsDeny, String... lines) {
        HostsAccess access = HostsAccess.builder().allowFile(hostsAllow).denyFile(hostsDeny).build();
        String[] all = java.util.Arrays.copyOf(lines, lines.length + 1);
        all[lines.length] = "tcp_wrappers=YES";
        return start(anonRoot, null, access, SelinuxGuard.inactive(), all);
    }

    private static TestServer start(Path anonRoot, Path loadConf, HostsAccess hostsAccess, SelinuxGuard selinux,
                                    String... lines) {
        List<String> settings = new ArrayList<>(List.of(
                "listen=YES", "listen_address=127.0.0.1", "listen_port=0", "anonymous_enable=YES",
                "anon_root=" + anonRoot, "delay_failed_login=0", "pasv_min_port=40000", "pasv_max_port=49999"));
        settings.addAll(List.of(lines));
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(Dialect.DEBIAN);
        for (String setting : settings) {
            ConfigParser.applySetting(setting, VsftpdConfig.Source.commandLine(), builder);
        }
        return new TestServer(builder.build(), loadConf, hostsAccess, selinux);
    }

    int port() {
        return server.boundAddress().getPort();
    }

    /** A connected Commons Net client, not logged in. */
    FTPClient connect() throws IOException {
        FTPClient client = new FTPClient();
        client.setConnectTimeout(5000);
        client.setDefaultTimeout(10_000);
        client.connect("127.0.0.1", port());
        client.setSoTimeout(10_000);
        client.setDataTimeout(java.time.Duration.ofSeconds(10));
        return client;
    }

    /** Logged in as anonymous, passive mode, binary type. */
    FTPClient anonymous() throws IOException {
        FTPClient client = connect();
        if (!client.login("anonymous", "test@example.org")) {
            throw new IOException("anonymous login failed: " + client.getReplyString());
        }
        client.enterLocalPassiveMode();
        client.setFileType(FTPClient.BINARY_FILE_TYPE);
        return client;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A directory owned by root, mode 755: what vsftpd accepts as an anonymous root. */
    static Path rootOwnedDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setAttribute(dir, "unix:uid", 0);
        Files.setAttribute(dir, "unix:gid", 0);
        Files.setAttribute(dir, "unix:mode", 0755);
        return dir;
    }

    static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    static int ftpUid() {
        return UnixAccounts.system().byName("ftp").orElseThrow(
                () -> new IllegalStateException("no ftp account: install the vsftpd package (.ci/run does)")).uid();
    }
}
