package dev.jvsftpd.compat.tls;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real jvsftpd with ssl_enable=YES on an ephemeral loopback port, serving anonymous FTP from a
 * root-owned directory with {@code f.txt} and an {@code up/} directory the ftp account may write.
 * Tests run as root, as CI does, so the anonymous identity is the vsftpd package's ftp account.
 */
final class FtpsTestServer implements AutoCloseable {
    static final String CONTENT = "hello tls\n";
    final VsftpdServer server;

    private FtpsTestServer(VsftpdConfig config) {
        UnixAccounts accounts = UnixAccounts.system();
        SessionServices services = new SessionServices(accounts, accounts.byUid(0).orElseThrow(), "test", null,
                config.bool(Directives.LOCAL_ENABLE) ? PamAuthenticator.create(PamOptions.defaults()) : null, null,
                SelinuxGuard.inactive());
        this.server = VsftpdServer.create(config, services, true);
        server.start();
    }

    /** The settings vsftpd's FTPS tests share; {@code lines} come after them and win. */
    static List<String> baseSettings(Path root, TestPki pki) {
        return new ArrayList<>(List.of("listen=YES", "listen_address=127.0.0.1", "anonymous_enable=YES",
                "anon_root=" + root, "delay_failed_login=0", "pasv_min_port=40000", "pasv_max_port=49999",
                "ssl_enable=YES", "allow_anon_ssl=YES", "rsa_cert_file=" + pki.path("server.pem"),
                "rsa_private_key_file=" + pki.path("server.key")));
    }

    static FtpsTestServer start(Path root, String... lines) {
        List<String> settings = baseSettings(root, TestPki.shared());
        settings.add("listen_port=0");
        settings.addAll(List.of(lines));
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(Dialect.DEBIAN);
        for (String setting : settings) {
            ConfigParser.applySetting(setting, VsftpdConfig.Source.commandLine(), builder);
        }
        return new FtpsTestServer(builder.build());
    }

    int port() {
        return server.boundAddress().getPort();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The anonymous root: root-owned, mode 755, with f.txt and an up/ directory owned by ftp. */
    static Path anonymousRoot(Path dir) throws IOException {
        Path root = dir.resolve("anon");
        Files.createDirectories(root.resolve("up"));
        Files.writeString(root.resolve("f.txt"), CONTENT);
        for (Path p : List.of(root, root.resolve("up"))) {
            Files.setAttribute(p, "unix:uid", 0);
            Files.setAttribute(p, "unix:gid", 0);
            Files.setAttribute(p, "unix:mode", 0755);
        }
        int ftp = UnixAccounts.system().byName("ftp").orElseThrow(
                () -> new IllegalStateException("no ftp account: install the vsftpd package (.ci/run does)")).uid();
        Files.setAttribute(root.resolve("up"), "unix:uid", ftp);
        // the directories above must be searchable by ftp
        for (Path p = dir; p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            if ((mode & 0001) == 0) {
                Files.setAttribute(p, "unix:mode", mode | 0011);
            }
        }
        return root;
    }
}
