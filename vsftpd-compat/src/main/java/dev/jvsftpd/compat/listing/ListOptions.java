package dev.jvsftpd.compat.listing;

/**
 * The ls-style letters vsftpd honours in a LIST/NLST/STAT argument. Any other letter is ignored,
 * as vsftpd only looks for these six.
 *
 * @param all        {@code -a}: show dot files, including {@code .} and {@code ..}
 * @param longFormat {@code -l}: long lines even for NLST
 * @param reverse    {@code -r}
 * @param byTime     {@code -t}: newest first
 * @param classify   {@code -F}: {@code /} after directories (and {@code @} after symlinks in short format)
 * @param recursive  {@code -R}: only set when ls_recurse_enable is on
 */
public record ListOptions(boolean all, boolean longFormat, boolean reverse, boolean byTime, boolean classify,
        boolean recursive) {

    public static final ListOptions NONE = new ListOptions(false, false, false, false, false, false);

    /** Reads the option word (without its leading {@code -}); {@code R} counts only if recursion is enabled. */
    public static ListOptions of(String letters, boolean recurseEnabled) {
        return new ListOptions(
                letters.indexOf('a') >= 0,
                letters.indexOf('l') >= 0,
                letters.indexOf('r') >= 0,
                letters.indexOf('t') >= 0,
                letters.indexOf('F') >= 0,
                recurseEnabled && letters.indexOf('R') >= 0);
    }
}
