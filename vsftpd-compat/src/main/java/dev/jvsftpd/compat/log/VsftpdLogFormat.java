package dev.jvsftpd.compat.log;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;

/**
 * vsftpd's own log line (reference 11.2):
 * {@code <date> [pid N] [user] OK|FAIL WHAT: Client "ip"[, anon password "id"][, "arg"][, N bytes][, R.RRKbyte/sec]}.
 * {@code body} is the part from {@code [user]} on, which is all that goes to syslog.
 */
public final class VsftpdLogFormat {
    private VsftpdLogFormat() {
    }

    /** A file line; stamped with the event's end. */
    public static String line(TransferEvent e, ZoneId zone, long pid) {
        return prefix(e.end(), zone, pid) + body(e);
    }

    /** A file line stamped {@code now}. */
    public static String line(SessionEvent e, Instant now, ZoneId zone, long pid) {
        return prefix(now, zone, pid) + body(e);
    }

    public static String body(TransferEvent e) {
        StringBuilder out = head(e.user(), e.complete(),
                e.direction() == TransferEvent.Direction.UPLOAD ? "UPLOAD" : "DOWNLOAD", e.clientIp());
        out.append(", \"").append(e.path()).append('"');
        if (e.bytes() != 0) {
            out.append(", ").append(e.bytes()).append(" bytes");
        }
        return out.append(", ").append(kbyteRate(e.bytes(), e.start(), e.end())).append("Kbyte/sec").toString();
    }

    public static String body(SessionEvent e) {
        StringBuilder out = head(e.user(), e.what().hasOutcome() ? e.ok() : null, e.what().text, e.clientIp());
        if (e.what() == SessionEvent.What.LOGIN && e.anonPassword() != null) {
            out.append(", anon password \"").append(e.anonPassword()).append('"');
        }
        // vsftpd skips an empty argument, as for "no argument".
        if (e.arg() != null && !e.arg().isEmpty()) {
            out.append(", \"").append(e.arg()).append('"');
        }
        return out.toString();
    }

    /**
     * The rate vsftpd prints: bytes per second of wall time at microsecond resolution, in KiB,
     * {@code %.2f}; a zero or negative duration counts as 0.1 s. Rounded half-even on the exact
     * binary value, as glibc's printf does.
     */
    static String kbyteRate(long bytes, Instant start, Instant end) {
        double seconds = (end.getEpochSecond() - start.getEpochSecond())
                + (end.getNano() / 1000 - start.getNano() / 1000) / 1_000_000.0;
        if (seconds <= 0) {
            seconds = 0.1;
        }
        double rate = (bytes / seconds) / 1024;
        return new BigDecimal(rate).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String prefix(Instant when, ZoneId zone, long pid) {
        return XferlogFormat.date(when, zone) + " [pid " + pid + "] ";
    }

    private static StringBuilder head(String user, Boolean ok, String what, String clientIp) {
        StringBuilder out = new StringBuilder(128);
        if (user != null && !user.isEmpty()) {
            out.append('[').append(user).append("] ");
        }
        if (ok != null) {
            out.append(ok ? "OK " : "FAIL ");
        }
        return out.append(what).append(": Client \"").append(clientIp).append('"');
    }
}
