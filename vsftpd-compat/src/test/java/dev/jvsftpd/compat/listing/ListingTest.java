package dev.jvsftpd.compat.listing;

import static dev.jvsftpd.compat.listing.OracleJail.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jvsftpd.compat.listing.ListEntry.Type;
import dev.jvsftpd.compat.listing.Listing.Command;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whole listing bodies. Every expected text below is what vsftpd 3.0.3 (Debian) sent for the
 * {@link OracleJail} tree, pasted as received (CRLF shown as line breaks).
 */
class ListingTest {
    private static final LongFormat GMT = LongFormat.gmt(OracleJail.NOW);

    /** Runs one command the way a session would: parse, resolve the target, read, build. */
    private static String run(Command command, String argument, boolean recurseEnabled, ListFilter sessionFilter,
            LongFormat format) {
        ListRequest request = ListRequest.parse(argument, recurseEnabled);
        ListTarget target = request.target(OracleJail::isDirectory);
        ListFilter filter = sessionFilter.withPattern(target.pattern(), name -> glob(name, target.pattern()));
        List<ListEntry> entries = OracleJail.open(target.directory()).orElseThrow();
        return Listing.build(command, target.directory(), entries, request.options(), filter, format,
                OracleJail::open);
    }

    private static String run(Command command, String argument) {
        return run(command, argument, false, ListFilter.NONE, GMT);
    }

    /** Just enough glob for these tests ({@code *} and literals); the real matcher lives elsewhere. */
    private static boolean glob(String name, String pattern) {
        return name.matches(pattern.replace(".", "\\.").replace("*", ".*"));
    }

    @Test
    void listIsLongSortedByNameWithoutDotFiles() {
        assertEquals(crlf("""
                -rw-r--r--    1 0        0              15 Nov 21 05:13 a.mp3.txt
                -rw-r--r--    2 0        0               6 Nov 21 05:13 a.txt
                -rwsrwsrwt    1 0        0               2 Nov 21 05:13 allperm
                -rw-r--r--    1 0        0        123456789012 Nov 21 05:13 big.bin
                -rw-r--r--    1 18446744072414584320 18446744072414584321        2 Nov 21 05:13 bigid
                brw-r--r--    1 0        0               0 Nov 21 05:13 blk
                crw-r--r--    1 0        0               0 Nov 21 05:13 chr
                lrwxrwxrwx    1 0        0              19 Nov 21 05:13 dangling -> /nonexistent/target
                prw-r--r--    1 0        0               0 Nov 21 05:13 fifo
                -rw-r--r--    1 102      105             2 Nov 21 05:13 ftpowned
                -rw-r--r--    1 0        0               4 Dec 31  2099 future.txt
                -rw-r--r--    2 0        0               6 Nov 21 05:13 hardlink
                -rw-r--r--    1 0        0               2 Jan 05  2024 jan
                lrwxrwxrwx    1 0        0               5 Nov 21 05:13 lnk -> a.txt
                lrwxrwxrwx    1 0        0               3 Nov 21 05:13 lnkdir -> sub
                -rw-r--r--    1 0        0               3 Nov 21 05:13 name with spaces
                ----------    1 0        0               2 Nov 21 05:13 noperm
                -rw-r--r--    1 0        0               4 Feb 03  2001 old.txt
                -rw-r-Sr--    1 0        0               2 Nov 21 05:13 sgidnox
                srwxr-xr-x    1 0        0               0 Nov 21 05:13 sock
                drwxrwxrwt    2 0        0            4096 Nov 21 05:13 sticky
                drwxrwxrwT    2 0        0            4096 Nov 21 05:13 stickynox
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 sub
                -rwsr-xr-x    1 0        0               2 Nov 21 05:13 suid
                -rwSr--r--    1 0        0               2 Nov 21 05:13 suidnox
                """), run(Command.LIST, null));
    }

