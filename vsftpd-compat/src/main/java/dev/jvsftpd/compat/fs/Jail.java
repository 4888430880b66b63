package dev.jvsftpd.compat.fs;

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

/**
 * chroot() in user space: resolves client paths the way the kernel resolves them inside a
 * chroot, one component at a time. {@code ..} stops at the root and symlinks are expanded here
 * (an absolute target restarts at the root), so the resolved path can never leave the root,
 * whatever the client sends. Stock FtpServer resolves lexically and follows symlinks out.
 * A jail rooted at {@code /} gives the unconfined view of non-chrooted local users.
 */
public final class Jail {
    /** Linux gives up after 40 symlinks in one lookup (ELOOP). */
    static final int MAX_SYMLINKS = 40;

    private final Path root;

    /** @param root a real directory; it is resolved to its canonical path once, here. */
    public Jail(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /**
     * Resolves {@code argument} against the virtual directory {@code cwd} as {@code who}, stopping
     * at the first component that fails, as the kernel does.
     *
     * @param followLast whether a final symlink is followed (open, stat, chdir) or named itself
     *                   (unlink, rename, lstat)
     */
    public Resolution resolve(String cwd, String argument, boolean followLast, UnixIdentity who) {
        Deque<String> pending = new ArrayDeque<>();
        List<String> parts = new ArrayList<>();
        if (!argument.startsWith("/")) {
            split(cwd, pending);
        }
        split(argument, pending);

        int symlinks = 0;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            if (name.equals(".")) {
                continue; // the component before it was checked to be a directory
            }
            if (name.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            Path directory = real(parts);
            if (!mayLookUpIn(directory, who)) {
                return Resolution.failed(virtual(parts, name), Failure.DENIED);
            }
            Path candidate;
            try {
                candidate = directory.resolve(name);
            } catch (InvalidPathException e) {
                return Resolution.failed(virtual(parts, name), Failure.INVALID);
            }
            boolean last = pending.isEmpty();
            if (Files.isSymbolicLink(candidate) && (!last || followLast)) {
                if (++symlinks > MAX_SYMLINKS) {
                    return Resolution.failed(virtual(parts, name), Failure.LOOP);
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    return Resolution.failed(virtual(parts, name), Failure.INVALID);
                }
                if (target.startsWith("/")) {
                    parts.clear();
                }
                Deque<String> expansion = new ArrayDeque<>();
                split(target, expansion);
                if (target.endsWith("/")) {
                    expansion.addLast("."); // a target ending in '/' must be a directory
                }
                while (!expansion.isEmpty()) {
                    pending.addFirst(expansion.pollLast());
                }
                continue;
            }
            if (!last && !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Resolution.failed(virtual(parts, name), Failure.MISSING);
            }
            if (!last && !Files.isDirectory(candidate)) {
                return Resolution.failed(virtual(parts, name), Failure.NOT_DIRECTORY);
            }
            parts.add(name);
        }
        return new Resolution(virtual(parts, null), real(parts), Failure.NONE);
    }

    private boolean mayLookUpIn(Path directory, UnixIdentity who) {
        try {
            return FileAccess.permits(who, FileMode.of(directory), FileAccess.EXECUTE);
        } catch (IOException e) {
            return false;
        }
    }

    private Path real(List<String> parts) {
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }

    private static String virtual(List<String> parts, String extra) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append('/').append(part);
        }
        if (extra != null) {
            out.append('/').append(extra);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static void split(String path, Deque<String> into) {
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                into.addLast(part);
            }
        }
    }

    /** Why a lookup stopped, as the errno the kernel would give. */
    public enum Failure {
        /** Every component was found; the last one may still not exist (a name to create). */
        NONE,
        /** ENOENT: a directory on the way does not exist. */
        MISSING,
        /** EACCES: a directory on the way denies search permission. */
        DENIED,
        /** ENOTDIR: something on the way is not a directory. */
        NOT_DIRECTORY,
        /** ELOOP: too many symlinks. */
        LOOP,
        /** A name the file system cannot hold (NUL) or a link that cannot be read. */
        INVALID
    }

    /**
     * Where a client path leads.
     *
     * @param virtualPath the path as the client sees it, symlinks resolved (what PWD shows); up to
     *                    the failing component when the lookup failed
     * @param realPath    the real file, always inside the jail's root; null when the lookup failed
     * @param failure     why the lookup failed, or NONE
     */
    public record Resolution(String virtualPath, Path realPath, Failure failure) {
        static Resolution failed(String virtualPath, Failure failure) {
            return new Resolution(virtualPath, null, failure);
        }

        /** Usable at all: every directory on the way exists and may be searched. */
        public boolean accessible() {
            return failure == Failure.NONE;
        }

        public boolean exists() {
            return accessible() && Files.exists(realPath, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
