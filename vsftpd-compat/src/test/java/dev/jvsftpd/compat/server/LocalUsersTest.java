package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local users as vsftpd serves them (reference sections 4 and 7): real accounts, passwords checked
 * by the real PAM stack in /etc/pam.d/vsftpd, and the kernel's permission rules applied to the
 * account's identity although the JVM runs as root.
 */
class LocalUsersTest {
    @TempDir
    static Path temp;
    static TestAccount alice;
    static Path anon;

    @BeforeAll
    static void accounts() throws IOException {
        alice = TestAccount.create("a");
        // the account must be able to reach directories below the test's temp dir, as under /srv
        Files.setAttribute(temp, "unix:mode", 0755);
        anon = TestServer.rootOwnedDirectory(temp.resolve("anon"));
    }

    @AfterAll
    static void removeAccounts() {
        alice.close();
    }

    private static TestServer server(String... lines) {
        String[] all = new String[lines.length + 1];
        all[0] = "local_enable=YES";
        System.arraycopy(lines, 0, all, 1, lines.length);
        return TestServer.start(anon, all);
    }

    private static RawClient login(TestServer server, TestAccount account) throws IOException {
        RawClient raw = RawClient.connect(server.port());
        raw.readLine();
        assertEquals("331 Please specify the password.", raw.send("USER " + account.name));
        assertEquals("230 Login successful.", raw.send("PASS " + account.password));
        return raw;
    }

