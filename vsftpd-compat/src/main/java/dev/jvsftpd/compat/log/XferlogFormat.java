package dev.jvsftpd.compat.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The wu-ftpd xferlog line vsftpd writes with xferlog_std_format (reference 11.1). */
public final class XferlogFormat {
    // strftime "%a %b %e %H:%M:%S %Y": English names, day padded with a space.
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private XferlogFormat() {
    }

    /**
     * The line without newline and before the unprintable-byte replacement the sink applies.
     * The time stamp is the event's end, in {@code zone} (vsftpd uses local time).
     */
    public static String line(TransferEvent e, ZoneId zone) {
        return date(e.end(), zone)
                + ' ' + seconds(e)
                + ' ' + e.clientIp()
                + ' ' + e.bytes()
                + ' ' + e.path().replace(' ', '_')
                + ' ' + (e.ascii() ? 'a' : 'b')
                + " _ "
                + (e.direction() == TransferEvent.Direction.UPLOAD ? 'i' : 'o')
                + ' ' + e.access().code
                + ' ' + e.xferlogUser()
                + " ftp 0 * "
                + (e.complete() ? 'c' : 'i');
    }

    /** The date format shared with the vsftpd-format file lines. */
    public static String date(Instant when, ZoneId zone) {
        return DATE.format(when.atZone(zone));
    }

    // vsftpd subtracts whole wall-clock seconds (not a rounded duration) and logs at least 1.
    private static long seconds(TransferEvent e) {
        long delta = e.end().getEpochSecond() - e.start().getEpochSecond();
        return Math.max(delta, 1);
    }
}
