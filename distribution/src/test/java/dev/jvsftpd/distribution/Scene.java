package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.server.TestAccount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;

/**
 * The vsftpd setup the shipped XML samples are tested on, and what a real client must see: a
 * local user's PAM login, deny_file, tcp_wrappers' hosts.deny (private tables, never the real
 * /etc/hosts.deny) and the anonymous writable-root refusal. Loopback only.
 */
final class Scene {
    static final String README = "readme.txt";
    static final String README_TEXT = "Served to a PAM-authenticated local user.\n";
    static final String SECRET = "notes.secret";
    static final String DENIED_CLIENT = "127.0.0.2";
    private static final int TIMEOUT_MS = 20_000;

    final int port;
    final Path conf;
    final Path hostsAllow;
    final Path hostsDeny;
    final TestAccount account;
    final boolean tcpWrappers;

    private Scene(int port, Path conf, Path hostsAllow, Path hostsDeny, TestAccount account, boolean tcpWrappers) {
        this.port = port;
        this.conf = conf;
        this.hostsAllow = hostsAllow;
        this.hostsDeny = hostsDeny;
        this.account = account;
        this.tcpWrappers = tcpWrappers;
    }

    /** Writes dir/vsftpd.conf, the hosts tables and an anonymous root the ftp user can write (so vsftpd refuses it). */
    static Scene create(Path dir, TestAccount account, boolean tcpWrappers) throws IOException {
        account.file(README, README_TEXT);
        account.file(SECRET, "deny_file hides this\n");
        Path anonRoot = Files.createDirectories(dir.resolve("anon-writable"));
        UserPrincipal ftp = anonRoot.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("ftp");
        Files.setOwner(anonRoot, ftp);
        FtpTree.mode(anonRoot, "rwxr-xr-x");
        Path allow = Files.writeString(dir.resolve("hosts.allow"), "# the test's own table: no rule\n");
        Path deny = Files.writeString(dir.resolve("hosts.deny"), "vsftpd: " + DENIED_CLIENT + "\n");
        int port = Ports.free();
        Ports.Range pasv = Ports.pasvRange();
        Path conf = new Conf()
                .set("listen", "YES")
                .set("background", "NO")
                .set("listen_address", "127.0.0.1")
                .set("listen_port", port)
                .set("anonymous_enable", "YES")
                .set("anon_root", anonRoot)
                .set("local_enable", "YES")
                .set("write_enable", "NO")
                .set("pam_service_name", "vsftpd")
                .set("deny_file", "{*.secret}")
                .set("tcp_wrappers", tcpWrappers ? "YES" : "NO")
                .set("pasv_min_port", pasv.min())
                .set("pasv_max_port", pasv.max())
                .write(dir.resolve("vsftpd.conf"));
        return new Scene(port, conf, allow, deny, account, tcpWrappers);
    }

    /** A shipped sample with the system paths it names replaced by this scene's files. */
    String adapt(String sampleXml) {
        return adapt(sampleXml, conf, hostsAllow, hostsDeny);
    }

    /** A shipped sample naming {@code conf} instead of /etc/vsftpd.conf, and these hosts tables. */
    static String adapt(String sampleXml, Path conf, Path hostsAllow, Path hostsDeny) {
        assertEquals(1, count(sampleXml, "\"/etc/vsftpd.conf\""), "the sample must name /etc/vsftpd.conf once:\n" + sampleXml);
        return sampleXml.replace("\"/etc/vsftpd.conf\"", "\"" + conf + "\"")
                .replace("\"/etc/hosts.allow\"", "\"" + hostsAllow + "\"")
                .replace("\"/etc/hosts.deny\"", "\"" + hostsDeny + "\"");
    }

    /** Every check a client can make of this scene; {@code serverLog} is shown on failure. */
    void assertServesAsVsftpd(Supplier<String> serverLog) throws IOException {
        localUserLogsInThroughPam(serverLog);
        wrongPasswordIsRefused(serverLog);
        writableAnonymousRootIsRefused(serverLog);
        if (tcpWrappers) {
            hostsDenyRefuses(serverLog);
        }
    }

    private void localUserLogsInThroughPam(Supplier<String> log) throws IOException {
        FTPClient c = connect();
        try {
            assertTrue(c.login(account.name, account.password), () -> "PAM login of " + account.name + ": " + c.getReplyString() + log.get());
            c.enterLocalPassiveMode();
            c.setFileType(FTP.BINARY_FILE_TYPE);
            ByteArrayOutputStream readme = new ByteArrayOutputStream();
            assertTrue(c.retrieveFile(README, readme), () -> "RETR " + README + ": " + c.getReplyString() + log.get());
            assertEquals(README_TEXT, readme.toString(StandardCharsets.US_ASCII));
            assertFalse(c.retrieveFile(SECRET, new ByteArrayOutputStream()), () -> "RETR " + SECRET + " must be refused" + log.get());
            assertEquals("550 Permission denied.", c.getReplyString().strip(), () -> "deny_file" + log.get());
            c.logout();
        } finally {
            c.disconnect();
        }
    }

    private void wrongPasswordIsRefused(Supplier<String> log) throws IOException {
        FTPClient c = connect();
        try {
            assertFalse(c.login(account.name, account.password + "x"), () -> "a wrong password must fail" + log.get());
            assertEquals("530 Login incorrect.", c.getReplyString().strip(), () -> "wrong password" + log.get());
        } finally {
            c.disconnect();
        }
    }

    private void writableAnonymousRootIsRefused(Supplier<String> log) throws IOException {
        FTPClient c = connect();
        try {
            assertFalse(c.login("anonymous", "guest@example.org"), () -> "anonymous login into a writable root" + log.get());
            assertEquals("500 OOPS: vsftpd: refusing to run with writable root inside chroot()", c.getReplyString().strip(),
                    () -> "writable anon_root" + log.get());
        } finally {
            c.disconnect();
        }
    }

    private void hostsDenyRefuses(Supplier<String> log) throws IOException {
        FTPClient c = client();
        try {
            // Commons Net reports a 421 greeting as a closed connection, after reading it
            assertThrows(FTPConnectionClosedException.class, () -> c.connect(InetAddress.getByName("127.0.0.1"), port,
                    InetAddress.getByName(DENIED_CLIENT), 0), () -> "a client from " + DENIED_CLIENT + " must be refused" + log.get());
            assertEquals("421 Service not available.", c.getReplyString().strip(), () -> "hosts.deny" + log.get());
        } finally {
            c.disconnect();
        }
    }

    private FTPClient connect() throws IOException {
        FTPClient c = client();
        c.connect("127.0.0.1", port);
        return c;
    }

    static FTPClient client() {
        FTPClient c = new FTPClient();
        c.setConnectTimeout(TIMEOUT_MS);
        c.setDefaultTimeout(TIMEOUT_MS);
        c.setDataTimeout(Duration.ofMillis(TIMEOUT_MS));
        return c;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