    @Test
    void listDashLaShowsDotEntries() {
        // vsftpd: the three dot entries, then exactly the LIST lines
        assertEquals(crlf("""
                drwxr-xr-x    5 0        0            4096 Nov 21 05:13 .
                drwxr-xr-x    5 0        0            4096 Nov 21 05:13 ..
                -rw-r--r--    1 0        0               4 Nov 21 05:13 .dotfile
                """) + run(Command.LIST, null), run(Command.LIST, "-la"));
    }

    @Test
    void nlstIsShortAndDashAAddsDotEntries() {
        assertEquals(crlf("""
                a.mp3.txt
                a.txt
                allperm
                big.bin
                bigid
                blk
                chr
                dangling
                fifo
                ftpowned
                future.txt
                hardlink
                jan
                lnk
                lnkdir
                name with spaces
                noperm
                old.txt
                sgidnox
                sock
                sticky
                stickynox
                sub
                suid
                suidnox
                """), run(Command.NLST, null));
        assertEquals(crlf(".\n..\n.dotfile\n") + run(Command.NLST, null), run(Command.NLST, "-a"));
    }

    @Test
    void classifyMarksDirectoriesAndSymlinksInShortFormat() {
        assertEquals(crlf("""
                a.mp3.txt
                a.txt
                allperm
                big.bin
                bigid
                blk
                chr
                dangling@
                fifo
                ftpowned
                future.txt
                hardlink
                jan
                lnk@
                lnkdir@
                name with spaces
                noperm
                old.txt
                sgidnox
                sock
                sticky/
                stickynox/
                sub/
                suid
                suidnox
                """), run(Command.NLST, "-F"));
    }

    @Test
    void classifyMarksOnlyDirectoriesInLongFormat() {
        String expected = crlf("""
                -rw-r--r--    1 0        0              15 Nov 21 05:13 a.mp3.txt
                -rw-r--r--    2 0        0               6 Nov 21 05:13 a.txt
                -rwsrwsrwt    1 0        0               2 Nov 21 05:13 allperm
                -rw-r--r--    1 0        0        123456789012 Nov 21 05:13 big.bin
                -rw-r--r--    1 18446744072414584320 18446744072414584321        2 Nov 21 05:13 bigid
                brw-r--r--    1 0        0               0 Nov 21 05:13 blk
                crw-r--r--    1 0        0               0 Nov 21 05:13 chr
                lrwxrwxrwx    1 0        0              19 Nov 21 05:13 dangling -> /nonexistent/target
                prw-r--r--    1 0        0               0 Nov 21 05:13 fifo
                -rw-r--r--    1 102      105             2 Nov 21 05:13 ftpowned
                -rw-r--r--    1 0        0               4 Dec 31  2099 future.txt
                -rw-r--r--    2 0        0               6 Nov 21 05:13 hardlink
                -rw-r--r--    1 0        0               2 Jan 05  2024 jan
                lrwxrwxrwx    1 0        0               5 Nov 21 05:13 lnk -> a.txt
                lrwxrwxrwx    1 0        0               3 Nov 21 05:13 lnkdir -> sub
                -rw-r--r--    1 0        0               3 Nov 21 05:13 name with spaces
                ----------    1 0        0               2 Nov 21 05:13 noperm
                -rw-r--r--    1 0        0               4 Feb 03  2001 old.txt
                -rw-r-Sr--    1 0        0               2 Nov 21 05:13 sgidnox
                srwxr-xr-x    1 0        0               0 Nov 21 05:13 sock
                drwxrwxrwt    2 0        0            4096 Nov 21 05:13 sticky/
                drwxrwxrwT    2 0        0            4096 Nov 21 05:13 stickynox/
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 sub/
                -rwsr-xr-x    1 0        0               2 Nov 21 05:13 suid
                -rwSr--r--    1 0        0               2 Nov 21 05:13 suidnox
                """);
        assertEquals(expected, run(Command.LIST, "-F"));
        assertEquals(expected, run(Command.NLST, "-lF"), "NLST -l gives LIST's lines, no directory prefix");
    }

