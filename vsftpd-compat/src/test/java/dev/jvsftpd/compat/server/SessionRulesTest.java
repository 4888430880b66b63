package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vsftpd's per-session rules that sit in the command flow: userlist at USER, cmds_allowed and
 * cmds_denied, {@code ~}, directory messages, MDTM with a time, delete_failed_uploads. Expected
 * replies were read off real vsftpd 3.0.3 with the same settings.
 */
class SessionRulesTest {
    @TempDir
    Path temp;
    Path root;
    Path upload;

    @BeforeEach
    void jail() throws IOException {
        root = TestServer.rootOwnedDirectory(temp.resolve("anon"));
        TestServer.rootOwnedDirectory(root.resolve("pub"));
        upload = TestServer.rootOwnedDirectory(root.resolve("up"));
        Files.setAttribute(upload, "unix:uid", TestServer.ftpUid());
    }

    @Test
    void userlistRefusesAtUserBeforeAnyPassword() throws IOException {
        Path list = Files.writeString(temp.resolve("user_list"), "anonymous\nroot\n");
        try (TestServer server = TestServer.start(root, "local_enable=YES", "userlist_enable=YES",
                "userlist_file=" + list); RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            assertEquals("530 Permission denied.", raw.send("USER anonymous"));
            assertEquals("503 Login with USER first.", raw.send("PASS x"));
            assertEquals("331 Please specify the password.", raw.send("USER ftp"));
            assertEquals("230 Login successful.", raw.send("PASS x"));
        }
        try (TestServer server = TestServer.start(root, "local_enable=YES", "userlist_enable=YES",
                "userlist_deny=NO", "userlist_file=" + list); RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            assertEquals("530 Permission denied.", raw.send("USER ftp"), "only listed names are admitted");
            assertEquals("331 Please specify the password.", raw.send("USER anonymous"));
        }
    }

    @Test
    void withoutLocalEnableTheUserlistIsEmptySoDenyNoRefusesEveryone() throws IOException {
        Path list = Files.writeString(temp.resolve("user_list"), "anonymous\n");
        try (TestServer server = TestServer.start(root, "userlist_enable=YES", "userlist_deny=NO",
                "userlist_file=" + list); RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            assertEquals("530 Permission denied.", raw.send("USER anonymous"));
        }
    }

    @Test
    void userlistRefusalsCountTowardsMaxLoginFails() throws IOException {
        Path list = Files.writeString(temp.resolve("user_list"), "anonymous\n");
        try (TestServer server = TestServer.start(root, "local_enable=YES", "userlist_enable=YES",
                "userlist_file=" + list, "max_login_fails=2"); RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            assertEquals("530 Permission denied.", raw.send("USER anonymous"));
            assertEquals("530 Permission denied.", raw.send("USER anonymous"));
            assertEquals(null, raw.readLine());
        }
    }

    @Test
    void anUnreadableUserlistReplacesTheGreeting() throws IOException {
        Path missing = temp.resolve("missing");
        try (TestServer server = TestServer.start(root, "local_enable=YES", "userlist_enable=YES",
                "userlist_file=" + missing); RawClient raw = RawClient.connect(server.port())) {
            assertEquals("500 OOPS: cannot read user list file:" + missing, raw.readLine());
        }
    }

    @Test
    void cmdsAllowedAndDeniedCompareTheTypedVerbBeforeAnythingElse() throws IOException {
        try (TestServer server = TestServer.start(root, "cmds_denied=NOOP,XPWD");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("550 Permission denied.", raw.send("NOOP"));
            assertEquals("550 Permission denied.", raw.send("noop"));
            assertEquals("550 Permission denied.", raw.send("XPWD"));
            assertEquals("257 \"/\" is the current directory", raw.send("PWD"));
        }
        try (TestServer server = TestServer.start(root, "cmds_allowed=PWD,QUIT, SYST");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("257 \"/\" is the current directory", raw.send("PWD"));
            assertEquals("550 Permission denied.", raw.send("SYST"), "' SYST' is not SYST: nothing is trimmed");
            assertEquals("550 Permission denied.", raw.send("BOGUS"), "not 500: the list comes first");
            assertEquals("221 Goodbye.", raw.send("QUIT"));
        }
    }

