package dev.jvsftpd.compat.listing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the body of LIST, NLST or {@code STAT <path>} from the entries of a directory, the way
 * vsftpd 3.0.3 does (reference section 5.4, checked against the Debian binary):
 * <ul>
 * <li>filter: dot rule ({@code -a}, force_dot_files), hide_file, pattern; a pattern starting with
 *     {@code .} implies {@code -a};</li>
 * <li>sort: by name in byte order; {@code -t} by mtime, newest first; {@code -r} reverses. Equal
 *     {@code -t} keys keep the order the entries were given in (vsftpd's sort is stable and keeps
 *     readdir order; {@code -r} does not reverse ties);</li>
 * <li>lines: long format for LIST, STAT and {@code NLST -l}, each name on its own in the listed
 *     directory; short NLST names are prefixed with the directory as typed plus {@code /} (not for
 *     {@code .}); {@code -F} appends {@code /} to directories, and {@code @} to symlinks in short
 *     format only;</li>
 * <li>{@code -R}: a {@code dir:} header, the lines, then for each listed subdirectory (same order,
 *     except {@code .} and {@code ..}) that opens: an empty line and its own listing, under the path
 *     {@code dir + "/" + name}. Subdirectories that do not open are skipped silently.</li>
 * </ul>
 * Every line ends in CRLF.
 */
public final class Listing {

    /** The command being answered; it decides long or short lines and the implied {@code -a}. */
    public enum Command {
        /** Long lines, names without the directory. */
        LIST,
        /** Short lines with the directory prefix, unless {@code -l}. */
        NLST,
        /** {@code STAT <path>}: LIST with {@code -a} implied, sent on the control connection. */
        STAT
    }

    private Listing() {
    }

    /**
     * @param command        LIST, NLST or STAT
     * @param directory      the listed directory as typed ({@link ListTarget#directory()}): the NLST
     *                       prefix and the {@code -R} header
     * @param entries        the directory's entries in readdir order, {@code .} and {@code ..} included
     *                       (see {@link ListEntry#readDirectory})
     * @param options        the parsed options
     * @param filter         force_dot_files, hide_file and the pattern
     * @param format         the long-line format (used for long lines only)
     * @param subdirectories for {@code -R}: the entries of a subdirectory given its path as built here,
     *                       or empty when it cannot be opened; may be null without {@code -R}
     * @return the body, every line ending in CRLF; empty when nothing is listed
     * @throws dev.jvsftpd.compat.config.OopsException from {@link LongFormat#line(ListEntry, String)}
     */
    public static String build(Command command, String directory, List<ListEntry> entries, ListOptions options,
            ListFilter filter, LongFormat format, Function<String, Optional<List<ListEntry>>> subdirectories) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(filter, "filter");
        if (options.recursive() && subdirectories == null) {
            throw new IllegalArgumentException("-R needs a way to read subdirectories");
        }
        StringBuilder out = new StringBuilder();
        append(out, command, directory, entries, options, filter, format, subdirectories);
        return out.toString();
    }

    private static void append(StringBuilder out, Command command, String directory, List<ListEntry> entries,
            ListOptions options, ListFilter filter, LongFormat format,
            Function<String, Optional<List<ListEntry>>> subdirectories) {
        boolean all = options.all() || command == Command.STAT || filter.patternImpliesAll();
        boolean longLines = command != Command.NLST || options.longFormat();
        String prefix = namePrefix(directory);

        List<ListEntry> passed = new ArrayList<>();
        for (ListEntry e : entries) {
            if (filter.shows(e.name(), all)) {
                passed.add(e);
            }
        }
        List<ListEntry> shown = sorted(passed, options);

        if (options.recursive()) {
            out.append(directory).append(":\r\n");
        }
        for (ListEntry e : shown) {
            out.append(longLines ? longLine(e, options, format) : shortLine(e, prefix, options));
        }
        if (!options.recursive()) {
            return;
        }
        for (ListEntry e : shown) {
            if (!e.isDirectory() || e.name().equals(".") || e.name().equals("..")) {
                continue;
            }
            String sub = directory + "/" + e.name();
            Optional<List<ListEntry>> subEntries = subdirectories.apply(sub);
            if (subEntries.isEmpty()) {
                continue; // vsftpd: "unreadable, gone missing, etc. - no matter"
            }
            out.append("\r\n");
            append(out, command, sub, subEntries.get(), options, filter, format, subdirectories);
        }
    }

    /** vsftpd's NLST prefix: nothing for exactly {@code .}, else the directory with one trailing {@code /}. */
    static String namePrefix(String directory) {
        if (directory.equals(".") || directory.isEmpty()) {
            return "";
        }
        return directory.endsWith("/") ? directory : directory + "/";
    }

    private static String longLine(ListEntry e, ListOptions options, LongFormat format) {
        String shown = options.classify() && e.isDirectory() ? e.name() + "/" : e.name();
        return format.line(e, shown);
    }

    private static String shortLine(ListEntry e, String prefix, ListOptions options) {
        String marker = "";
        if (options.classify()) {
            marker = e.isDirectory() ? "/" : e.isSymlink() ? "@" : "";
        }
        return prefix + e.name() + marker + "\r\n";
    }

    /**
     * Sorts a copy, stably. Name order compares the bytes (UTF-8), not UTF-16 units. The {@code -t}
     * key is vsftpd's: the mtime seconds printed as {@code %030d} and compared as text, which also
     * puts pre-1970 times in vsftpd's odd order (-100000 sorts as newer than -5).
     */
    static List<ListEntry> sorted(List<ListEntry> entries, ListOptions options) {
        // keys computed once per entry, not per comparison
        record Keyed(ListEntry entry, byte[] key) {
        }
        List<Keyed> keyed = new ArrayList<>(entries.size());
        for (ListEntry e : entries) {
            keyed.add(new Keyed(e, options.byTime() ? bytes(timeKey(e)) : bytes(e.name())));
        }
        Comparator<Keyed> ascending = (a, b) -> Arrays.compareUnsigned(a.key(), b.key());
        // -t wants newest first (descending); -r flips whichever order applies
        boolean descending = options.byTime() != options.reverse();
        keyed.sort(descending ? ascending.reversed() : ascending);
        List<ListEntry> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            out.add(k.entry());
        }
        return out;
    }

    static String timeKey(ListEntry e) {
        return String.format(Locale.ROOT, "%030d", e.mtime().getEpochSecond());
    }

    private static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
