package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Enumeration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The zip built by this module's package phase, and how to unpack it keeping the Unix modes. */
final class Install {
    private Install() {
    }

    /** target/jvsftpd-&lt;version&gt;-bin.zip, as passed by failsafe. */
    static Path zip() {
        String p = System.getProperty("jvsftpd.zip");
        if (p == null) {
            fail("system property jvsftpd.zip is not set (run through maven-failsafe: mvn verify)");
        }
        Path zip = Path.of(p);
        assertTrue(Files.isRegularFile(zip), "the distribution zip is missing: " + zip);
        return zip;
    }

    /** jvsftpd-&lt;version&gt;, the zip's top folder. */
    static String distName() {
        String n = System.getProperty("jvsftpd.dist.name");
        if (n == null) {
            fail("system property jvsftpd.dist.name is not set (run through maven-failsafe: mvn verify)");
        }
        return n;
    }

    /** Unpacks the zip into {@code into} and returns the install directory (into/jvsftpd-&lt;version&gt;). */
    static Path unpack(Path into) throws IOException {
        Path zip = zip();
        Map<String, Integer> modes = unixModes(zip);
        Path base = into.toAbsolutePath().normalize();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path target = base.resolve(e.getName()).normalize();
                if (!target.startsWith(base)) {
                    fail("zip entry escapes the target directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zf.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                }
                Integer mode = modes.get(e.getName());
                if (mode != null && mode != 0) {
                    Files.setPosixFilePermissions(target, permissions(mode));
                }
            }
        }
        Path home = base.resolve(distName());
        assertTrue(Files.isDirectory(home), "the zip has no top folder " + distName() + "/");
        return home;
    }

    /**
     * Unix permission bits of every entry, from the central directory's external attributes
     * (java.util.zip does not expose them). Entries not made on Unix are absent.
     */
    static Map<String, Integer> unixModes(Path zip) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = b.limit() - 22; i >= Math.max(0, b.limit() - 22 - 65535); i--) {
            if (b.getInt(i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            fail("not a zip file (no end of central directory): " + zip);
        }
        int count = Short.toUnsignedInt(b.getShort(eocd + 10));
        int pos = b.getInt(eocd + 16);
        Map<String, Integer> modes = new LinkedHashMap<>();
        for (int n = 0; n < count; n++) {
            if (b.getInt(pos) != 0x02014b50) {
                fail("corrupt central directory in " + zip + " at entry " + n);
            }
            int madeBy = Short.toUnsignedInt(b.getShort(pos + 4)) >>> 8;
            int nameLen = Short.toUnsignedInt(b.getShort(pos + 28));
            int extraLen = Short.toUnsignedInt(b.getShort(pos + 30));
            int commentLen = Short.toUnsignedInt(b.getShort(pos + 32));
            int external = b.getInt(pos + 38);
            byte[] name = new byte[nameLen];
            b.get(pos + 46, name);
            if (madeBy == 3) {
                modes.put(new String(name, java.nio.charset.StandardCharsets.UTF_8), (external >>> 16) & 07777);
            }
            pos += 46 + nameLen + extraLen + commentLen;
        }
        return modes;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
