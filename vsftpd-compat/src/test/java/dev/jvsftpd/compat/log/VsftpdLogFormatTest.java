package dev.jvsftpd.compat.log;

import static dev.jvsftpd.compat.log.Events.IP;
import static dev.jvsftpd.compat.log.Events.SAMPLE_TIME;
import static dev.jvsftpd.compat.log.Events.UTC;
import static dev.jvsftpd.compat.log.Events.anonymous;
import static dev.jvsftpd.compat.log.Events.real;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jvsftpd.compat.log.TransferEvent.Direction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VsftpdLogFormatTest {
    private static final Instant CONNECT_TIME = Instant.parse("2026-11-21T05:17:35Z");
    private static final Instant FAIL_TIME = Instant.parse("2026-11-21T05:17:38Z");

    @Test
    void referenceSamples() {
        // Reference 11.2, line by line, from the same facts.
        assertEquals("Sat Nov 21 05:17:35 2026 [pid 2689] CONNECT: Client \"127.0.0.1\"",
                VsftpdLogFormat.line(SessionEvent.connect(IP), CONNECT_TIME, UTC, 2689));
        assertEquals("Sat Nov 21 05:17:38 2026 [pid 2688] [bob] FAIL LOGIN: Client \"127.0.0.1\"",
                VsftpdLogFormat.line(SessionEvent.login(IP, "bob", false, null), FAIL_TIME, UTC, 2688));
        assertEquals("Sat Nov 21 05:17:39 2026 [pid 2688] [bob] OK LOGIN: Client \"127.0.0.1\"",
                VsftpdLogFormat.line(SessionEvent.login(IP, "bob", true, null), SAMPLE_TIME, UTC, 2688));
        // 10 bytes in 4.98 ms: 10 / 0.00498 / 1024 = 1.961
        assertEquals("Sat Nov 21 05:17:39 2026 [pid 2713] [bob] OK UPLOAD: Client \"127.0.0.1\", "
                        + "\"/home/bob/log test.txt\", 10 bytes, 1.96Kbyte/sec",
                VsftpdLogFormat.line(real(Direction.UPLOAD, true, "bob", "/home/bob/log test.txt", true, 10,
                        SAMPLE_TIME.minusMillis(5).plusNanos(20_000), SAMPLE_TIME), UTC, 2713));
        assertEquals("Sat Nov 21 05:17:39 2026 [pid 2713] [bob] FAIL DOWNLOAD: Client \"127.0.0.1\", "
                        + "\"/home/bob/deny.bin\", 0.00Kbyte/sec",
                VsftpdLogFormat.line(real(Direction.DOWNLOAD, false, "bob", "/home/bob/deny.bin", false, 0,
                        SAMPLE_TIME.minusMillis(1), SAMPLE_TIME), UTC, 2713));
        assertEquals("Sat Nov 21 05:17:39 2026 [pid 2713] [bob] OK RENAME: Client \"127.0.0.1\", "
                        + "\"/home/bob/log test.txt /home/bob/log2.txt\"",
                VsftpdLogFormat.line(SessionEvent.rename(IP, "bob", true, "/home/bob/log test.txt",
                        "/home/bob/log2.txt"), SAMPLE_TIME, UTC, 2713));
        assertEquals("Sat Nov 21 05:17:39 2026 [pid 2714] [ftp] OK LOGIN: Client \"127.0.0.1\", "
                        + "anon password \"joe_user@x\"",
                VsftpdLogFormat.line(SessionEvent.login(IP, "ftp", true, LogText.anonymousIdentity("joe user@x")),
                        SAMPLE_TIME, UTC, 2714));
    }

    @Test
    void otherWhatsAsObservedOnDebian() {
        assertEquals("[ftp] OK MKDIR: Client \"127.0.0.1\", \"/up/d1\"",
                VsftpdLogFormat.body(SessionEvent.mkdir(IP, "ftp", true, "/up/d1")));
        assertEquals("[ftp] OK RMDIR: Client \"127.0.0.1\", \"/up/d1\"",
                VsftpdLogFormat.body(SessionEvent.rmdir(IP, "ftp", true, "/up/d1")));
        assertEquals("[ftp] FAIL DELETE: Client \"127.0.0.1\", \"/up/n2.txt\"",
                VsftpdLogFormat.body(SessionEvent.delete(IP, "ftp", false, "/up/n2.txt")));
        assertEquals("[bob] OK CHMOD: Client \"127.0.0.1\", \"/home/bob/x 755\"",
                VsftpdLogFormat.body(SessionEvent.chmod(IP, "bob", true, "/home/bob/x", "755")));
        // A refused anonymous login shows the typed name and no password.
        assertEquals("[anonymous] FAIL LOGIN: Client \"127.0.0.1\"",
                VsftpdLogFormat.body(SessionEvent.login(IP, "anonymous", false, "bad@x")));
        assertEquals("[ftp] OK DOWNLOAD: Client \"127.0.0.1\", \"/pub.txt\", 10 bytes, 45.42Kbyte/sec",
                VsftpdLogFormat.body(anonymous(Direction.DOWNLOAD, true, "x", "/pub.txt", false, 10,
                        SAMPLE_TIME, SAMPLE_TIME.plusNanos(215_000))));
    }

    @Test
    void protocolLines() {
        assertEquals("FTP response: Client \"127.0.0.1\", \"220 (vsFTPd 3.0.3)\"",
                VsftpdLogFormat.body(SessionEvent.ftpResponse(IP, null, "220 (vsFTPd 3.0.3)")));
        assertEquals("FTP command: Client \"127.0.0.1\", \"USER anonymous\"",
                VsftpdLogFormat.body(SessionEvent.ftpCommand(IP, null, "USER anonymous")));
        assertEquals("[anonymous] FTP command: Client \"127.0.0.1\", \"PASS <password>\"",
                VsftpdLogFormat.body(SessionEvent.ftpCommand(IP, "anonymous", "pass joe@x")));
        assertEquals("[ftp] FTP command: Client \"127.0.0.1\", \"RETR a b.txt\"",
                VsftpdLogFormat.body(SessionEvent.ftpCommand(IP, "ftp", "retr a b.txt")));
        assertEquals("[ftp] FTP command: Client \"127.0.0.1\", \"NOOP\"",
                VsftpdLogFormat.body(SessionEvent.ftpCommand(IP, "ftp", "NOOP ")));
        // vsftpd reads a lone space as a command named " "; an empty line has no argument to show.
        assertEquals("[ftp] FTP command: Client \"127.0.0.1\", \" \"",
                VsftpdLogFormat.body(SessionEvent.ftpCommand(IP, "ftp", " ")));
        assertEquals("[ftp] FTP command: Client \"127.0.0.1\"",
                VsftpdLogFormat.body(SessionEvent.ftpCommand(IP, "ftp", "")));
        // Only ASCII letters are upper-cased (C locale toupper).
        assertEquals("[ftp] FTP command: Client \"127.0.0.1\", \"XÉ é\"",
                VsftpdLogFormat.body(SessionEvent.ftpCommand(IP, "ftp", "xÉ é")));
    }

    @Test
    void rate() {
        Instant t = SAMPLE_TIME;
        // A zero duration counts as 0.1 s.
        assertEquals("10.00", VsftpdLogFormat.kbyteRate(1024, t, t));
        assertEquals("0.00", VsftpdLogFormat.kbyteRate(0, t, t.plusSeconds(3)));
        // Microsecond resolution: 999 ns more changes nothing.
        assertEquals(VsftpdLogFormat.kbyteRate(5000, t, t.plusMillis(7)),
                VsftpdLogFormat.kbyteRate(5000, t.plusNanos(1), t.plusMillis(7).plusNanos(999)));
        // 0.125 is exact in binary: printf rounds the tie to even; 0.135 is slightly above in binary.
        assertEquals("0.12", VsftpdLogFormat.kbyteRate(128, t, t.plusSeconds(1)));
        assertEquals("0.14", VsftpdLogFormat.kbyteRate(138_240, t, t.plusSeconds(1000)));
        assertEquals("16523.90", VsftpdLogFormat.kbyteRate(10_000, t, t.plusNanos(591_000)));
        // Wall time across seconds: 1.5 s.
        assertEquals("2.00", VsftpdLogFormat.kbyteRate(3072, Instant.parse("2026-11-21T05:17:39.750Z"),
                Instant.parse("2026-11-21T05:17:41.250Z")));
    }
}
