package dev.jvsftpd.compat.listing;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One directory entry as lstat(2) sees it, which is all a listing line needs.
 *
 * @param name          the entry name (no path)
 * @param type          the file type (a symlink is never followed)
 * @param permissions   the low 12 mode bits: rwx for user/group/other plus setuid, setgid, sticky
 * @param links         the hard link count
 * @param uid           the owner id, as the 32 bits the kernel reports (ids above 2^31-1 are negative here)
 * @param gid           the group id, likewise
 * @param size          st_size (a symlink's is the length of its target; devices show 0 on Linux)
 * @param mtime         the modification time
 * @param symlinkTarget the link text for a symlink whose readlink succeeded and is non-empty, else null
 */
public record ListEntry(String name, Type type, int permissions, long links, int uid, int gid, long size,
        Instant mtime, String symlinkTarget) {

    /** File types, with the character ls and vsftpd print for each. */
    public enum Type {
        FILE('-'), DIRECTORY('d'), SYMLINK('l'), CHAR_DEVICE('c'), BLOCK_DEVICE('b'), FIFO('p'), SOCKET('s'),
        /** A type vsftpd does not know; it prints {@code ?}. */
        UNKNOWN('?');

        private final char symbol;

        Type(char symbol) {
            this.symbol = symbol;
        }

        public char symbol() {
            return symbol;
        }

        /** The type encoded in a full st_mode (the S_IFMT bits). */
        public static Type ofMode(int stMode) {
            return switch (stMode & 0170000) {
                case 0100000 -> FILE;
                case 0040000 -> DIRECTORY;
                case 0120000 -> SYMLINK;
                case 0020000 -> CHAR_DEVICE;
                case 0060000 -> BLOCK_DEVICE;
                case 0010000 -> FIFO;
                case 0140000 -> SOCKET;
                default -> UNKNOWN;
            };
        }
    }

    public static final int SETUID = 04000;
    public static final int SETGID = 02000;
    public static final int STICKY = 01000;

    public ListEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
        if ((permissions & ~07777) != 0) {
            throw new IllegalArgumentException("permissions must fit in 07777: " + Integer.toOctalString(permissions));
        }
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public boolean isSymlink() {
        return type == Type.SYMLINK;
    }

    /** The same entry under another name: how {@code .} and {@code ..} are made from their directories. */
    public ListEntry withName(String newName) {
        return new ListEntry(newName, type, permissions, links, uid, gid, size, mtime, symlinkTarget);
    }

    /** lstat of {@code path}, named by its last component. */
    public static ListEntry read(Path path) throws IOException {
        Path fileName = path.getFileName();
        return read(path, fileName == null ? path.toString() : fileName.toString());
    }

    /** lstat of {@code path} under the given name; the symlink target comes from readlink. */
    public static ListEntry read(Path path, String name) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,nlink,uid,gid,size,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        Type type = Type.ofMode(mode);
        String target = null;
        if (type == Type.SYMLINK) {
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = null; // vsftpd then prints the bare name, without " -> "
            }
            if (target != null && target.isEmpty()) {
                target = null;
            }
        }
        return new ListEntry(name, type, mode & 07777, ((Integer) a.get("nlink")).longValue(),
                (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                ((FileTime) a.get("lastModifiedTime")).toInstant(), target);
    }

    /**
     * Every entry of a directory, as readdir would give them: {@code .} (the directory itself) and
     * {@code ..} first, then the children in the order the file system returns them (vsftpd keeps
     * that order among entries with equal {@code -t} keys). Entries that vanish before they can be
     * stat'ed are skipped, as vsftpd skips entries whose lstat fails.
     *
     * @param directory the directory to read
     * @param dotDot    what {@code ..} stands for: the parent, or the directory itself at a jail's root
     * @throws IOException when the directory cannot be opened (vsftpd: "failed to open directory")
     */
    public static List<ListEntry> readDirectory(Path directory, Path dotDot) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            entries.add(read(directory, "."));
            entries.add(read(dotDot, ".."));
            for (Path child : children) {
                try {
                    entries.add(read(child));
                } catch (IOException lstatFailed) {
                    // e.g. removed since readdir: vsftpd skips an entry whose lstat fails
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return entries;
    }
}
