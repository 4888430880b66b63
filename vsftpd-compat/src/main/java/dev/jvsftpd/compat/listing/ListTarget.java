package dev.jvsftpd.compat.listing;

import java.util.function.Predicate;

/**
 * What a LIST/NLST/STAT path argument lists: a directory (as typed; it is echoed in NLST names and
 * {@code -R} headers) and an optional name pattern.
 *
 * @param directory the directory to open, never empty ({@code .} when the argument names none)
 * @param pattern   the pattern for entry names, empty for "every entry"
 */
public record ListTarget(String directory, String pattern) {

    public ListTarget {
        if (directory == null || directory.isEmpty()) {
            throw new IllegalArgumentException("directory must not be empty");
        }
        pattern = pattern == null ? "" : pattern;
    }

    /**
     * vsftpd's choice: an argument that opens as a directory is listed whole; otherwise one
     * containing {@code /} is split at the last {@code /} into directory and pattern (an empty
     * directory part means {@code /}); otherwise {@code .} is listed with the whole argument as
     * the pattern (so {@code LIST nonexist} is an empty listing, not an error).
     *
     * @param path             the argument after the options, {@code ~} already expanded; may be empty
     * @param opensAsDirectory whether the session can open {@code path} as a directory
     */
    public static ListTarget resolve(String path, Predicate<String> opensAsDirectory) {
        if (path == null || path.isEmpty()) {
            return new ListTarget(".", "");
        }
        if (opensAsDirectory.test(path)) {
            return new ListTarget(path, "");
        }
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return new ListTarget(".", path);
        }
        String dir = path.substring(0, slash);
        return new ListTarget(dir.isEmpty() ? "/" : dir, path.substring(slash + 1));
    }

    public boolean hasPattern() {
        return !pattern.isEmpty();
    }
}