    @Test
    void byTimeNewestFirstWithTiesInReaddirOrder() {
        assertEquals(crlf("""
                -rw-r--r--    1 0        0               4 Dec 31  2099 future.txt
                ----------    1 0        0               2 Nov 21 05:13 noperm
                lrwxrwxrwx    1 0        0               3 Nov 21 05:13 lnkdir -> sub
                prw-r--r--    1 0        0               0 Nov 21 05:13 fifo
                crw-r--r--    1 0        0               0 Nov 21 05:13 chr
                lrwxrwxrwx    1 0        0              19 Nov 21 05:13 dangling -> /nonexistent/target
                -rwsr-xr-x    1 0        0               2 Nov 21 05:13 suid
                -rw-r--r--    1 0        0              15 Nov 21 05:13 a.mp3.txt
                -rw-r-Sr--    1 0        0               2 Nov 21 05:13 sgidnox
                -rw-r--r--    2 0        0               6 Nov 21 05:13 hardlink
                -rwsrwsrwt    1 0        0               2 Nov 21 05:13 allperm
                srwxr-xr-x    1 0        0               0 Nov 21 05:13 sock
                lrwxrwxrwx    1 0        0               5 Nov 21 05:13 lnk -> a.txt
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 sub
                -rwSr--r--    1 0        0               2 Nov 21 05:13 suidnox
                -rw-r--r--    1 18446744072414584320 18446744072414584321        2 Nov 21 05:13 bigid
                drwxrwxrwT    2 0        0            4096 Nov 21 05:13 stickynox
                drwxrwxrwt    2 0        0            4096 Nov 21 05:13 sticky
                brw-r--r--    1 0        0               0 Nov 21 05:13 blk
                -rw-r--r--    1 0        0               3 Nov 21 05:13 name with spaces
                -rw-r--r--    1 102      105             2 Nov 21 05:13 ftpowned
                -rw-r--r--    2 0        0               6 Nov 21 05:13 a.txt
                -rw-r--r--    1 0        0        123456789012 Nov 21 05:13 big.bin
                -rw-r--r--    1 0        0               2 Jan 05  2024 jan
                -rw-r--r--    1 0        0               4 Feb 03  2001 old.txt
                """), run(Command.LIST, "-t"));
    }

    @Test
    void reverseByTimeOldestFirstButTiesStayInReaddirOrder() {
        assertEquals(crlf("""
                -rw-r--r--    1 0        0               4 Feb 03  2001 old.txt
                -rw-r--r--    1 0        0               2 Jan 05  2024 jan
                ----------    1 0        0               2 Nov 21 05:13 noperm
                lrwxrwxrwx    1 0        0               3 Nov 21 05:13 lnkdir -> sub
                prw-r--r--    1 0        0               0 Nov 21 05:13 fifo
                crw-r--r--    1 0        0               0 Nov 21 05:13 chr
                lrwxrwxrwx    1 0        0              19 Nov 21 05:13 dangling -> /nonexistent/target
                -rwsr-xr-x    1 0        0               2 Nov 21 05:13 suid
                -rw-r--r--    1 0        0              15 Nov 21 05:13 a.mp3.txt
                -rw-r-Sr--    1 0        0               2 Nov 21 05:13 sgidnox
                -rw-r--r--    2 0        0               6 Nov 21 05:13 hardlink
                -rwsrwsrwt    1 0        0               2 Nov 21 05:13 allperm
                srwxr-xr-x    1 0        0               0 Nov 21 05:13 sock
                lrwxrwxrwx    1 0        0               5 Nov 21 05:13 lnk -> a.txt
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 sub
                -rwSr--r--    1 0        0               2 Nov 21 05:13 suidnox
                -rw-r--r--    1 18446744072414584320 18446744072414584321        2 Nov 21 05:13 bigid
                drwxrwxrwT    2 0        0            4096 Nov 21 05:13 stickynox
                drwxrwxrwt    2 0        0            4096 Nov 21 05:13 sticky
                brw-r--r--    1 0        0               0 Nov 21 05:13 blk
                -rw-r--r--    1 0        0               3 Nov 21 05:13 name with spaces
                -rw-r--r--    1 102      105             2 Nov 21 05:13 ftpowned
                -rw-r--r--    2 0        0               6 Nov 21 05:13 a.txt
                -rw-r--r--    1 0        0        123456789012 Nov 21 05:13 big.bin
                -rw-r--r--    1 0        0               4 Dec 31  2099 future.txt
                """), run(Command.LIST, "-tr"));
    }

