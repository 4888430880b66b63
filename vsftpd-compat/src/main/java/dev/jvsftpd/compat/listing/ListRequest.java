package dev.jvsftpd.compat.listing;

import java.util.function.Predicate;

/**
 * A LIST/NLST/STAT argument split the vsftpd way: options only when the argument starts with
 * {@code -}; the option word ends at the first space and everything after that space, verbatim,
 * is the path. So {@code "-a  sub"} has path {@code " sub"} and {@code "sub -a"} has no options.
 *
 * @param options the recognised letters
 * @param path    the path or pattern part, {@code ""} when absent (never null)
 */
public record ListRequest(ListOptions options, String path) {

    public ListRequest {
        path = path == null ? "" : path;
    }

    /**
     * @param argument       the command argument, null or empty when there is none
     * @param recurseEnabled ls_recurse_enable
     */
    public static ListRequest parse(String argument, boolean recurseEnabled) {
        if (argument == null || argument.isEmpty()) {
            return new ListRequest(ListOptions.NONE, "");
        }
        if (argument.charAt(0) != '-') {
            return new ListRequest(ListOptions.NONE, argument);
        }
        int space = argument.indexOf(' ');
        String letters = space < 0 ? argument.substring(1) : argument.substring(1, space);
        String path = space < 0 ? "" : argument.substring(space + 1);
        return new ListRequest(ListOptions.of(letters, recurseEnabled), path);
    }

    /** Whether there is a path at all (deny_file is checked only then). */
    public boolean hasPath() {
        return !path.isEmpty();
    }

    /** See {@link ListTarget#resolve}. */
    public ListTarget target(Predicate<String> opensAsDirectory) {
        return ListTarget.resolve(path, opensAsDirectory);
    }
}
