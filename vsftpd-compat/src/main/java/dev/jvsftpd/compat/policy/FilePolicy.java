package dev.jvsftpd.compat.policy;

import static dev.jvsftpd.compat.config.Directives.ANON_OTHER_WRITE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_WORLD_READABLE_ONLY;

import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.unix.FileAccess;
import dev.jvsftpd.compat.unix.FileMode;

/**
 * What the kernel would let a session's identity do to a file, plus vsftpd's own anonymous
 * rules on top. Pure: callers pass the modes they read. The JVM runs as root, so without these
 * checks every session would have root's access.
 */
public final class FilePolicy {
    private FilePolicy() {
    }

    /** RETR: a regular file the identity can read; anonymous also needs the world-read bit. */
    public static boolean mayRead(VsftpdUser user, VsftpdConfig config, FileMode file, boolean regularFile) {
        if (!regularFile || !FileAccess.permits(user.identity(), file, FileAccess.READ)) {
            return false;
        }
        return !(user.anonymousRules() && config.bool(ANON_WORLD_READABLE_ONLY)) || (file.mode() & 04) != 0;
    }

    /** LIST: open and read the directory; anonymous also needs the world-read bit on it. */
    public static boolean mayList(VsftpdUser user, VsftpdConfig config, FileMode directory) {
        if (!FileAccess.permits(user.identity(), directory, FileAccess.READ | FileAccess.EXECUTE)) {
            return false;
        }
        return !(user.anonymousRules() && config.bool(ANON_WORLD_READABLE_ONLY)) || (directory.mode() & 04) != 0;
    }

    /** CWD: search permission on the target directory. */
    public static boolean mayEnter(VsftpdUser user, FileMode directory) {
        return directory.directory() && FileAccess.permits(user.identity(), directory, FileAccess.EXECUTE);
    }

    /**
     * STOR/STOU onto a name: a new entry needs write+search on the directory; replacing an
     * existing file needs write on it, and anonymous may never replace unless
     * anon_other_write_enable (vsftpd opens anonymous uploads O_EXCL).
     *
     * @param existing the existing file's mode, or null when the name is free
     */
    public static boolean mayStore(VsftpdUser user, VsftpdConfig config, FileMode directory, FileMode existing) {
        if (existing == null) {
            return FileAccess.mayCreateIn(user.identity(), directory);
        }
        if (user.anonymousRules() && !config.bool(ANON_OTHER_WRITE_ENABLE)) {
            return false;
        }
        return !existing.directory() && FileAccess.permits(user.identity(), existing, FileAccess.WRITE);
    }

    /** APPE to an existing file: write permission on it. */
    public static boolean mayAppend(VsftpdUser user, FileMode existing) {
        return !existing.directory() && FileAccess.permits(user.identity(), existing, FileAccess.WRITE);
    }

    /** MKD: write+search on the parent. */
    public static boolean mayCreateIn(VsftpdUser user, FileMode directory) {
        return FileAccess.mayCreateIn(user.identity(), directory);
    }

    /** DELE, RMD, the source and a replaced target of RNTO: the sticky-aware unlink rule. */
    public static boolean mayRemove(VsftpdUser user, FileMode directory, FileMode entry) {
        return FileAccess.mayRemoveFrom(user.identity(), directory, entry);
    }

    /** Mode bits for a new file or directory: vsftpd's base mode less the session umask. */
    public static int createMode(int baseMode, int umask) {
        return baseMode & ~umask & 07777;
    }
}