    @Test
    void reverseByName() {
        assertEquals(crlf("""
                -rwSr--r--    1 0        0               2 Nov 21 05:13 suidnox
                -rwsr-xr-x    1 0        0               2 Nov 21 05:13 suid
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 sub
                drwxrwxrwT    2 0        0            4096 Nov 21 05:13 stickynox
                drwxrwxrwt    2 0        0            4096 Nov 21 05:13 sticky
                srwxr-xr-x    1 0        0               0 Nov 21 05:13 sock
                -rw-r-Sr--    1 0        0               2 Nov 21 05:13 sgidnox
                -rw-r--r--    1 0        0               4 Feb 03  2001 old.txt
                ----------    1 0        0               2 Nov 21 05:13 noperm
                -rw-r--r--    1 0        0               3 Nov 21 05:13 name with spaces
                lrwxrwxrwx    1 0        0               3 Nov 21 05:13 lnkdir -> sub
                lrwxrwxrwx    1 0        0               5 Nov 21 05:13 lnk -> a.txt
                -rw-r--r--    1 0        0               2 Jan 05  2024 jan
                -rw-r--r--    2 0        0               6 Nov 21 05:13 hardlink
                -rw-r--r--    1 0        0               4 Dec 31  2099 future.txt
                -rw-r--r--    1 102      105             2 Nov 21 05:13 ftpowned
                prw-r--r--    1 0        0               0 Nov 21 05:13 fifo
                lrwxrwxrwx    1 0        0              19 Nov 21 05:13 dangling -> /nonexistent/target
                crw-r--r--    1 0        0               0 Nov 21 05:13 chr
                brw-r--r--    1 0        0               0 Nov 21 05:13 blk
                -rw-r--r--    1 18446744072414584320 18446744072414584321        2 Nov 21 05:13 bigid
                -rw-r--r--    1 0        0        123456789012 Nov 21 05:13 big.bin
                -rwsrwsrwt    1 0        0               2 Nov 21 05:13 allperm
                -rw-r--r--    2 0        0               6 Nov 21 05:13 a.txt
                -rw-r--r--    1 0        0              15 Nov 21 05:13 a.mp3.txt
                """), run(Command.LIST, "-r"));
    }

    @Test
    void byTimeTiesIncludeDotEntriesWhereReaddirPutThem() {
        assertEquals(crlf("""
                future.txt
                noperm
                lnkdir
                .
                fifo
                chr
                dangling
                suid
                a.mp3.txt
                sgidnox
                .dotfile
                hardlink
                allperm
                sock
                lnk
                sub
                suidnox
                bigid
                ..
                stickynox
                sticky
                blk
                name with spaces
                ftpowned
                a.txt
                big.bin
                jan
                old.txt
                """), run(Command.NLST, "-at"));
    }

    @Test
    void nlstPrefixesTheDirectoryAsTyped() {
        assertEquals(crlf("sub/deeper\nsub/y.txt\n"), run(Command.NLST, "sub"));
        assertEquals(crlf("sub/deeper\nsub/y.txt\n"), run(Command.NLST, "sub/"));
        assertEquals(crlf("./sub/deeper\n./sub/y.txt\n"), run(Command.NLST, "./sub/"));
        assertEquals(crlf("/sub/.\n/sub/..\n/sub/.hid\n/sub/deeper\n/sub/y.txt\n"), run(Command.NLST, "-a /sub"));
        assertEquals(crlf("sub/deeper\nsub/y.txt\n"), run(Command.NLST, "-t sub"));
    }

    @Test
    void listOfAnotherDirectoryHasBareNames() {
        assertEquals(crlf("""
                drwxr-xr-x    2 0        0            4096 Nov 21 05:40 deeper
                -rw-r--r--    1 0        0               2 Nov 21 05:20 y.txt
                """), run(Command.LIST, "sub"));
    }

