package dev.jvsftpd.compat.access;

import dev.jvsftpd.compat.fs.Jail;
import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.unix.FileAccess;
import dev.jvsftpd.compat.unix.FileMode;
import dev.jvsftpd.compat.unix.UnixIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * realpath(3) on top of {@link Jail}, plus Debian's ENOENT fallback. The jail does the lookup;
 * this class only works out why a lookup failed, because Debian treats ENOENT differently from
 * every other error (section 5.3, step 1; checked against the Debian binary).
 */
final class JailRealpath implements NameResolver {
    /** Why realpath failed, as far as Debian cares. */
    private enum Failure { NONE, ENOENT, OTHER }

    private final Jail jail;
    private final UnixIdentity who;

    JailRealpath(Jail jail, UnixIdentity who) {
        this.jail = jail;
        this.who = who;
    }

    @Override
    public Optional<String> realpath(String cwd, String path) {
        if (!path.isEmpty()) {
            Resolution whole = jail.resolve(cwd, path, true, who);
            // the jail drops a trailing slash; realpath insists on a directory then (ENOTDIR)
            if (whole.exists() && (!path.endsWith("/") || Files.isDirectory(whole.realPath()))) {
                return Optional.of(whole.virtualPath());
            }
        }
        if (failure(cwd, path) != Failure.ENOENT) {
            return Optional.empty();
        }
        // Debian splits at the last '/' as typed and resolves the directory part alone, so
        // "nonexist/" (empty last part, missing directory) fails and "" becomes "//".
        int slash = path.lastIndexOf('/');
        String dirPart = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
        Resolution dir = jail.resolve(cwd, dirPart, true, who);
        if (!dir.exists() || !Files.isDirectory(dir.realPath())) {
            return Optional.empty();
        }
        return Optional.of(dir.virtualPath() + "/" + path.substring(slash + 1));
    }

    /**
     * The errno class of realpath: one left-to-right walk like the kernel's (the first component
     * that fails decides), linear in the path so hostile arguments stay cheap.
     */
    private Failure failure(String cwd, String path) {
        if (path.isEmpty()) {
            return Failure.ENOENT; // realpath("") is ENOENT
        }
        Deque<String> pending = new ArrayDeque<>();
        if (!path.startsWith("/")) {
            split(cwd, pending);
        }
        split(path, pending);
        if (path.endsWith("/")) {
            pending.addLast("."); // a trailing slash demands a directory (ENOTDIR otherwise)
        }
        List<String> parts = new ArrayList<>();
        int symlinks = 0;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            if (name.equals(".")) {
                continue; // what parts names was already checked to be a directory
            }
            if (name.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            Path directory = real(parts);
            Path candidate;
            try {
                if (!FileAccess.permits(who, FileMode.of(directory), FileAccess.EXECUTE)) {
                    return Failure.OTHER; // EACCES
                }
                candidate = directory.resolve(name);
            } catch (IOException | InvalidPathException e) {
                return Failure.OTHER;
            }
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Failure.ENOENT;
            }
            if (Files.isSymbolicLink(candidate)) {
                if (++symlinks > MAX_SYMLINKS) {
                    return Failure.OTHER; // ELOOP
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    return Failure.OTHER;
                }
                if (target.startsWith("/")) {
                    parts.clear();
                }
                Deque<String> expansion = new ArrayDeque<>();
                split(target, expansion);
                if (target.endsWith("/")) {
                    expansion.addLast(".");
                }
                while (!expansion.isEmpty()) {
                    pending.addFirst(expansion.pollLast());
                }
                continue;
            }
            if (!pending.isEmpty() && !Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Failure.OTHER; // ENOTDIR
            }
            parts.add(name);
        }
        return Failure.NONE;
    }

    /** Linux gives up after 40 symlinks in one lookup (ELOOP), as {@link Jail} does. */
    private static final int MAX_SYMLINKS = 40;

    private Path real(List<String> parts) {
        Path path = jail.root();
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }

    private static void split(String path, Deque<String> into) {
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                into.addLast(part);
            }
        }
    }
}
