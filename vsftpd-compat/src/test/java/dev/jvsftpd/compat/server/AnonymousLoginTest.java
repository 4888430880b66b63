package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Greeting, pre-login replies and anonymous login as vsftpd 3.0.3 answers them. */
class AnonymousLoginTest {
    @TempDir
    Path temp;

    private Path root() throws IOException {
        return TestServer.rootOwnedDirectory(temp.resolve("anon"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "anonymous", "FTP", "Anonymous"})
    void bothAnonymousNamesLogInInAnyCase(String name) throws IOException {
        try (TestServer server = TestServer.start(root())) {
            FTPClient client = server.connect();
            assertEquals(331, client.sendCommand("USER", name));
            assertEquals("331 Please specify the password.", client.getReplyString().trim());
            assertEquals(230, client.sendCommand("PASS", "me@example.org"));
            assertEquals("230 Login successful.", client.getReplyString().trim());
            client.sendCommand("PWD");
            assertEquals("257 \"/\" is the current directory", client.getReplyString().trim());
            client.disconnect();
        }
    }

    @Test
    void greetingAndPreLoginRepliesAreVsftpds() throws IOException {
        try (TestServer server = TestServer.start(root())) {
            FTPClient client = server.connect();
            assertEquals("220 (jvsftpd test)", client.getReplyString().trim());
            assertEquals(530, client.sendCommand("SYST"));
            assertEquals("530 Please login with USER and PASS.", client.getReplyString().trim());
            assertEquals(530, client.sendCommand("HELP"));
            assertEquals(211, client.sendCommand("FEAT"));
            assertEquals("211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n211 End\r\n",
                    client.getReplyString());
            assertEquals(200, client.sendCommand("OPTS", "UTF8 ON"));
            assertEquals("200 Always in UTF8 mode.", client.getReplyString().trim());
            assertEquals(503, client.sendCommand("PASS", "x"));
            assertEquals("503 Login with USER first.", client.getReplyString().trim());
            assertEquals(530, client.sendCommand("USER", "bob"));
            assertEquals("530 This FTP server is anonymous only.", client.getReplyString().trim());
            assertEquals(221, client.sendCommand("QUIT"));
            assertEquals("221 Goodbye.", client.getReplyString().trim());
        }
    }

    @Test
    void ftpdBannerAndBannerFileReplaceTheGreeting() throws IOException {
        try (TestServer server = TestServer.start(root(), "ftpd_banner=Welcome to blah FTP service.")) {
            FTPClient client = server.connect();
            assertEquals("220 Welcome to blah FTP service.", client.getReplyString().trim());
            client.disconnect();
        }
        Path banner = Files.writeString(temp.resolve("banner"), "line one\n\nline three\n");
        try (TestServer server = TestServer.start(root(), "banner_file=" + banner, "ftpd_banner=ignored")) {
            FTPClient client = server.connect();
            assertEquals("220-line one\r\n220-\r\n220-line three\r\n220 \r\n", client.getReplyString());
            client.disconnect();
        }
    }

    @Test
    void unreadableBannerFileReplacesTheGreetingWithOops() throws IOException {
        try (TestServer server = TestServer.start(root(), "banner_file=" + temp.resolve("missing"))) {
            FTPClient client = server.connect();
            assertEquals("500 OOPS: cannot read banner file:" + temp.resolve("missing"), client.getReplyString().trim());
            assertConnectionClosed(client);
        }
    }

    @Test
    void verbsAreReadAsVsftpdReadsThem() throws IOException {
        try (TestServer server = TestServer.start(root());
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("250 Directory successfully changed.", raw.send("XCWD /"));
            assertEquals("250 Directory successfully changed.", raw.send("XCUP"));
            assertEquals("257 \"/\" is the current directory", raw.send("XPWD"));
            assertEquals("500 Unknown command.", raw.send("XSYST"));
            assertEquals("500 Unknown command.", raw.send("CUP"));
            assertEquals("500 HTTP protocol commands not allowed.", raw.send("GET / HTTP/1.0"));
            assertEquals(null, raw.readLine());
        }
        try (TestServer server = TestServer.start(root()); RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            assertEquals("530 Please login with USER and PASS.", raw.send("XUSER ftp"));
            assertEquals("530 Please login with USER and PASS.", raw.send("POST /login HTTP/1.1"));
        }
    }

    @Test
    void noAnonPasswordLogsInRightAfterUser() throws IOException {
        try (TestServer server = TestServer.start(root(), "no_anon_password=YES")) {
            FTPClient client = server.connect();
            assertEquals(230, client.sendCommand("USER", "ftp"));
            assertEquals(230, client.sendCommand("PASS", "x"));
            assertEquals("230 Already logged in.", client.getReplyString().trim());
            client.disconnect();
        }
    }

    @Test
    void withAnonymousDisabledTheNameIsAnOrdinaryLocalUser() throws IOException {
        try (TestServer server = TestServer.start(root(), "anonymous_enable=NO", "local_enable=YES")) {
            FTPClient client = server.connect();
            assertEquals(331, client.sendCommand("USER", "anonymous"));
            assertEquals(530, client.sendCommand("PASS", "x"));
            assertEquals("530 Login incorrect.", client.getReplyString().trim());
            client.disconnect();
        }
    }

    @Test
    void bannedAndUnlistedEmailPasswordsAreRefused() throws IOException {
        Path banned = Files.writeString(temp.resolve("banned"), "bad@example.org\n");
        try (TestServer server = TestServer.start(root(), "deny_email_enable=YES", "banned_email_file=" + banned)) {
            FTPClient client = server.connect();
            assertFalse(client.login("anonymous", "bad@example.org"));
            assertEquals("530 Login incorrect.", client.getReplyString().trim());
            assertTrue(client.login("anonymous", "good@example.org"));
            client.disconnect();
        }
        Path allowed = Files.writeString(temp.resolve("allowed"), "pass1\n");
        try (TestServer server = TestServer.start(root(), "secure_email_list_enable=YES",
                "email_password_file=" + allowed)) {
            FTPClient client = server.connect();
            assertFalse(client.login("anonymous", "other"));
            assertTrue(client.login("anonymous", "pass1"));
            client.disconnect();
        }
    }

    @Test
    void maxLoginFailsClosesAfterTheLastRefusal() throws IOException {
        try (TestServer server = TestServer.start(root(), "anonymous_enable=NO", "local_enable=YES",
                "max_login_fails=2")) {
            FTPClient client = server.connect();
            client.sendCommand("USER", "nobody-here");
            assertEquals(530, client.sendCommand("PASS", "x"));
            client.sendCommand("USER", "nobody-here");
            assertEquals(530, client.sendCommand("PASS", "x"));
            assertConnectionClosed(client);
        }
    }

    @Test
    void writableAnonymousRootIsRefusedInsteadOf230() throws IOException {
        Path root = root();
        Files.setAttribute(root, "unix:uid", TestServer.ftpUid());
        // allow_writeable_chroot never applies to anonymous sessions
        try (TestServer server = TestServer.start(root, "allow_writeable_chroot=YES")) {
            FTPClient client = server.connect();
            client.sendCommand("USER", "anonymous");
            assertEquals(500, client.sendCommand("PASS", "x"));
            assertEquals("500 OOPS: vsftpd: refusing to run with writable root inside chroot()",
                    client.getReplyString().trim());
            assertConnectionClosed(client);
        }
    }

    @Test
    void rootWritableThroughWorldBitsIsRefusedToo() throws IOException {
        Path root = root();
        Files.setAttribute(root, "unix:mode", 0777);
        try (TestServer server = TestServer.start(root)) {
            FTPClient client = server.connect();
            client.sendCommand("USER", "ftp");
            assertEquals(500, client.sendCommand("PASS", "x"));
            assertConnectionClosed(client);
        }
    }

    @Test
    void missingAnonymousRootIsOopsCannotChangeDirectory() throws IOException {
        Path missing = temp.resolve("no-such-dir");
        try (TestServer server = TestServer.start(missing)) {
            FTPClient client = server.connect();
            client.sendCommand("USER", "ftp");
            assertEquals(500, client.sendCommand("PASS", "x"));
            assertEquals("500 OOPS: cannot change directory:" + missing, client.getReplyString().trim());
            assertConnectionClosed(client);
        }
    }

    @Test
    void idleSessionsGet421Timeout() throws IOException {
        try (TestServer server = TestServer.start(root(), "idle_session_timeout=1");
             RawClient client = RawClient.connect(server.port())) {
            assertEquals("220 (jvsftpd test)", client.readLine());
            assertEquals("421 Timeout.", client.readLine());
            assertEquals(null, client.readLine());
        }
    }

    static void assertConnectionClosed(FTPClient client) throws IOException {
        try {
            int code = client.sendCommand("NOOP");
            // a 421 from the client library means it saw the close
            assertEquals(421, code, "connection still open: " + client.getReplyString());
        } catch (org.apache.commons.net.ftp.FTPConnectionClosedException | java.net.SocketException expected) {
            // closed, as vsftpd closes
        }
    }
}