    @Test
    void statImpliesDashA() {
        // vsftpd wraps this in "213-Status follows:" ... "213 End of status"
        assertEquals(crlf("""
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 .
                drwxr-xr-x    5 0        0            4096 Nov 21 05:13 ..
                -rw-r--r--    1 0        0               2 Nov 21 05:13 .hid
                drwxr-xr-x    2 0        0            4096 Nov 21 05:40 deeper
                -rw-r--r--    1 0        0               2 Nov 21 05:20 y.txt
                """), run(Command.STAT, "sub"));
    }

    @Test
    void patternAfterTheLastSlash() {
        // observed on an earlier run of the same tree: NLST sub/*.txt -> sub/y.txt; NLST sub/.h* -> sub/.hid
        assertEquals(crlf("sub/y.txt\n"), run(Command.NLST, "sub/*.txt"));
        assertEquals(crlf("sub/.hid\n"), run(Command.NLST, "sub/.h*"), "a pattern starting with . implies -a");
        assertEquals(crlf(".dotfile\n"), run(Command.NLST, ".d*"));
        assertEquals("", run(Command.NLST, "nonexist"));
        assertEquals("", run(Command.NLST, "-a  sub"), "two spaces: the path is \" sub\", a pattern on .");
    }

    @Test
    void forceDotFilesAndHideFile() {
        ListFilter session = ListFilter.of(true, n -> n.endsWith(".mp3.txt") || n.equals("noperm"));
        assertEquals(crlf("""
                .dotfile
                a.txt
                allperm
                big.bin
                bigid
                blk
                chr
                dangling
                fifo
                ftpowned
                future.txt
                hardlink
                jan
                lnk
                lnkdir
                name with spaces
                old.txt
                sgidnox
                sock
                sticky
                stickynox
                sub
                suid
                suidnox
                """), run(Command.NLST, null, false, session, GMT));
        assertEquals(crlf(".\n..\n") + run(Command.NLST, null, false, session, GMT),
                run(Command.NLST, "-a", false, session, GMT));
        assertEquals(crlf("sub/.hid\nsub/deeper\nsub/y.txt\n"), run(Command.NLST, "sub", false, session, GMT));
    }

    @Test
    void recursiveShortListing() {
        String top = run(Command.NLST, null);
        assertEquals(crlf(".:\n") + top + crlf("""

                ./sticky:

                ./stickynox:

                ./sub:
                ./sub/deeper
                ./sub/y.txt

                ./sub/deeper:
                ./sub/deeper/z.txt
                """), run(Command.NLST, "-R", true, ListFilter.NONE, GMT));
    }

    @Test
    void recursiveLongListings() {
        assertEquals(crlf("""
                sub:
                drwxr-xr-x    2 0        0            4096 Nov 21 05:40 deeper
                -rw-r--r--    1 0        0               2 Nov 21 05:20 y.txt

                sub/deeper:
                -rw-r--r--    1 0        0               2 Nov 21 05:13 z.txt
                """), run(Command.LIST, "-R sub", true, ListFilter.NONE, GMT));
        assertEquals(crlf("""
                sub:
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 ./
                drwxr-xr-x    5 0        0            4096 Nov 21 05:13 ../
                -rw-r--r--    1 0        0               2 Nov 21 05:13 .hid
                drwxr-xr-x    2 0        0            4096 Nov 21 05:40 deeper/
                -rw-r--r--    1 0        0               2 Nov 21 05:20 y.txt

                sub/deeper:
                drwxr-xr-x    2 0        0            4096 Nov 21 05:40 ./
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 ../
                -rw-r--r--    1 0        0               2 Nov 21 05:13 z.txt
                """), run(Command.LIST, "-RaF sub", true, ListFilter.NONE, GMT));
        assertEquals(crlf("""
                sub:
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 .
                drwxr-xr-x    5 0        0            4096 Nov 21 05:13 ..
                -rw-r--r--    1 0        0               2 Nov 21 05:13 .hid
                drwxr-xr-x    2 0        0            4096 Nov 21 05:40 deeper
                -rw-r--r--    1 0        0               2 Nov 21 05:20 y.txt

                sub/deeper:
                drwxr-xr-x    2 0        0            4096 Nov 21 05:40 .
                drwxr-xr-x    3 0        0            4096 Nov 21 05:13 ..
                -rw-r--r--    1 0        0               2 Nov 21 05:13 z.txt
                """), run(Command.STAT, "-R sub", true, ListFilter.NONE, GMT));
    }

