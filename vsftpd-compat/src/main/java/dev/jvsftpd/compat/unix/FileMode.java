package dev.jvsftpd.compat.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/** The inode facts a permission decision needs: owner, group, mode bits (with sticky) and type. */
public record FileMode(int uid, int gid, int mode, boolean directory) {
    public static final int STICKY = 01000;

    /** Reads a real file's attributes; follows a final symlink, as open() does. */
    public static FileMode of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:uid,gid,mode,isDirectory");
        return new FileMode((Integer) a.get("uid"), (Integer) a.get("gid"), (Integer) a.get("mode") & 07777,
                (Boolean) a.get("isDirectory"));
    }

    /** The attributes of a symlink itself (for unlink and rename of the link). */
    public static FileMode ofLink(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:uid,gid,mode,isDirectory", LinkOption.NOFOLLOW_LINKS);
        return new FileMode((Integer) a.get("uid"), (Integer) a.get("gid"), (Integer) a.get("mode") & 07777,
                (Boolean) a.get("isDirectory"));
    }

    public boolean sticky() {
        return (mode & STICKY) != 0;
    }
}
