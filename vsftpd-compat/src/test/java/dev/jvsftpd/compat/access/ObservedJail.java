package dev.jvsftpd.compat.access;

import dev.jvsftpd.compat.unix.UnixIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The anonymous jail in which the expectations of {@link JailRealpathTest} and
 * {@link AccessRulesTest} were observed on the Debian binary (anonymous login, anon_root = this
 * tree, everything owned by root).
 */
final class ObservedJail {
    /** The anonymous session's identity (Debian's ftp user). */
    static final UnixIdentity FTP = new UnixIdentity(102, 105, Set.of());
    static final UnixIdentity ROOT = new UnixIdentity(0, 0, Set.of());

    private ObservedJail() {
    }

    static void build(Path root) throws IOException {
        for (String file : new String[] {"a.mp3", "a.mp3.mp3", "aaa", "readme", "x.txt", "x.txt.txt",
                "pub/p.mp3", "sub/x.mp3", "sub/y.txt", "priv/f"}) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "hi\n");
        }
        link(root, "d2", "nodir/x");     // dangling, missing directory on the way: ENOENT
        link(root, "d3", "a.mp3/x");     // through a file: ENOTDIR
        link(root, "link.mp3", "readme");
        link(root, "lnk", "a.mp3");
        link(root, "loop1", "loop2");    // ELOOP
        link(root, "loop2", "loop1");
        link(root, "sub/up.lnk", "../a.mp3");
        Files.setPosixFilePermissions(root.resolve("priv"), PosixFilePermissions.fromString("rwx------"));
        // @TempDir is private to its owner; vsftpd's anon_root was an ordinary 755 directory
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void link(Path root, String name, String target) throws IOException {
        Files.createSymbolicLink(root.resolve(name), Path.of(target));
    }
}