    @Test
    void recursivePathsJoinWithASlashEvenAfterATrailingOne() {
        assertEquals(crlf("""
                /sub/:
                /sub/deeper
                /sub/y.txt

                /sub//deeper:
                /sub//deeper/z.txt
                """), run(Command.NLST, "-Rt /sub/", true, ListFilter.NONE, GMT));
    }

    @Test
    void recursionOnlyIntoDirectoriesThatPassTheFilters() {
        // earlier run: NLST -R sub/*.txt printed only "sub:" and "sub/y.txt" (deeper fails the pattern)
        assertEquals(crlf("sub:\nsub/y.txt\n"), run(Command.NLST, "-R sub/*.txt", true, ListFilter.NONE, GMT));
    }

    @Test
    void dashRIsIgnoredWithoutLsRecurseEnable() {
        assertEquals(run(Command.NLST, null), run(Command.NLST, "-R"));
    }

    @Test
    void unreadableSubdirectoriesAreSkippedSilently() {
        // vsftpd with a mode 700 sub/closed: "sub:", its names, then only "sub/deeper:" follows
        List<ListEntry> entries = List.of(dir("a", 1), dir("b", 1), dir("c", 1));
        String body = Listing.build(Command.NLST, "d", entries, ListOptions.of("R", true), ListFilter.NONE, GMT,
                path -> path.equals("d/b") ? Optional.empty() : Optional.of(List.of()));
        assertEquals(crlf("d:\nd/a\nd/b\nd/c\n\nd/a:\n\nd/c:\n"), body);
    }

    @Test
    void hideIdsAndLocalTime() {
        LongFormat kolkata = GMT.withZone(ZoneId.of("Asia/Kolkata")).withHideIds(true);
        assertEquals(crlf("""
                drwxr-xr-x    2 ftp      ftp          4096 Nov 21 11:10 deeper
                -rw-r--r--    1 ftp      ftp             2 Nov 21 10:50 y.txt
                """), run(Command.LIST, "sub", false, ListFilter.NONE, kolkata));
        assertEquals(crlf("""
                drwxr-xr-x    2 ftp      ftp          4096 Nov 21 11:10 .
                drwxr-xr-x    3 ftp      ftp          4096 Nov 21 10:43 ..
                -rw-r--r--    1 ftp      ftp             2 Nov 21 10:43 z.txt
                """), run(Command.LIST, "-a sub/deeper", false, ListFilter.NONE, kolkata));
    }

