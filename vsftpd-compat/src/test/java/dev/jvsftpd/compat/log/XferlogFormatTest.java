package dev.jvsftpd.compat.log;

import static dev.jvsftpd.compat.log.Events.IP;
import static dev.jvsftpd.compat.log.Events.SAMPLE_TIME;
import static dev.jvsftpd.compat.log.Events.UTC;
import static dev.jvsftpd.compat.log.Events.anonymous;
import static dev.jvsftpd.compat.log.Events.real;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jvsftpd.compat.log.TransferEvent.Access;
import dev.jvsftpd.compat.log.TransferEvent.Direction;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class XferlogFormatTest {

    @Test
    void referenceSamples() {
        // Reference 11.1: the upload of "log test.txt", a failed download, an anonymous download.
        assertEquals("Sat Nov 21 05:17:39 2026 1 127.0.0.1 10 /home/bob/log_test.txt a _ i r bob ftp 0 * c",
                XferlogFormat.line(real(Direction.UPLOAD, true, "bob", "/home/bob/log test.txt", true, 10,
                        SAMPLE_TIME, SAMPLE_TIME), UTC));
        assertEquals("Sat Nov 21 05:17:39 2026 1 127.0.0.1 0 /home/bob/nonexist a _ o r bob ftp 0 * i",
                XferlogFormat.line(real(Direction.DOWNLOAD, false, "bob", "/home/bob/nonexist", true, 0,
                        SAMPLE_TIME, SAMPLE_TIME), UTC));
        assertEquals("Sat Nov 21 05:17:39 2026 1 127.0.0.1 8 /pub/p.txt a _ o a joe_user@x ftp 0 * c",
                XferlogFormat.line(anonymous(Direction.DOWNLOAD, true, "joe user@x", "/pub/p.txt", true, 8,
                        SAMPLE_TIME, SAMPLE_TIME), UTC));
    }

    @Test
    void guestBinaryAndSpacePaddedDayInLocalTime() {
        Instant end = Instant.parse("2026-11-01T22:59:08Z");
        TransferEvent e = new TransferEvent(Direction.DOWNLOAD, true, "::1", "virt", Access.GUEST, null,
                "/a b c.bin", false, 123456789012L, end.minusSeconds(75), end);
        // Berlin is UTC+1 in November: the day changes, and strftime's %e pads with a space.
        assertEquals("Sun Nov  1 23:59:08 2026 75 ::1 123456789012 /a_b_c.bin b _ o g virt ftp 0 * c",
                XferlogFormat.line(e, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void secondsAreWholeClockSecondsAtLeastOne() {
        Instant start = Instant.parse("2026-11-21T05:17:39.900Z");
        // 0.2 s across a second boundary counts 1; 1.2 s across two boundaries counts 2; like vsftpd.
        assertEquals("1", field(start, start.plusMillis(200), 2));
        assertEquals("2", field(start, start.plusMillis(1200), 2));
        assertEquals("1", field(start, start.plusMillis(50), 2));
        assertEquals("1", field(start, start.minusSeconds(5), 2));
    }

    @Test
    void anonymousIdentityMustBeGivenForAnonymousOnly() {
        assertThrows(IllegalArgumentException.class, () -> new TransferEvent(Direction.DOWNLOAD, true, IP, "ftp",
                Access.ANONYMOUS, null, "/x", false, 0, SAMPLE_TIME, SAMPLE_TIME));
        assertThrows(IllegalArgumentException.class, () -> new TransferEvent(Direction.DOWNLOAD, true, IP, "bob",
                Access.REAL, "x", "/x", false, 0, SAMPLE_TIME, SAMPLE_TIME));
    }

    private static String field(Instant start, Instant end, int index) {
        String line = XferlogFormat.line(real(Direction.UPLOAD, true, "bob", "/f", false, 1, start, end), UTC);
        return line.substring(25).split(" ")[index - 2];
    }
}
