package dev.jvsftpd.compat.unix;

/**
 * The kernel's permission rules, as a pure function: what access(2) would answer for an
 * identity. vsftpd gets these for free by running as the user; jvsftpd runs as root and must
 * decide them itself.
 */
public final class FileAccess {
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXECUTE = 1;

    private FileAccess() {
    }

    /**
     * May {@code who} have every access in {@code wanted} (READ|WRITE|EXECUTE bits) on the file?
     * One class of bits applies: owner, else group, else other. Root passes read and write
     * always, and execute when any x bit is set or the file is a directory.
     */
    public static boolean permits(UnixIdentity who, FileMode file, int wanted) {
        if (who.isRoot()) {
            boolean anyExecute = (file.mode() & 0111) != 0 || file.directory();
            return (wanted & EXECUTE) == 0 || anyExecute;
        }
        int bits;
        if (who.uid() == file.uid()) {
            bits = (file.mode() >> 6) & 7;
        } else if (who.inGroup(file.gid())) {
            bits = (file.mode() >> 3) & 7;
        } else {
            bits = file.mode() & 7;
        }
        return (bits & wanted) == wanted;
    }

    /** Creating an entry in a directory needs write and search permission on it. */
    public static boolean mayCreateIn(UnixIdentity who, FileMode directory) {
        return permits(who, directory, WRITE | EXECUTE);
    }

    /**
     * Removing or renaming an entry needs write and search on the directory and, in a sticky
     * directory, ownership of the entry or of the directory (root is exempt).
     */
    public static boolean mayRemoveFrom(UnixIdentity who, FileMode directory, FileMode entry) {
        if (!mayCreateIn(who, directory)) {
            return false;
        }
        return !directory.sticky() || who.isRoot() || who.uid() == entry.uid() || who.uid() == directory.uid();
    }
}
