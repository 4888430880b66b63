package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jvsftpd.compat.server.TestAccount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd/jvsftpd.service from the zip: the distribution installed under a temporary prefix
 * ({@code <prefix>/opt/jvsftpd}, {@code <prefix>/etc/vsftpd.conf}) and started by the unit's own
 * ExecStart line with the unit's capability bounding set and NoNewPrivileges applied (setpriv),
 * so that what the unit keeps is shown to be enough: a privileged port, PAM, uploads owned by the user.
 */
class SystemdUnitIT {
    static final String UNIT = "systemd/jvsftpd.service";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path prefix;
    static Path home;
    static SystemdUnit unit;

    @TempDir
    Path tmp;

    /** The install the unit expects: the zip unpacked in /opt, /opt/jvsftpd a link to it (admin guide). */
    @BeforeAll
    static void install() throws IOException {
        FtpTree.mode(prefix, "rwxr-xr-x");
        Path opt = Files.createDirectories(prefix.resolve("opt"));
        home = Install.unpack(opt);
        Files.createSymbolicLink(opt.resolve("jvsftpd"), home.getFileName());
        unit = SystemdUnit.parse(home.resolve(UNIT));
    }

    /** Debian's vsftpd.service, less what jvsftpd cannot honour, plus the confinement. */
    @Test
    void unitIsDebiansWithJvsftpdInPlaceOfVsftpd() {
        assertEquals(List.of("/opt/jvsftpd/bin/jvsftpd", "/etc/vsftpd.conf"), unit.execStart(), "ExecStart");
        assertEquals("simple", unit.value("Service", "Type").orElseThrow());
        assertEquals("network.target", unit.value("Unit", "After").orElseThrow());
        assertEquals("multi-user.target", unit.value("Install", "WantedBy").orElseThrow());
        // reload is vsftpd's: SIGHUP re-reads the config (DistributionIT checks what it does)
        assertEquals(List.of("/bin/kill -HUP $MAINPID"), unit.values("Service", "ExecReload"));
        // jvsftpd never chroots, so Debian's mkdir of the secure_chroot_dir is not needed
        assertEquals(List.of(), unit.values("Service", "ExecStartPre"));
        assertEquals("yes", unit.value("Service", "NoNewPrivileges").orElseThrow());
        assertEquals(Set.of("CAP_NET_BIND_SERVICE", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_CHOWN", "CAP_FOWNER",
                "CAP_AUDIT_WRITE"), capabilities(), "CapabilityBoundingSet");
        assertTrue(unit.value("Service", "User").isEmpty(), "root, as vsftpd: jvsftpd refuses to start otherwise");
    }

    @Test
    void execStartServesWithOnlyTheUnitsPrivileges() throws Exception {
        int port = privilegedPort();
        Ports.Range pasv = Ports.pasvRange();
        Path anonRoot = FtpTree.create(tmp.resolve("srv-ftp"));
        Path etc = Files.createDirectories(prefix.resolve("etc"));
        new Conf()
                .set("listen", "YES")
                .set("listen_address", "127.0.0.1")
                .set("listen_port", port)
                .set("anonymous_enable", "YES")
                .set("anon_root", anonRoot)
                .set("local_enable", "YES")
                .set("write_enable", "YES")
                .set("pam_service_name", "vsftpd")
                .set("pasv_min_port", pasv.min())
                .set("pasv_max_port", pasv.max())
                .write(etc.resolve("vsftpd.conf"));

        List<String> command = new ArrayList<>(List.of("setpriv", "--no-new-privs", "--inh-caps=-all",
                "--bounding-set=-all," + capabilities().stream().map(c -> "+" + c.substring(4).toLowerCase(Locale.ROOT))
                        .sorted().collect(Collectors.joining(","))));
        command.add("--");
        // the unit's own line, every absolute path moved under the prefix
        unit.execStart().forEach(word -> command.add(word.startsWith("/") ? prefix + word : word));

        try (TestAccount account = TestAccount.create("sd");
             Daemon d = Daemon.start("ExecStart", command, tmp, tmp.resolve("jvsftpd.out"), Servers::jvsftpdEnvironment)) {
            d.awaitPort(port);
            Cmd.Result c = Cmd.run(List.of("curl", "-sS", "--max-time", "30", "ftp://127.0.0.1:" + port + "/pub/hello.txt"),
                    tmp, TIMEOUT);
            assertEquals(0, c.status(), c.describe() + "\nserver:\n" + d.output());
            assertEquals(FtpTree.HELLO, c.stdout());
            uploadAsLocalUser(port, account, d);
            assertEquals(0, d.stop(), "exit status after SIGTERM (systemctl stop)\n" + d.output());
        }
    }

    /** PAM, then STOR into the home: created as root, handed to the user (CAP_CHOWN, CAP_FOWNER). */
    private static void uploadAsLocalUser(int port, TestAccount account, Daemon d) throws IOException {
        byte[] content = "uploaded under the unit's capabilities\n".getBytes(StandardCharsets.US_ASCII);
        FTPClient c = new FTPClient();
        c.setConnectTimeout(20_000);
        c.setDefaultTimeout(20_000);
        c.setDataTimeout(Duration.ofSeconds(20));
        try {
            c.connect("127.0.0.1", port);
            assertTrue(c.login(account.name, account.password), () -> "PAM login: " + c.getReplyString() + d.output());
            c.enterLocalPassiveMode();
            c.setFileType(FTP.BINARY_FILE_TYPE);
            assertTrue(c.storeFile("upload.dat", new ByteArrayInputStream(content)), () -> "STOR: " + c.getReplyString()
                    + d.output());
            assertTrue(c.makeDirectory("made"), () -> "MKD: " + c.getReplyString() + d.output());
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertTrue(c.retrieveFile("upload.dat", back), () -> "RETR: " + c.getReplyString());
            assertArrayEquals(content, back.toByteArray());
            c.logout();
        } finally {
            c.disconnect();
        }
        for (String made : List.of("upload.dat", "made")) {
            Path p = account.home.resolve(made);
            assertEquals(account.uid, Files.getAttribute(p, "unix:uid"), made + " must belong to " + account.name);
        }
        assertFalse(Files.isDirectory(account.home.resolve("upload.dat")));
    }

    private static Set<String> capabilities() {
        return Set.of(unit.value("Service", "CapabilityBoundingSet").orElseThrow().split("\\s+"));
    }

    /** A free port below 1024 on 127.0.0.1: binding it needs CAP_NET_BIND_SERVICE, like port 21. */
    private static int privilegedPort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int port = 1023; port >= 900; port--) {
            try (ServerSocket s = new ServerSocket(port, 1, loopback)) {
                return port;
            } catch (IOException busy) {
                // try the next one
            }
        }
        fail("no free port in 900..1023 on 127.0.0.1");
        return -1;
    }
}
