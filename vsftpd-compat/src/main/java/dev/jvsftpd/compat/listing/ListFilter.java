package dev.jvsftpd.compat.listing;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which entries a listing leaves out, besides the {@code -a} rule: force_dot_files, hide_file and
 * the listing's own pattern. The matchers are injected: they implement deny_file/hide_file
 * syntax (and the Debian name view), which is not this package's business.
 *
 * @param forceDotFiles  force_dot_files: show dot files without {@code -a} (still not {@code .} and {@code ..})
 * @param hidden         hide_file applied to an entry name; always false when hide_file is unset
 * @param pattern        the pattern part of the argument ({@link ListTarget#pattern()}), {@code ""} for none
 * @param matchesPattern whether an entry name matches {@code pattern} (no substring fallback);
 *                       may be null only when there is no pattern
 */
public record ListFilter(boolean forceDotFiles, Predicate<String> hidden, String pattern,
        Predicate<String> matchesPattern) {

    /** No hide_file, no pattern, force_dot_files off. */
    public static final ListFilter NONE = new ListFilter(false, name -> false, "", null);

    public ListFilter {
        hidden = hidden == null ? name -> false : hidden;
        pattern = pattern == null ? "" : pattern;
        if (!pattern.isEmpty()) {
            Objects.requireNonNull(matchesPattern, "matchesPattern is needed with a pattern");
        }
    }

    /** The session part: force_dot_files and hide_file. */
    public static ListFilter of(boolean forceDotFiles, Predicate<String> hidden) {
        return new ListFilter(forceDotFiles, hidden, "", null);
    }

    /** This filter with a listing pattern; an empty pattern means none. */
    public ListFilter withPattern(String newPattern, Predicate<String> matcher) {
        return new ListFilter(forceDotFiles, hidden, newPattern, matcher);
    }

    public boolean hasPattern() {
        return !pattern.isEmpty();
    }

    /** vsftpd: a pattern starting with {@code .} turns on {@code -a}. */
    boolean patternImpliesAll() {
        return !pattern.isEmpty() && pattern.charAt(0) == '.';
    }

    /** The dot rule, then hide_file, then the pattern. */
    boolean shows(String name, boolean all) {
        if (!all) {
            if (!forceDotFiles && name.startsWith(".")) {
                return false;
            }
            if (forceDotFiles && (name.equals(".") || name.equals(".."))) {
                return false;
            }
        }
        if (hidden.test(name)) {
            return false;
        }
        return pattern.isEmpty() || matchesPattern.test(name);
    }
}