    @Test
    void anonymousPerUserConfigIsNamedAfterFtpUsernameAndAppliesAfterLogin() throws IOException {
        Path perUser = Files.createDirectory(temp.resolve("users"));
        Files.writeString(perUser.resolve("ftp"), "write_enable=YES\nanon_upload_enable=YES\nftpd_banner=too late\n");
        try (TestServer server = TestServer.start(root, "user_config_dir=" + perUser);
             RawClient raw = RawClient.connect(server.port())) {
            assertEquals("220 (jvsftpd test)", raw.readLine(), "the banner was decided before login");
            raw.send("USER anonymous");
            assertEquals("230 Login successful.", raw.send("PASS x"));
            try (Socket data = new Socket("127.0.0.1", raw.epsv())) {
                assertEquals("150 Ok to send data.", raw.send("STOR up/new.txt"));
                data.getOutputStream().write("uploaded".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("226 Transfer complete.", raw.readLine());
        }
        Files.writeString(perUser.resolve("ftp"), "bogus=YES\n");
        try (TestServer server = TestServer.start(root, "user_config_dir=" + perUser);
             RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            raw.send("USER ftp");
            assertEquals("500 OOPS: unrecognised variable in config file: bogus", raw.send("PASS x"));
            assertEquals(null, raw.readLine());
        }
    }

    @Test
    void tildeIsTheLoginDirectory() throws IOException {
        try (TestServer server = TestServer.start(root); RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("250 Directory successfully changed.", raw.send("CWD ~/pub"));
            assertEquals("257 \"/pub\" is the current directory", raw.send("PWD"));
            assertEquals("250 Directory successfully changed.", raw.send("CWD ~"));
            assertEquals("257 \"/\" is the current directory", raw.send("PWD"));
        }
    }

    @Test
    void directoryMessagesShowOnceAtLoginAndOnFirstEntry() throws IOException {
        Files.writeString(root.resolve(".message"), "Welcome to root\nsecond line\n");
        Files.writeString(root.resolve("pub/.message"), "pub message\n");
        try (TestServer server = TestServer.start(root, "dirmessage_enable=YES");
             RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            raw.send("USER ftp");
            assertEquals("230-Welcome to root", raw.send("PASS x"));
            assertEquals("230-second line", raw.readLine());
            assertEquals("230 Login successful.", raw.readLine());
            assertEquals("250-pub message", raw.send("CWD pub"));
            assertEquals("250 Directory successfully changed.", raw.readLine());
            assertEquals("250 Directory successfully changed.", raw.send("CWD /"));
            assertEquals("250 Directory successfully changed.", raw.send("CWD pub"), "shown once per session");
        }
    }

    @Test
    void mdtmWithATimeSetsItOnlyWithWriteRightsAndOwnership() throws IOException {
        Path file = Files.writeString(upload.resolve("f.txt"), "hi");
        Files.setAttribute(file, "unix:uid", TestServer.ftpUid());
        Files.writeString(root.resolve("rootfile"), "r");
        try (TestServer server = TestServer.start(root); RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("550 Could not get file modification time.", raw.send("MDTM 20200102030405 up/f.txt"));
        }
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_other_write_enable=YES");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("213 File modification time set.", raw.send("MDTM 20200102030405 up/f.txt"));
            assertEquals("213 20200102030405", raw.send("MDTM up/f.txt"));
            assertEquals(FileTime.from(Instant.parse("2020-01-02T03:04:05Z")), Files.getLastModifiedTime(file));
            assertEquals("213 File modification time set.", raw.send("MDTM 20201340000000 up/f.txt"));
            assertEquals("213 20210209000000", raw.send("MDTM up/f.txt"), "rolled over as mktime does");
            assertEquals("213 File modification time set.", raw.send("MDTM 20210102 up/f.txt"));
            assertEquals("213 20210102000000", raw.send("MDTM up/f.txt"));
            assertEquals("550 Could not set file modification time.", raw.send("MDTM 20200102030405 rootfile"));
        }
    }

    @Test
    void deleteFailedUploadsRemovesWhatAnAbortedUploadLeft() throws IOException {
        for (boolean delete : new boolean[] {false, true}) {
            try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES",
                    "anon_other_write_enable=YES", "data_connection_timeout=1",
                    "delete_failed_uploads=" + (delete ? "YES" : "NO"));
                 RawClient raw = RawClient.connect(server.port()).anonymous()) {
                try (Socket data = new Socket("127.0.0.1", raw.epsv())) {
                    assertEquals("150 Ok to send data.", raw.send("STOR up/partial.bin"));
                    data.getOutputStream().write("half".getBytes(StandardCharsets.UTF_8));
                    assertEquals("421 Data timeout. Reconnect. Sorry.", raw.readLine());
                }
            }
            assertEquals(!delete, Files.exists(upload.resolve("partial.bin")), "delete_failed_uploads=" + delete);
            Files.deleteIfExists(upload.resolve("partial.bin"));
        }
        assertFalse(Files.exists(upload.resolve("partial.bin")));
        assertTrue(Files.isDirectory(upload));
    }

    /**
     * lock_upload_files: a download that starts while the same file is being uploaded waits for
     * the upload and gets the whole file, not the half written so far.
     */
    @Test
    void aDownloadWaitsForTheUploadOfTheSameFile() throws Exception {
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES",
                "anon_other_write_enable=YES", "anon_umask=022");
             RawClient uploader = RawClient.connect(server.port()).anonymous();
             RawClient downloader = RawClient.connect(server.port()).anonymous()) {
            uploader.send("TYPE I");
            downloader.send("TYPE I");
            Path file = upload.resolve("growing.bin");
            try (Socket up = new Socket("127.0.0.1", uploader.epsv());
                 Socket down = new Socket("127.0.0.1", downloader.epsv())) {
                assertEquals("150 Ok to send data.", uploader.send("STOR up/growing.bin"));
                up.getOutputStream().write("first half|".getBytes(StandardCharsets.UTF_8));
                up.getOutputStream().flush();
                for (int i = 0; i < 200 && (!Files.exists(file) || Files.size(file) < 11); i++) {
                    Thread.sleep(10);
                }
                java.util.concurrent.CompletableFuture<String> download = java.util.concurrent.CompletableFuture
                        .supplyAsync(() -> {
                            try {
                                downloader.send("RETR up/growing.bin");
                                return new String(down.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                Thread.sleep(300); // time for an unlocked download to read the half
                up.getOutputStream().write("second half".getBytes(StandardCharsets.UTF_8));
                up.close();
                assertEquals("226 Transfer complete.", uploader.readLine());
                assertEquals("first half|second half", download.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }
        }
    }
}
