package dev.jvsftpd.compat.listing;

import static dev.jvsftpd.compat.listing.OracleJail.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jvsftpd.compat.listing.ListEntry.Type;
import dev.jvsftpd.compat.listing.Listing.Command;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading real entries: what lstat reports must come out as vsftpd would print it. */
class ListEntryTest {
    private static final Instant WHEN = Instant.parse("2026-11-21T05:13:07Z");
    private static final Instant NOW = Instant.parse("2026-11-21T06:17:13Z");

    @TempDir
    Path dir;

    /** Owner and group of files made here, read independently of the code under test. */
    private String ownerColumns() throws IOException {
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        return String.format("%-8s %-8s", Long.toUnsignedString(uid), Long.toUnsignedString(gid));
    }

    private Path file(String name, String content, String perms) throws IOException {
        Path p = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        Files.setLastModifiedTime(p, FileTime.from(WHEN));
        return p;
    }

    @Test
    void regularFile() throws IOException {
        ListEntry e = ListEntry.read(file("a.mp3.txt", "xxxxxxxxxxxxxxx", "rw-r--r--"));
        assertEquals(new ListEntry("a.mp3.txt", Type.FILE, 0644, 1, (Integer) Files.getAttribute(dir, "unix:uid"),
                (Integer) Files.getAttribute(dir, "unix:gid"), 15, WHEN, null), e);
        assertEquals("-rw-r--r--    1 " + ownerColumns() + "       15 Nov 21 05:13 a.mp3.txt\r\n",
                LongFormat.gmt(NOW).line(e));
    }

