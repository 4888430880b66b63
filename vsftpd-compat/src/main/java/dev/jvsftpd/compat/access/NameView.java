package dev.jvsftpd.compat.access;

import java.util.Optional;

/**
 * What a pattern is compared with: the matcher asks the view at the start of every match,
 * including each brace alternative's recursion, which sees the remaining name text.
 */
@FunctionalInterface
public interface NameView {

    /** @return the text to match {@code pattern} against; empty means "no pattern match" */
    Optional<String> of(String name, String pattern);

    /** Upstream: the string as typed. */
    NameView RAW = (name, pattern) -> Optional.of(name);

    /**
     * Debian (section 5.3): realpath relative to the session cwd inside the jail, then the
     * absolute path for patterns starting with {@code /} or <code>{</code>, else its basename.
     */
    static NameView debian(NameResolver resolver, String cwd) {
        return (name, pattern) -> resolver.realpath(cwd, name)
                .map(real -> absoluteFor(pattern) ? real : basename(real));
    }

    /**
     * RHEL (section 5.3, from its source, not run): no realpath; patterns starting with
     * {@code /} see the typed path prefixed with the cwd when relative, <code>{</code> the typed
     * string, anything else its basename. An empty name or pattern is left alone.
     */
    static NameView rhel(String cwd) {
        return (name, pattern) -> {
            if (name.isEmpty() || pattern.isEmpty()) {
                return Optional.of(name);
            }
            if (pattern.charAt(0) == '/') {
                if (name.charAt(0) == '/') {
                    return Optional.of(name);
                }
                return Optional.of(cwd.length() > 1 ? cwd + "/" + name : cwd + name);
            }
            return Optional.of(pattern.charAt(0) == '{' ? name : basename(name));
        };
    }

    private static boolean absoluteFor(String pattern) {
        return !pattern.isEmpty() && (pattern.charAt(0) == '/' || pattern.charAt(0) == '{');
    }

    /** Text after the last {@code /}; the whole string when that is empty ({@code /} stays {@code /}). */
    static String basename(String path) {
        String tail = path.substring(path.lastIndexOf('/') + 1);
        return tail.isEmpty() ? path : tail;
    }
}
