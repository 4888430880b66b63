package dev.jvsftpd.compat.access;

import dev.jvsftpd.compat.fs.Jail;
import dev.jvsftpd.compat.fs.Jail.Failure;
import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.unix.UnixIdentity;
import java.nio.file.Files;
import java.util.Optional;

/**
 * realpath(3) on top of {@link Jail}, plus Debian's ENOENT fallback: the jail does the lookup
 * and says why it failed, and Debian treats ENOENT differently from every other error (section
 * 5.3, step 1; checked against the Debian binary).
 */
final class JailRealpath implements NameResolver {
    private final Jail jail;
    private final UnixIdentity who;

    JailRealpath(Jail jail, UnixIdentity who) {
        this.jail = jail;
        this.who = who;
    }

    @Override
    public Optional<String> realpath(String cwd, String path) {
        if (path.isEmpty()) {
            return fallback(cwd, path); // realpath("") is ENOENT
        }
        // a trailing slash demands a directory (ENOTDIR otherwise); the jail drops it unless told
        Resolution whole = jail.resolve(cwd, path.endsWith("/") ? path + "." : path, true, who);
        if (whole.exists()) {
            return Optional.of(whole.virtualPath());
        }
        boolean enoent = whole.failure() == Failure.MISSING || whole.failure() == Failure.NONE;
        return enoent ? fallback(cwd, path) : Optional.empty();
    }

    /**
     * Debian's ENOENT case: split at the last '/' as typed and resolve the directory part alone,
     * so "nonexist/" (empty last part, missing directory) fails and "" becomes "//".
     */
    private Optional<String> fallback(String cwd, String path) {
        int slash = path.lastIndexOf('/');
        String dirPart = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
        Resolution dir = jail.resolve(cwd, dirPart, true, who);
        if (!dir.exists() || !Files.isDirectory(dir.realPath())) {
            return Optional.empty();
        }
        return Optional.of(dir.virtualPath() + "/" + path.substring(slash + 1));
    }
}
