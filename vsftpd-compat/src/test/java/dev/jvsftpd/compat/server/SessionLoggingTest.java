package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a session writes to xferlog and the vsftpd log (reference section 11): one line per
 * transfer attempt, LOGIN, MKDIR, RENAME, and the protocol lines. The line formats themselves are
 * checked against real vsftpd in the log package; this checks that the server emits them.
 */
class SessionLoggingTest {
    private static final String DATE = "\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}";

    @TempDir
    Path temp;

    @Test
    void transfersLoginsAndDirectoryChangesAreLoggedInBothFormats() throws IOException {
        Path root = TestServer.rootOwnedDirectory(temp.resolve("anon"));
        Path upload = TestServer.rootOwnedDirectory(root.resolve("up"));
        Files.setAttribute(upload, "unix:uid", TestServer.ftpUid());
        Files.writeString(root.resolve("public.txt"), "public\n");
        Path xferlog = temp.resolve("xferlog");
        Path vsftpdLog = temp.resolve("vsftpd.log");
        try (TestServer server = TestServer.start(root, "xferlog_enable=YES", "dual_log_enable=YES",
                "xferlog_file=" + xferlog, "vsftpd_log_file=" + vsftpdLog, "log_ftp_protocol=YES",
                "write_enable=YES", "anon_mkdir_write_enable=YES", "anon_other_write_enable=YES");
             RawClient raw = RawClient.connect(server.port())) {
            raw.readLine();
            raw.send("USER anonymous");
            assertEquals("230 Login successful.", raw.send("PASS joe user@x"));
            raw.send("TYPE I");
            try (Socket data = new Socket("127.0.0.1", raw.epsv())) {
                raw.send("RETR public.txt");
                data.getInputStream().readAllBytes();
            }
            assertEquals("226 Transfer complete.", raw.readLine());
            raw.epsv();
            assertEquals("550 Failed to open file.", raw.send("RETR missing.txt"));
            assertEquals("257 \"/up/new dir\" created", raw.send("MKD up/new dir"));
            raw.send("RNFR up/new dir");
            assertEquals("250 Rename successful.", raw.send("RNTO up/renamed"));
            raw.send("QUIT");
            raw.readLine();
        }
        List<String> xfer = Files.readAllLines(xferlog);
        assertEquals(2, xfer.size(), xfer.toString());
        assertTrue(xfer.get(0).matches(DATE + " \\d+ 127\\.0\\.0\\.1 7 /public\\.txt b _ o a joe_user@x ftp 0 \\* c"),
                xfer.get(0));
        assertTrue(xfer.get(1).matches(DATE + " \\d+ 127\\.0\\.0\\.1 0 /missing\\.txt b _ o a joe_user@x ftp 0 \\* i"),
                xfer.get(1));
        assertEquals(0600, TestServer.mode(xferlog));

        String log = Files.readString(vsftpdLog);
        String pid = "\\[pid \\d+\\] ";
        for (String expected : List.of(
                pid + "CONNECT: Client \"127\\.0\\.0\\.1\"",
                pid + "FTP command: Client \"127\\.0\\.0\\.1\", \"USER anonymous\"",
                pid + "\\[anonymous\\] FTP response: Client \"127\\.0\\.0\\.1\", \"331 Please specify the password\\.\"",
                pid + "\\[ftp\\] OK LOGIN: Client \"127\\.0\\.0\\.1\", anon password \"joe_user@x\"",
                pid + "\\[ftp\\] OK DOWNLOAD: Client \"127\\.0\\.0\\.1\", \"/public\\.txt\", 7 bytes, \\d+\\.\\d\\dKbyte/sec",
                pid + "\\[ftp\\] FAIL DOWNLOAD: Client \"127\\.0\\.0\\.1\", \"/missing\\.txt\", 0\\.00Kbyte/sec",
                pid + "\\[ftp\\] OK MKDIR: Client \"127\\.0\\.0\\.1\", \"/up/new dir\"",
                pid + "\\[ftp\\] OK RENAME: Client \"127\\.0\\.0\\.1\", \"/up/new dir /up/renamed\"")) {
            assertTrue(log.lines().anyMatch(line -> line.matches(DATE + " " + expected)), expected + " in\n" + log);
        }
    }
}
