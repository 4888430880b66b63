package dev.jvsftpd.compat.listing;

import dev.jvsftpd.compat.config.OopsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * vsftpd's long listing line:
 * {@code perms(10) SP links(>4) SP owner(<8) SP group(<8) SP size(>8) SP date SP name[ -> target]}.
 * Fields are padded, never cut. Settings that shape the line are fixed per session, so they are
 * held here; {@code now} decides between the time and the year form of the date.
 *
 * @param now             the current time; dates in the future or more than 182 days before it show the year
 * @param zone            GMT ({@link ZoneOffset#UTC}) unless use_localtime
 * @param hideIds         hide_ids: owner and group both print as {@code ftp}
 * @param textUserdbNames text_userdb_names: print names from the resolvers where they resolve
 * @param userNames       uid to user name as the session can see it (used only with textUserdbNames)
 * @param groupNames      gid to group name, likewise
 */
public record LongFormat(Instant now, ZoneId zone, boolean hideIds, boolean textUserdbNames,
        IntFunction<Optional<String>> userNames, IntFunction<Optional<String>> groupNames) {

    /** Six months as vsftpd counts them. */
    static final long YEAR_FORM_AFTER_SECONDS = 60L * 60 * 24 * 182;

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    public LongFormat {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        userNames = userNames == null ? id -> Optional.empty() : userNames;
        groupNames = groupNames == null ? id -> Optional.empty() : groupNames;
    }

    /** The defaults: GMT dates, numeric ids. */
    public static LongFormat gmt(Instant now) {
        return new LongFormat(now, ZoneOffset.UTC, false, false, null, null);
    }

    public LongFormat withZone(ZoneId newZone) {
        return new LongFormat(now, newZone, hideIds, textUserdbNames, userNames, groupNames);
    }

    public LongFormat withHideIds(boolean hide) {
        return new LongFormat(now, zone, hide, textUserdbNames, userNames, groupNames);
    }

    public LongFormat withUserdbNames(IntFunction<Optional<String>> users, IntFunction<Optional<String>> groups) {
        return new LongFormat(now, zone, hideIds, true, users, groups);
    }

    /** The line for {@code entry}, name plus {@code " -> target"} for a symlink, ending in CRLF. */
    public String line(ListEntry entry) {
        return line(entry, entry.name());
    }

    /**
     * The line with {@code shownName} in the name column (the caller adds {@code -F}'s {@code /}),
     * followed by {@code " -> target"} for a symlink, ending in CRLF.
     *
     * @throws OopsException as vsftpd's session-ending {@code 500 OOPS} when text_userdb_names
     *                       meets an id above 2^31-1 (vsftpd's lookup takes a signed int)
     */
    public String line(ListEntry entry, String shownName) {
        StringBuilder b = new StringBuilder(64 + shownName.length());
        b.append(permissions(entry)).append(' ');
        padLeft(b, Long.toString(entry.links()), 4).append(' ');
        padRight(b, owner(entry.uid()), 8).append(' ');
        padRight(b, group(entry.gid()), 8).append(' ');
        padLeft(b, Long.toString(entry.size()), 8).append(' ');
        b.append(date(entry.mtime())).append(' ');
        b.append(shownName);
        if (entry.isSymlink() && entry.symlinkTarget() != null) {
            b.append(" -> ").append(entry.symlinkTarget());
        }
        return b.append("\r\n").toString();
    }

    /** The 10-character mode string, e.g. {@code drwxrwxrwt}, {@code -rwSr--r--}. */
    public static String permissions(ListEntry entry) {
        int p = entry.permissions();
        char[] c = new char[10];
        c[0] = entry.type().symbol();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            c[i + 1] = (p & (0400 >> i)) != 0 ? rwx.charAt(i) : '-';
        }
        // the special bits replace the x slot: lower case when x is also set
        if ((p & ListEntry.SETUID) != 0) {
            c[3] = c[3] == 'x' ? 's' : 'S';
        }
        if ((p & ListEntry.SETGID) != 0) {
            c[6] = c[6] == 'x' ? 's' : 'S';
        }
        if ((p & ListEntry.STICKY) != 0) {
            c[9] = c[9] == 'x' ? 't' : 'T';
        }
        return new String(c);
    }

    /**
     * {@code %b %d %H:%M}, or {@code %b %d  %Y} when the time is in the future or more than 182
     * days old, in the C locale. Both sides are whole seconds, as in vsftpd.
     */
    public String date(Instant mtime) {
        long then = mtime.getEpochSecond();
        long current = now.getEpochSecond();
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(then), zone);
        StringBuilder b = new StringBuilder(12);
        b.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        twoDigits(b, t.getDayOfMonth()).append(' ');
        if (then > current || current - then > YEAR_FORM_AFTER_SECONDS) {
            b.append(' ').append(t.getYear());
        } else {
            twoDigits(b, t.getHour()).append(':');
            twoDigits(b, t.getMinute());
        }
        return b.toString();
    }

    private String owner(int uid) {
        if (hideIds) {
            return "ftp";
        }
        if (textUserdbNames) {
            if (uid < 0) {
                throw new OopsException("negative uid in vsf_sysutil_getpwuid");
            }
            Optional<String> name = userNames.apply(uid);
            if (name.isPresent()) {
                return name.get();
            }
        }
        return numericId(uid);
    }

    private String group(int gid) {
        if (hideIds) {
            return "ftp";
        }
        if (textUserdbNames) {
            if (gid < 0) {
                throw new OopsException("negative gid in vsf_sysutil_getgrgid");
            }
            Optional<String> name = groupNames.apply(gid);
            if (name.isPresent()) {
                return name.get();
            }
        }
        return numericId(gid);
    }

    /**
     * vsftpd holds ids in a signed int and prints them as unsigned long, so an id of 2^31 or more
     * sign-extends: uid 3000000000 prints as 18446744072414584320.
     */
    static String numericId(int id) {
        return Long.toUnsignedString(id);
    }

    private static StringBuilder padLeft(StringBuilder b, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
        return b.append(s);
    }

    /** Pads by bytes, as vsftpd does, so a non-ASCII user name lines up the way it does there. */
    private static StringBuilder padRight(StringBuilder b, String s, int width) {
        b.append(s);
        for (int i = s.getBytes(StandardCharsets.UTF_8).length; i < width; i++) {
            b.append(' ');
        }
        return b;
    }

    private static StringBuilder twoDigits(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        return b.append(v);
    }
}
