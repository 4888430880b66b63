package dev.jvsftpd.selinux.state;

import dev.jvsftpd.selinux.policy.FileId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code dev=} and {@code ino=} of an AVC record. The kernel prints the superblock id: the block
 * device's name for disk file systems ({@code vda}, {@code dm-0}), the file system type for virtual ones
 * ({@code tmpfs}), {@code major:minor} for network ones ({@code 0:53}).
 */
public final class Inodes {
    private static final Map<Long, String> DEV_NAMES = new ConcurrentHashMap<>();
    private static final Set<String> NUMBERED = Set.of("nfs", "nfs4", "cifs", "smb3", "fuse", "fuseblk", "9p");

    private Inodes() {
    }

    public static Optional<FileId> of(Path path) {
        try {
            long dev = ((Number) Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS)).longValue();
            long ino = ((Number) Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
            return Optional.of(new FileId(DEV_NAMES.computeIfAbsent(dev, Inodes::devName), ino));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String devName(long dev) {
        // glibc's dev_t split
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        String numbers = major + ":" + minor;
        try {
            for (String line : Files.readAllLines(Path.of("/sys/dev/block", numbers, "uevent"), StandardCharsets.UTF_8)) {
                if (line.startsWith("DEVNAME=")) {
                    return line.substring("DEVNAME=".length());
                }
            }
        } catch (IOException e) {
            // not a block device
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                int dash = java.util.Arrays.asList(f).indexOf("-");
                if (f.length > 2 && f[2].equals(numbers) && dash > 0 && dash + 1 < f.length) {
                    String type = f[dash + 1];
                    return NUMBERED.contains(type) || type.startsWith("fuse.") ? numbers : type;
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return numbers;
    }
}
