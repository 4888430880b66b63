package dev.jvsftpd.compat.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.listing.ListEntry.Type;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Single lines; expected texts are vsftpd's unless a comment says the case follows from its source. */
class LongFormatTest {
    private static final Instant NOW = OracleJail.NOW;

    private static ListEntry file(String name, int perms, Instant mtime) {
        return new ListEntry(name, Type.FILE, perms, 1, 0, 0, 2, mtime, null);
    }

    @Test
    void referenceExample() {
        ListEntry e = new ListEntry("a.mp3.txt", Type.FILE, 0644, 1, 0, 0, 15, Instant.parse("2026-11-21T04:59:30Z"),
                null);
        assertEquals("-rw-r--r--    1 0        0              15 Nov 21 04:59 a.mp3.txt\r\n",
                LongFormat.gmt(NOW).line(e));
    }

    @Test
    void permissionStrings() {
        // every string here was printed by vsftpd for a file or directory with that mode
        assertEquals("-rwsr-xr-x", LongFormat.permissions(file("f", 04755, NOW)));
        assertEquals("-rwSr--r--", LongFormat.permissions(file("f", 04644, NOW)));
        assertEquals("-rwxr-sr-x", LongFormat.permissions(file("f", 02755, NOW)));
        assertEquals("-rw-r-Sr--", LongFormat.permissions(file("f", 02644, NOW)));
        assertEquals("-rwsrwsrwt", LongFormat.permissions(file("f", 07777, NOW)));
        assertEquals("----------", LongFormat.permissions(file("f", 0, NOW)));
        assertEquals("drwxrwxrwt", LongFormat.permissions(dir(01777)));
        assertEquals("drwxrwxrwT", LongFormat.permissions(dir(01776)));
        assertEquals("lrwxrwxrwx", LongFormat.permissions(typed(Type.SYMLINK, 0777)));
        assertEquals("prw-r--r--", LongFormat.permissions(typed(Type.FIFO, 0644)));
        assertEquals("srwxr-xr-x", LongFormat.permissions(typed(Type.SOCKET, 0755)));
        assertEquals("crw-r--r--", LongFormat.permissions(typed(Type.CHAR_DEVICE, 0644)));
        assertEquals("brw-r--r--", LongFormat.permissions(typed(Type.BLOCK_DEVICE, 0644)));
        // from the source: an unknown file type prints '?'
        assertEquals("?rw-------", LongFormat.permissions(typed(Type.UNKNOWN, 0600)));
    }

    @Test
    void fieldsArePaddedButNeverCut() {
        ListEntry big = new ListEntry("big.bin", Type.FILE, 0644, 12345, 0, 0, 123456789012L, OracleJail.T0, null);
        assertEquals("-rw-r--r-- 12345 0        0        123456789012 Nov 21 05:13 big.bin\r\n",
                LongFormat.gmt(NOW).line(big));
    }

    @Test
    void idsAboveTwoToTheThirtyOneSignExtend() {
        ListEntry e = new ListEntry("bigid", Type.FILE, 0644, 1, (int) 3000000000L, (int) 3000000001L, 2,
                OracleJail.T0, null);
        assertEquals("-rw-r--r--    1 18446744072414584320 18446744072414584321        2 Nov 21 05:13 bigid\r\n",
                LongFormat.gmt(NOW).line(e));
    }

    @Test
    void textUserdbNamesDiesOnSuchIdsLikeVsftpd() {
        ListEntry badUid = new ListEntry("u", Type.FILE, 0644, 1, (int) 3000000000L, 0, 2, NOW, null);
        ListEntry badGid = new ListEntry("g", Type.FILE, 0644, 1, 0, (int) 3000000001L, 2, NOW, null);
        LongFormat names = LongFormat.gmt(NOW).withUserdbNames(id -> Optional.of("x"), id -> Optional.of("y"));
        OopsException uid = assertThrows(OopsException.class, () -> names.line(badUid));
        assertEquals("500 OOPS: negative uid in vsf_sysutil_getpwuid", uid.oopsLine());
        OopsException gid = assertThrows(OopsException.class, () -> names.line(badGid));
        assertEquals("500 OOPS: negative gid in vsf_sysutil_getgrgid", gid.oopsLine());
        // hide_ids never looks the ids up, so nothing dies
        assertEquals("-rw-r--r--    1 ftp      ftp             2 Nov 21 06:17 u\r\n",
                names.withHideIds(true).line(badUid));
    }

