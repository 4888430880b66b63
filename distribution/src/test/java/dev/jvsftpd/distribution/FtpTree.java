package dev.jvsftpd.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Random;

/**
 * The anonymous root served in the tests, identical for vsftpd and jvsftpd:
 * <pre>
 *   /              0755  (vsftpd refuses an anon_root writable by the ftp user)
 *   /secret.txt    0600  not world-readable: anonymous RETR must fail
 *   /pub/          0755
 *   /pub/.message  0644  shown on CWD with dirmessage_enable
 *   /pub/hello.txt 0644  HELLO
 *   /pub/bin.dat   0644  BINARY (70000 pseudo-random bytes)
 *   /pub/sub/      0755
 * </pre>
 * Every mtime is fixed, so MDTM and LIST are deterministic.
 */
final class FtpTree {
    static final String HELLO = "Hello from the jvsftpd end-to-end tests.\n";
    static final byte[] BINARY = binary();
    static final Instant MTIME = Instant.parse("2021-03-04T05:06:07Z");

    private FtpTree() {
    }

    static Path create(Path root) throws IOException {
        Files.createDirectories(root.resolve("pub/sub"));
        Files.writeString(root.resolve("pub/hello.txt"), HELLO, StandardCharsets.US_ASCII);
        Files.write(root.resolve("pub/bin.dat"), BINARY);
        Files.writeString(root.resolve("secret.txt"), "not for anonymous\n", StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("pub/.message"), "Welcome to pub.\nSecond line.\n", StandardCharsets.US_ASCII);
        mode(root.resolve("pub/.message"), "rw-r--r--");
        mode(root.resolve("secret.txt"), "rw-------");
        mode(root.resolve("pub/hello.txt"), "rw-r--r--");
        mode(root.resolve("pub/bin.dat"), "rw-r--r--");
        for (Path dir : new Path[] {root.resolve("pub/sub"), root.resolve("pub"), root}) {
            mode(dir, "rwxr-xr-x");
        }
        for (Path p : new Path[] {root.resolve("secret.txt"), root.resolve("pub/hello.txt"), root.resolve("pub/bin.dat"),
            root.resolve("pub/.message"),
            root.resolve("pub/sub"), root.resolve("pub"), root}) {
            Files.setLastModifiedTime(p, FileTime.from(MTIME));
        }
        return root;
    }

    static void mode(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static byte[] binary() {
        byte[] b = new byte[70000];
        new Random(20150723L).nextBytes(b);
        return b;
    }
}