    @Test
    void aLocalUserStartsInTheHomeAndSeesTheWholeFileSystemWithItsOwnRights() throws IOException {
        try (TestServer server = server(); RawClient raw = login(server, alice)) {
            assertEquals("257 \"" + alice.home + "\" is the current directory", raw.send("PWD"));
            assertEquals("213 " + Files.size(Path.of("/etc/passwd")), raw.send("SIZE /etc/passwd"));
            try (Socket data = new Socket("127.0.0.1", raw.epsv())) {
                assertEquals("550 Failed to open file.", raw.send("RETR /etc/shadow"));
            }
            assertEquals("550 Failed to change directory.", raw.send("CWD /root"));
            raw.epsv();
            try (Socket data = new Socket("127.0.0.1", raw.epsv())) {
                assertEquals("150 Here comes the directory listing.", raw.send("LIST /root/"));
                assertEquals(0, data.getInputStream().readAllBytes().length);
            }
            assertEquals("226 Transfer done (but failed to open directory).", raw.readLine());
            assertEquals("550 Permission denied.", raw.send("MKD x"), "write_enable is off");
        }
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreIndistinguishable() throws IOException {
        try (TestServer server = server(); RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            assertEquals("331 Please specify the password.", raw.send("USER " + alice.name));
            assertEquals("530 Login incorrect.", raw.send("PASS wrong"));
            assertEquals("331 Please specify the password.", raw.send("USER jvt-nobody-here"));
            assertEquals("530 Login incorrect.", raw.send("PASS wrong"));
            assertEquals("331 Please specify the password.", raw.send("USER root"));
            assertEquals("530 Login incorrect.", raw.send("PASS wrong"), "root is in /etc/ftpusers");
        }
    }

    @Test
    void uploadsBelongToTheUserWithLocalUmask() throws IOException {
        try (TestServer server = server("write_enable=YES", "local_umask=022"); RawClient raw = login(server, alice)) {
            try (Socket data = new Socket("127.0.0.1", raw.epsv())) {
                assertEquals("150 Ok to send data.", raw.send("STOR up.txt"));
                data.getOutputStream().write("mine".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("226 Transfer complete.", raw.readLine());
            assertEquals("257 \"" + alice.home + "/d\" created", raw.send("MKD d"));
            assertEquals("200 Your current UMASK is 022", raw.send("SITE UMASK"));
            assertEquals("200 SITE CHMOD command ok.", raw.send("SITE CHMOD 7640 up.txt"));
            assertEquals("550 SITE CHMOD command failed.", raw.send("SITE CHMOD 644 /etc/hostname"));
            assertEquals("214 CHMOD UMASK HELP", raw.send("SITE HELP"));
            assertEquals("500 Unknown SITE command.", raw.send("SITE EXEC ls"));
        }
        Path upload = alice.home.resolve("up.txt");
        assertEquals(alice.uid, TestServer.uid(upload));
        assertEquals(0640, TestServer.mode(upload), "SITE CHMOD masks set-ID and sticky bits");
        assertEquals(0755, TestServer.mode(alice.home.resolve("d")));
        assertEquals(alice.uid, TestServer.uid(alice.home.resolve("d")));
    }

    @Test
    void chrootIntoAWritableHomeIsRefusedUnlessAllowed() throws IOException {
        try (TestServer server = server("chroot_local_user=YES"); RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            raw.send("USER " + alice.name);
            assertEquals("500 OOPS: vsftpd: refusing to run with writable root inside chroot()",
                    raw.send("PASS " + alice.password));
            assertEquals(null, raw.readLine());
        }
        try (TestServer server = server("chroot_local_user=YES", "allow_writeable_chroot=YES");
             RawClient raw = login(server, alice)) {
            assertEquals("257 \"/\" is the current directory", raw.send("PWD"));
            assertEquals("550 Could not get file size.", raw.send("SIZE /etc/passwd"), "confined to the home");
        }
    }

    @Test
    void aChrootedUserReachesNothingOutsideTheHomeThroughLinksOrDotDot() throws IOException {
        Files.createSymbolicLink(alice.home.resolve("slash"), Path.of("/"));
        Files.createSymbolicLink(alice.home.resolve("up"), Path.of("../../etc"));
        Files.createSymbolicLink(alice.home.resolve("passwd"), Path.of("/etc/passwd"));
        try (TestServer server = server("chroot_local_user=YES", "allow_writeable_chroot=YES");
             RawClient raw = login(server, alice)) {
            for (String path : new String[] {"/etc/passwd", "../../etc/passwd", "slash/etc/passwd", "up/passwd",
                "passwd", "~/../../etc/passwd", "//etc/passwd"}) {
                assertEquals("550 Could not get file size.", raw.send("SIZE " + path), path);
            }
            assertEquals("250 Directory successfully changed.", raw.send("CWD slash"));
            assertEquals("257 \"/\" is the current directory", raw.send("PWD"), "/ is the home under chroot");
        } finally {
            for (String link : new String[] {"slash", "up", "passwd"}) {
                Files.delete(alice.home.resolve(link));
            }
        }
    }

    @Test
    void chrootListInvertsAndLocalRootMovesTheJail() throws IOException {
        Path list = Files.writeString(temp.resolve("chroot_list"), alice.name + "\n");
        try (TestServer server = server("chroot_local_user=YES", "chroot_list_enable=YES",
                "chroot_list_file=" + list); RawClient raw = login(server, alice)) {
            assertEquals("257 \"" + alice.home + "\" is the current directory", raw.send("PWD"), "listed: not jailed");
        }
        Path jail = TestServer.rootOwnedDirectory(temp.resolve("jail"));
        try (TestServer server = server("chroot_local_user=YES", "local_root=" + jail);
             RawClient raw = login(server, alice)) {
            assertEquals("257 \"/\" is the current directory", raw.send("PWD"));
        }
        try (TestServer server = server("chroot_local_user=YES", "local_root=" + temp.resolve("missing"));
             RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            raw.send("USER " + alice.name);
            assertEquals("500 OOPS: cannot change directory:" + temp.resolve("missing"), raw.send("PASS " + alice.password));
        }
    }

    @Test
    void perUserConfigChangesWhatIsStillOpenAfterLogin() throws IOException {
        Path users = Files.createDirectory(temp.resolve("users"));
        Files.writeString(users.resolve(alice.name), "write_enable=NO\nchroot_local_user=YES\nlocal_root=/etc\n");
        try (TestServer server = server("write_enable=YES", "user_config_dir=" + users);
             RawClient raw = login(server, alice)) {
            assertEquals("257 \"/etc\" is the current directory", raw.send("PWD"), "chroot was decided before");
            assertEquals("550 Permission denied.", raw.send("MKD x"));
        }
    }

    @Test
    void nologinShellsAreRefusedByPamShells() throws IOException {
        try (TestAccount nologin = TestAccount.create("n", "/usr/sbin/nologin");
             TestServer server = server(); RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            raw.send("USER " + nologin.name);
            assertEquals("530 Login incorrect.", raw.send("PASS " + nologin.password));
            assertFalse(raw.send("NOOP").startsWith("2"));
        }
        assertTrue(Files.exists(alice.home));
    }
}
