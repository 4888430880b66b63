package dev.jvsftpd.compat.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creating files and directories as a session's identity would: owned by its uid and by its gid
 * (or the directory's group when the directory is set-group-ID), with exactly the mode given.
 * The JVM is root, so the kernel would otherwise make everything root's.
 */
public final class UnixFiles {
    private static final int SETGID = 02000;

    private UnixFiles() {
    }

    /** Creates a new file (O_EXCL); fails with FileAlreadyExistsException if the name is taken. */
    public static void createFile(Path path, int mode, UnixIdentity owner, FileMode directory) throws IOException {
        // Created owner-only first so no one else can open it before it gets its real owner and mode.
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        settleOrRemove(path, mode, owner, directory);
    }

    public static void createDirectory(Path path, int mode, UnixIdentity owner, FileMode parent) throws IOException {
        Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // A directory made in a set-group-ID directory inherits the bit, as on Linux.
        settleOrRemove(path, mode | (parent.mode() & SETGID), owner, parent);
    }

    /** A file that cannot get its owner and mode would be root's: it must not stay behind. */
    private static void settleOrRemove(Path path, int mode, UnixIdentity owner, FileMode directory) throws IOException {
        try {
            settle(path, mode, owner, directory);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** chown then chmod: chown clears set-ID bits, so the mode goes last. */
    public static void chown(Path path, int uid, int gid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    public static void chmod(Path path, int mode) throws IOException {
        Files.setAttribute(path, "unix:mode", mode & 07777);
    }

    private static void settle(Path path, int mode, UnixIdentity owner, FileMode directory) throws IOException {
        int gid = (directory.mode() & SETGID) != 0 ? directory.gid() : owner.gid();
        if (owned(path) != owner.uid() || group(path) != gid) {
            chown(path, owner.uid(), gid);
        }
        chmod(path, mode);
    }

    private static int owned(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int group(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }
}