    @Test
    void specialModeBitsSetThroughTheUnixView() throws IOException {
        Path suid = file("suid", "s", "rwxr-xr-x");
        Files.setAttribute(suid, "unix:mode", 04755);
        Path suidnox = file("suidnox", "s", "rw-r--r--");
        Files.setAttribute(suidnox, "unix:mode", 04644);
        Path sticky = Files.createDirectory(dir.resolve("sticky"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        Path stickynox = Files.createDirectory(dir.resolve("stickynox"));
        Files.setAttribute(stickynox, "unix:mode", 01776);

        assertEquals("-rwsr-xr-x", LongFormat.permissions(ListEntry.read(suid)));
        assertEquals("-rwSr--r--", LongFormat.permissions(ListEntry.read(suidnox)));
        assertEquals("drwxrwxrwt", LongFormat.permissions(ListEntry.read(sticky)));
        assertEquals("drwxrwxrwT", LongFormat.permissions(ListEntry.read(stickynox)));
        assertEquals(Type.DIRECTORY, ListEntry.read(sticky).type());
    }

    @Test
    void noPermissionsAtAll() throws IOException {
        ListEntry e = ListEntry.read(file("noperm", "n\n", "---------"));
        assertEquals("----------    1 " + ownerColumns() + "        2 Nov 21 05:13 noperm\r\n",
                LongFormat.gmt(NOW).line(e));
    }

    @Test
    void symlinksAreNotFollowed() throws IOException {
        file("a.txt", "hello\n", "rw-r--r--");
        Path lnk = Files.createSymbolicLink(dir.resolve("lnk"), Path.of("a.txt"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Path.of("/nonexistent/target"));
        for (Path p : List.of(lnk, dangling)) {
            Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).setTimes(FileTime.from(WHEN), null, null);
        }
        ListEntry l = ListEntry.read(lnk);
        assertEquals(Type.SYMLINK, l.type());
        assertEquals("a.txt", l.symlinkTarget());
        assertEquals(5, l.size(), "lstat size of a link is its target's length");
        assertEquals("lrwxrwxrwx    1 " + ownerColumns() + "        5 Nov 21 05:13 lnk -> a.txt\r\n",
                LongFormat.gmt(NOW).line(l));
        assertEquals("lrwxrwxrwx    1 " + ownerColumns() + "       19 Nov 21 05:13 dangling -> /nonexistent/target\r\n",
                LongFormat.gmt(NOW).line(ListEntry.read(dangling)));
    }

    @Test
    void hardLinksCount() throws IOException {
        Path a = file("a.txt", "hello\n", "rw-r--r--");
        Files.createLink(dir.resolve("hardlink"), a);
        assertEquals(2, ListEntry.read(a).links());
        assertEquals(2, ListEntry.read(dir.resolve("hardlink")).links());
    }

    @Test
    void socketEntry() throws IOException {
        Path sock = dir.resolve("sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(sock));
            ListEntry e = ListEntry.read(sock);
            assertEquals(Type.SOCKET, e.type());
            assertEquals('s', LongFormat.permissions(e).charAt(0));
            assertNull(e.symlinkTarget());
        }
    }

    @Test
    void oldAndFutureDates() throws IOException {
        Path old = file("old.txt", "old\n", "rw-r--r--");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        Path future = file("future.txt", "fut\n", "rw-r--r--");
        Files.setLastModifiedTime(future, FileTime.from(Instant.parse("2099-12-31T23:59:00Z")));
        assertEquals("-rw-r--r--    1 " + ownerColumns() + "        4 Feb 03  2001 old.txt\r\n",
                LongFormat.gmt(NOW).line(ListEntry.read(old)));
        assertEquals("-rw-r--r--    1 " + ownerColumns() + "        4 Dec 31  2099 future.txt\r\n",
                LongFormat.gmt(NOW).line(ListEntry.read(future)));
    }

    @Test
    void readDirectoryThenListLikeVsftpd() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path deeper = Files.createDirectory(sub.resolve("deeper"));
        Path y = Files.writeString(sub.resolve("y.txt"), "y\n");
        Files.writeString(sub.resolve(".hid"), "d\n");
        Path z = Files.writeString(deeper.resolve("z.txt"), "z\n");
        Path lnkdir = Files.createSymbolicLink(sub.resolve("lnkdir"), Path.of("deeper"));
        Files.setPosixFilePermissions(deeper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(y, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(y, FileTime.from(Instant.parse("2026-11-21T05:20:00Z")));
        Files.setLastModifiedTime(z, FileTime.from(WHEN));
        Files.setLastModifiedTime(deeper, FileTime.from(Instant.parse("2026-11-21T05:40:00Z")));
        Files.getFileAttributeView(lnkdir, java.nio.file.attribute.BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).setTimes(FileTime.from(WHEN), null, null);

        List<ListEntry> entries = ListEntry.readDirectory(sub, dir);
        assertEquals(List.of(".", ".."), entries.stream().limit(2).map(ListEntry::name).toList());
        assertEquals(ListEntry.read(dir).withName(".."), entries.get(1), "'..' is whatever the caller says");
        assertEquals(6, entries.size());

        // the shape vsftpd gave for NLST -RF sub (see ListingTest), here with a symlink as well
        String body = Listing.build(Command.NLST, "sub", entries, ListOptions.of("RF", true), ListFilter.NONE,
                LongFormat.gmt(NOW), path -> read(path));
        assertEquals(crlf("sub:\nsub/deeper/\nsub/lnkdir@\nsub/y.txt\n\nsub/deeper:\nsub/deeper/z.txt\n"), body);

        String longBody = Listing.build(Command.LIST, "sub", entries, ListOptions.NONE, ListFilter.NONE,
                LongFormat.gmt(NOW).withHideIds(true), null);
        // directory link counts and sizes differ between file systems, so those two come from lstat
        assertEquals(crlf("""
                drwxr-xr-x %4d ftp      ftp      %8d Nov 21 05:40 deeper
                lrwxrwxrwx    1 ftp      ftp             6 Nov 21 05:13 lnkdir -> deeper
                -rw-r--r--    1 ftp      ftp             2 Nov 21 05:20 y.txt
                """.formatted(Files.getAttribute(deeper, "unix:nlink"), Files.size(deeper))), longBody);
    }

    @Test
    void readDirectoryOfAMissingDirectoryFails() {
        assertThrows(NoSuchFileException.class, () -> ListEntry.readDirectory(dir.resolve("gone"), dir));
    }

    private Optional<List<ListEntry>> read(String typedPath) {
        try {
            return Optional.of(ListEntry.readDirectory(dir.resolve(typedPath), dir));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