    @Test
    void textUserdbNamesFallsBackToNumbers() {
        // in the anonymous jail only root resolved; ftp's 102/105 stayed numeric
        LongFormat names = GMT.withUserdbNames(
                uid -> uid == 0 ? Optional.of("root") : Optional.empty(),
                gid -> gid == 0 ? Optional.of("root") : Optional.empty());
        List<ListEntry> noBigId = new ArrayList<>(OracleJail.ROOT);
        noBigId.removeIf(e -> e.name().equals("bigid"));
        String body = Listing.build(Command.LIST, ".", noBigId, ListOptions.NONE, ListFilter.NONE, names, null);
        assertEquals(crlf("""
                -rw-r--r--    1 root     root           15 Nov 21 05:13 a.mp3.txt
                -rw-r--r--    2 root     root            6 Nov 21 05:13 a.txt
                -rwsrwsrwt    1 root     root            2 Nov 21 05:13 allperm
                -rw-r--r--    1 root     root     123456789012 Nov 21 05:13 big.bin
                brw-r--r--    1 root     root            0 Nov 21 05:13 blk
                crw-r--r--    1 root     root            0 Nov 21 05:13 chr
                lrwxrwxrwx    1 root     root           19 Nov 21 05:13 dangling -> /nonexistent/target
                prw-r--r--    1 root     root            0 Nov 21 05:13 fifo
                -rw-r--r--    1 102      105             2 Nov 21 05:13 ftpowned
                -rw-r--r--    1 root     root            4 Dec 31  2099 future.txt
                -rw-r--r--    2 root     root            6 Nov 21 05:13 hardlink
                -rw-r--r--    1 root     root            2 Jan 05  2024 jan
                lrwxrwxrwx    1 root     root            5 Nov 21 05:13 lnk -> a.txt
                lrwxrwxrwx    1 root     root            3 Nov 21 05:13 lnkdir -> sub
                -rw-r--r--    1 root     root            3 Nov 21 05:13 name with spaces
                ----------    1 root     root            2 Nov 21 05:13 noperm
                -rw-r--r--    1 root     root            4 Feb 03  2001 old.txt
                -rw-r-Sr--    1 root     root            2 Nov 21 05:13 sgidnox
                srwxr-xr-x    1 root     root            0 Nov 21 05:13 sock
                drwxrwxrwt    2 root     root         4096 Nov 21 05:13 sticky
                drwxrwxrwT    2 root     root         4096 Nov 21 05:13 stickynox
                drwxr-xr-x    3 root     root         4096 Nov 21 05:13 sub
                -rwsr-xr-x    1 root     root            2 Nov 21 05:13 suid
                -rwSr--r--    1 root     root            2 Nov 21 05:13 suidnox
                """), body);
    }

    @Test
    void namesSortByUtf8BytesNotUtf16() {
        // vsftpd's NLST of such a directory: -dash 1 B Z _x a a b a.b ab z ~t é U+FF41 U+1F600
        List<String> names = List.of("\uD83D\uDE00", "z", "é", "a b", "B", "\uFF41", "~t", "ab", "_x", "-dash",
                "a.b", "1", "a", "Z");
        List<ListEntry> entries = names.stream().map(n -> file(n, 1)).toList();
        String body = Listing.build(Command.NLST, "names", entries, ListOptions.NONE, ListFilter.NONE, GMT, null);
        assertEquals(crlf("names/-dash\nnames/1\nnames/B\nnames/Z\nnames/_x\nnames/a\nnames/a b\nnames/a.b\n"
                + "names/ab\nnames/z\nnames/~t\nnames/é\nnames/\uFF41\nnames/\uD83D\uDE00\n"), body);
    }

    @Test
    void byTimeUsesVsftpdsTextKeyEvenBeforeNineteenSeventy() {
        // vsftpd LIST -t showed: ..., epoch (0), neg (-100000), neg5 (-5): the %030ld text key
        List<ListEntry> entries = List.of(file("neg5", -5), file("epoch", 0), file("neg", -100000),
                file("recent", 1795241676));
        String body = Listing.build(Command.NLST, ".", entries, ListOptions.of("t", false), ListFilter.NONE, GMT,
                null);
        assertEquals(crlf("recent\nepoch\nneg\nneg5\n"), body);
    }

    @Test
    void recursionNeedsASubdirectoryReader() {
        assertThrows(IllegalArgumentException.class, () -> Listing.build(Command.LIST, ".", List.of(),
                ListOptions.of("R", true), ListFilter.NONE, GMT, null));
    }

    @Test
    void emptyDirectoryGivesEmptyBody() {
        assertEquals("", run(Command.LIST, "sub/nothing*"));
    }

    private static ListEntry file(String name, long mtimeSeconds) {
        return new ListEntry(name, Type.FILE, 0644, 1, 0, 0, 1, Instant.ofEpochSecond(mtimeSeconds), null);
    }

    private static ListEntry dir(String name, long mtimeSeconds) {
        return new ListEntry(name, Type.DIRECTORY, 0755, 2, 0, 0, 4096, Instant.ofEpochSecond(mtimeSeconds), null);
    }
}
