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
     * Resolves {@code argument} against the virtual directory {@code cwd} as {@code who}.
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
        Deque<String> fromArgument = new ArrayDeque<>();
        split(argument, fromArgument);
        pending.addAll(fromArgument);

        boolean searchable = true;
        boolean reachable = true;
        int symlinks = 0;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            if (name.equals(".")) {
                continue;
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
                candidate = directory.resolve(name);
            } catch (InvalidPathException e) {
                return Resolution.unreachable(virtual(parts, name));
            }
            searchable &= mayLookUpIn(directory, who);
            boolean last = pending.isEmpty();
            if (Files.isSymbolicLink(candidate) && (!last || followLast)) {
                if (++symlinks > MAX_SYMLINKS) {
                    return Resolution.unreachable(virtual(parts, name));
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    return Resolution.unreachable(virtual(parts, name));
                }
                if (target.startsWith("/")) {
                    parts.clear();
                }
                Deque<String> expansion = new ArrayDeque<>();
                split(target, expansion);
                while (!expansion.isEmpty()) {
                    pending.addFirst(expansion.pollLast());
                }
                continue;
            }
            if (!last && !Files.isDirectory(candidate)) {
                reachable = false;
            }
            parts.add(name);
        }
        return new Resolution(virtual(parts, null), real(parts), searchable, reachable);
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

    /**
     * Where a client path leads.
     *
     * @param virtualPath the path as the client sees it, symlinks resolved (what PWD shows)
     * @param realPath    the real file, always inside the jail's root; null when unreachable
     * @param searchable  every directory looked up on the way granted search (x) permission
     * @param reachable   no component failed: no loop, no non-directory in the middle, no NUL
     */
    public record Resolution(String virtualPath, Path realPath, boolean searchable, boolean reachable) {
        static Resolution unreachable(String virtualPath) {
            return new Resolution(virtualPath, null, false, false);
        }

        /** Usable at all: reachable with search permission all the way. */
        public boolean accessible() {
            return reachable && searchable;
        }

        public boolean exists() {
            return accessible() && Files.exists(realPath, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
