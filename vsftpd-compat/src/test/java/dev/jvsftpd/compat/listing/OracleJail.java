package dev.jvsftpd.compat.listing;

import dev.jvsftpd.compat.listing.ListEntry.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory tree that real vsftpd 3.0.3 (Debian 3.0.3-13+b2) listed for the expected texts in
 * these tests, as lstat saw it, each directory in the readdir order it had then (that order
 * decides ties under {@code -t}). Most entries carry one mtime, T0; "now" is when the listings ran.
 * {@code ..} at the top is the jail root itself, as vsftpd sees it after chroot.
 */
final class OracleJail {
    /** 2026-11-21T05:13:07Z. */
    static final Instant T0 = Instant.ofEpochSecond(1795237987L);
    static final Instant NOW = Instant.ofEpochSecond(1795241833L);

    static final List<ListEntry> ROOT = List.of(
            e("noperm", Type.FILE, 00000, 1, 0, 0, 2, T0, null),
            e("lnkdir", Type.SYMLINK, 0777, 1, 0, 0, 3, T0, "sub"),
            e(".", Type.DIRECTORY, 0755, 5, 0, 0, 4096, T0, null),
            e("fifo", Type.FIFO, 0644, 1, 0, 0, 0, T0, null),
            e("chr", Type.CHAR_DEVICE, 0644, 1, 0, 0, 0, T0, null),
            e("jan", Type.FILE, 0644, 1, 0, 0, 2, Instant.parse("2024-01-05T07:08:09Z"), null),
            e("dangling", Type.SYMLINK, 0777, 1, 0, 0, 19, T0, "/nonexistent/target"),
            e("suid", Type.FILE, 04755, 1, 0, 0, 2, T0, null),
            e("a.mp3.txt", Type.FILE, 0644, 1, 0, 0, 15, T0, null),
            e("sgidnox", Type.FILE, 02644, 1, 0, 0, 2, T0, null),
            e(".dotfile", Type.FILE, 0644, 1, 0, 0, 4, T0, null),
            e("hardlink", Type.FILE, 0644, 2, 0, 0, 6, T0, null),
            e("allperm", Type.FILE, 07777, 1, 0, 0, 2, T0, null),
            e("sock", Type.SOCKET, 0755, 1, 0, 0, 0, T0, null),
            e("lnk", Type.SYMLINK, 0777, 1, 0, 0, 5, T0, "a.txt"),
            e("sub", Type.DIRECTORY, 0755, 3, 0, 0, 4096, T0, null),
            e("suidnox", Type.FILE, 04644, 1, 0, 0, 2, T0, null),
            // uid 3000000000, gid 3000000001 as the 32-bit values Java reports
            e("bigid", Type.FILE, 0644, 1, (int) 3000000000L, (int) 3000000001L, 2, T0, null),
            e("..", Type.DIRECTORY, 0755, 5, 0, 0, 4096, T0, null),
            e("stickynox", Type.DIRECTORY, 01776, 2, 0, 0, 4096, T0, null),
            e("sticky", Type.DIRECTORY, 01777, 2, 0, 0, 4096, T0, null),
            e("blk", Type.BLOCK_DEVICE, 0644, 1, 0, 0, 0, T0, null),
            e("old.txt", Type.FILE, 0644, 1, 0, 0, 4, Instant.parse("2001-02-03T04:05:06Z"), null),
            e("name with spaces", Type.FILE, 0644, 1, 0, 0, 3, T0, null),
            e("ftpowned", Type.FILE, 0644, 1, 102, 105, 2, T0, null),
            e("a.txt", Type.FILE, 0644, 2, 0, 0, 6, T0, null),
            e("big.bin", Type.FILE, 0644, 1, 0, 0, 123456789012L, T0, null),
            e("future.txt", Type.FILE, 0644, 1, 0, 0, 4, Instant.parse("2099-12-31T23:59:00Z"), null));

    static final List<ListEntry> SUB = List.of(
            e(".", Type.DIRECTORY, 0755, 3, 0, 0, 4096, T0, null),
            e(".hid", Type.FILE, 0644, 1, 0, 0, 2, T0, null),
            e("..", Type.DIRECTORY, 0755, 5, 0, 0, 4096, T0, null),
            e("y.txt", Type.FILE, 0644, 1, 0, 0, 2, Instant.parse("2026-11-21T05:20:00Z"), null),
            e("deeper", Type.DIRECTORY, 0755, 2, 0, 0, 4096, Instant.parse("2026-11-21T05:40:00Z"), null));

    static final List<ListEntry> DEEPER = List.of(
            e(".", Type.DIRECTORY, 0755, 2, 0, 0, 4096, Instant.parse("2026-11-21T05:40:00Z"), null),
            e("..", Type.DIRECTORY, 0755, 3, 0, 0, 4096, T0, null),
            e("z.txt", Type.FILE, 0644, 1, 0, 0, 2, T0, null));

    static final List<ListEntry> EMPTY_DIR = List.of(
            e(".", Type.DIRECTORY, 0777, 2, 0, 0, 4096, T0, null),
            e("..", Type.DIRECTORY, 0755, 5, 0, 0, 4096, T0, null));

    /** Directory contents by path as the listing code builds paths (the way the client typed them). */
    private static final Map<String, List<ListEntry>> TREE = Map.ofEntries(
            Map.entry(".", ROOT),
            Map.entry("sub", SUB), Map.entry("sub/", SUB), Map.entry("./sub", SUB), Map.entry("./sub/", SUB),
            Map.entry("/sub", SUB), Map.entry("/sub/", SUB),
            Map.entry("sub/deeper", DEEPER), Map.entry("./sub/deeper", DEEPER), Map.entry("/sub//deeper", DEEPER),
            Map.entry("./sticky", EMPTY_DIR), Map.entry("./stickynox", EMPTY_DIR));

    private OracleJail() {
    }

    static Optional<List<ListEntry>> open(String path) {
        return Optional.ofNullable(TREE.get(path));
    }

    static boolean isDirectory(String path) {
        return TREE.containsKey(path);
    }

    private static ListEntry e(String name, Type type, int perms, long links, int uid, int gid, long size,
            Instant mtime, String target) {
        return new ListEntry(name, type, perms, links, uid, gid, size, mtime, target);
    }

    /** A text block turned into wire lines: every LF becomes CRLF. */
    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }
}