    @Test
    void namesFromTheResolvers() {
        ListEntry e = new ListEntry("f", Type.FILE, 0644, 1, 1000, 100, 2, OracleJail.T0, null);
        LongFormat names = LongFormat.gmt(NOW).withUserdbNames(
                uid -> uid == 1000 ? Optional.of("averyverylongname") : Optional.empty(),
                gid -> Optional.empty());
        // from the source: names are padded to 8, not cut; unresolvable ids stay numeric
        assertEquals("-rw-r--r--    1 averyverylongname 100             2 Nov 21 05:13 f\r\n", names.line(e));
    }

    @Test
    void symlinkTargetAndShownName() {
        ListEntry lnk = new ListEntry("lnk", Type.SYMLINK, 0777, 1, 0, 0, 5, OracleJail.T0, "a.txt");
        assertEquals("lrwxrwxrwx    1 0        0               5 Nov 21 05:13 lnk -> a.txt\r\n",
                LongFormat.gmt(NOW).line(lnk));
        ListEntry unreadable = new ListEntry("lnk", Type.SYMLINK, 0777, 1, 0, 0, 5, OracleJail.T0, null);
        assertEquals("lrwxrwxrwx    1 0        0               5 Nov 21 05:13 lnk\r\n",
                LongFormat.gmt(NOW).line(unreadable));
    }

    @Test
    void datesAroundTheSixMonthAndFutureEdges() {
        // a run at now=1795241677..+2 printed these (d182+30 is 182 days minus 30 s old, d182-30 30 s more)
        LongFormat f = LongFormat.gmt(Instant.ofEpochSecond(1795241678L));
        assertEquals("May 23 06:15", f.date(Instant.ofEpochSecond(1779516907L)));
        assertEquals("May 23  2026", f.date(Instant.ofEpochSecond(1779516847L)));
        assertEquals("Nov 21  2026", f.date(Instant.ofEpochSecond(1795241707L)), "30 s in the future");
        assertEquals("Nov 21 06:14", f.date(Instant.ofEpochSecond(1795241676L)));
        assertEquals("Jan 01  1970", f.date(Instant.ofEpochSecond(0)));
        assertEquals("Dec 30  1969", f.date(Instant.ofEpochSecond(-100000)));
        assertEquals("Feb 29  2024", f.date(Instant.parse("2024-02-29T12:00:00Z")));
        assertEquals("Jan 05  2024", f.date(Instant.parse("2024-01-05T07:08:09Z")), "day is zero-padded");
    }

    @Test
    void exactBoundariesFollowTheSource() {
        // vsftpd: year form when mtime > now, or now - mtime > 182 days, in whole seconds
        Instant now = Instant.parse("2026-11-21T12:00:00.900Z");
        LongFormat f = LongFormat.gmt(now);
        long n = now.getEpochSecond();
        long limit = LongFormat.YEAR_FORM_AFTER_SECONDS;
        assertEquals("May 23 12:00", f.date(Instant.ofEpochSecond(n - limit)));
        assertEquals("May 23  2026", f.date(Instant.ofEpochSecond(n - limit - 1)));
        assertEquals("Nov 21 12:00", f.date(Instant.ofEpochSecond(n, 999_000_000)), "same second is not future");
        assertEquals("Nov 21  2026", f.date(Instant.ofEpochSecond(n + 1)));
    }

    @Test
    void localTime() {
        // use_localtime with TZ=Asia/Kolkata printed 10:43 for 05:13:07 GMT
        LongFormat f = LongFormat.gmt(NOW).withZone(ZoneId.of("Asia/Kolkata"));
        assertEquals("Nov 21 10:43", f.date(OracleJail.T0));
        assertEquals("Jan 05  2024", f.date(Instant.parse("2024-01-05T07:08:09Z")));
    }

    private static ListEntry dir(int perms) {
        return typed(Type.DIRECTORY, perms);
    }

    private static ListEntry typed(Type type, int perms) {
        return new ListEntry("x", type, perms, 1, 0, 0, 0, NOW, null);
    }
}
