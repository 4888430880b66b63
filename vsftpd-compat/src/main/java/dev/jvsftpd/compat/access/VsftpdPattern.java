package dev.jvsftpd.compat.access;

import dev.jvsftpd.compat.config.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * vsftpd's filename pattern matcher (deny_file, hide_file, upload_file, download_file and the
 * LIST/NLST pattern), section 5 of the semantics reference. Syntax: {@code *}, {@code ?} and
 * non-nested <code>{a,b}</code>; no escapes, case matters, {@code /} is an ordinary character.
 * The scan runs left to right and never backtracks, so some names a shell glob would match do
 * not match here; that is vsftpd's behaviour, kept on purpose.
 *
 * <p>Every match is bounded: one counter, shared with the brace recursion, stops the scan after
 * {@value #MAX_ITERATIONS} steps, and reaching it exactly means "no match" (section 5.5).
 * Pure apart from what the {@link NameView} does.
 */
public final class VsftpdPattern {
    /** vsftpd's VSFTP_MATCHITERS_MAX. */
    public static final int MAX_ITERATIONS = 1000;

    private VsftpdPattern() {
    }

    /** Upstream matching of the string as given (section 5.2). */
    public static boolean matches(String name, String pattern) {
        return matches(Dialect.UPSTREAM, name, pattern, NameView.RAW);
    }

    /**
     * Matching as {@code dialect} does it, with {@code view} deciding what each (recursive) match
     * compares. A brace alternative is matched, with the rest of the pattern, against the
     * remaining name text, which goes through {@code view} again. Debian takes the last
     * non-overlapping occurrence of a literal that follows {@code *}; RHEL has its own rewrite.
     */
    public static boolean matches(Dialect dialect, String name, String pattern, NameView view) {
        int[] iterations = {0};
        return dialect == Dialect.RHEL
                ? rhel(name, pattern, view, iterations)
                : scan(name, pattern, view, dialect == Dialect.DEBIAN, iterations);
    }

    /** The view of the name to compare, or empty when the cap is spent (sparing the view's realpath) or it has none. */
    private static Optional<String> viewed(String name, String pattern, NameView view, int[] iterations) {
        return iterations[0] >= MAX_ITERATIONS ? Optional.empty() : view.of(name, pattern);
    }

    /** One step of a scan: the literal before the next token, the token (0 at the end), and what follows it. */
    private record Step(String literal, char token, String after) {
        static Step of(String pattern, String tokens) {
            int at = indexOfAny(pattern, tokens);
            return at < 0 ? new Step(pattern, (char) 0, "")
                    : new Step(pattern.substring(0, at), pattern.charAt(at), pattern.substring(at + 1));
        }
    }

    /** The shared loop of upstream and Debian; {@code greedy} is Debian's last non-overlapping occurrence rule. */
    private static boolean scan(String name, String pattern, NameView view, boolean greedy, int[] iterations) {
        Optional<String> viewed = viewed(name, pattern, view, iterations);
        if (viewed.isEmpty()) {
            return false;
        }
        String rest = viewed.get();
        String p = pattern;
        boolean anchored = true;
        char token = 0;
        while (!p.isEmpty() && iterations[0] < MAX_ITERATIONS) {
            iterations[0]++;
            Step step = Step.of(p, "*?{");
            String literal = step.literal();
            token = step.token();
            p = step.after();
            if (!literal.isEmpty()) {
                int found = rest.indexOf(literal);
                if (found < 0 || (anchored && found > 0)) {
                    return false;
                }
                if (greedy && !anchored) {
                    found = lastNonOverlapping(rest, literal, found);
                }
                rest = rest.substring(found + literal.length());
            }
            if (token == '?') {
                if (rest.isEmpty()) {
                    return false;
                }
                rest = rest.substring(1);
                anchored = true;
            } else if (token == '{') {
                anchored = true;
                int close = p.indexOf('}');
                if (close >= 0) {
                    String alternatives = p.substring(0, close);
                    String after = p.substring(close + 1);
                    for (String alternative : alternatives.split(",", -1)) {
                        if (alternative.isEmpty()) {
                            break; // vsftpd stops at the first empty alternative
                        }
                        if (scan(rest, alternative + after, view, greedy, iterations)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (!rest.startsWith("{")) {
                    return false; // an unmatched '{' stands for itself
                }
                rest = rest.substring(1);
            } else {
                anchored = false; // '*', or the end of the pattern
            }
        }
        if (!rest.isEmpty() && token != '*') {
            return false;
        }
        return iterations[0] != MAX_ITERATIONS;
    }

    /**
     * RHEL's rewrite, from the reference's description (its binary was not run): first
     * occurrence as upstream, but a final literal after {@code *} must end the name, {@code [abc]}
     * and {@code [a-z]} classes are added, and a brace or class not directly preceded by a
     * literal gets an implicit leading {@code *} unless it opens the whole pattern. RHEL's
     * repetition of a token inside one step (a do-while in its source) is not reproduced.
     */
    private static boolean rhel(String name, String pattern, NameView view, int[] iterations) {
        Optional<String> viewed = viewed(name, pattern, view, iterations);
        if (viewed.isEmpty()) {
            return false;
        }
        String rest = viewed.get();
        String p = pattern;
        boolean anchored = true;
        char token = 0;
        while (!p.isEmpty() && iterations[0] < MAX_ITERATIONS) {
            iterations[0]++;
            Step step = Step.of(p, "*?{[");
            String literal = step.literal();
            token = step.token();
            p = step.after();
            if (!literal.isEmpty()) {
                int found = rest.indexOf(literal);
                if (found < 0 || (anchored && found > 0)) {
                    return false;
                }
                if (!anchored && token == 0) {
                    return rest.endsWith(literal); // the trailing literal must end the name
                }
                rest = rest.substring(found + literal.length());
            }
            if (token == '?') {
                if (rest.isEmpty()) {
                    return false;
                }
                rest = rest.substring(1);
                anchored = true;
            } else if (token == '{' || token == '[') {
                anchored = true;
                char closer = token == '{' ? '}' : ']';
                int close = p.indexOf(closer);
                if (close >= 0) {
                    String inside = p.substring(0, close);
                    String after = p.substring(close + 1);
                    boolean opensPattern = iterations[0] == 1 && token == '{' && literal.isEmpty();
                    String prefix = literal.isEmpty() && !opensPattern ? "*" : "";
                    for (String choice : token == '{' ? braceChoices(inside) : classChoices(inside)) {
                        if (rhel(rest, prefix + choice + after, view, iterations)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (!rest.startsWith(String.valueOf(token))) {
                    return false;
                }
                rest = rest.substring(1);
            } else {
                anchored = false;
            }
        }
        if (!rest.isEmpty() && token != '*') {
            return false;
        }
        return iterations[0] != MAX_ITERATIONS;
    }

    /** Alternatives up to the first empty one. */
    private static List<String> braceChoices(String inside) {
        List<String> out = new ArrayList<>();
        for (String alternative : inside.split(",", -1)) {
            if (alternative.isEmpty()) {
                break;
            }
            out.add(alternative);
        }
        return out;
    }

    /** Single characters and {@code x-y} ranges, each as a one-character alternative. */
    private static List<String> classChoices(String inside) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < inside.length()) {
            char from = inside.charAt(i);
            char to = from;
            if (i + 2 < inside.length() && inside.charAt(i + 1) == '-') {
                to = inside.charAt(i + 2);
                i += 3;
            } else {
                i++;
            }
            // bounded: each choice costs a step anyway, and [\0-\uffff] must not wrap forever
            for (char c = from; c <= to && out.size() < MAX_ITERATIONS; c++) {
                out.add(String.valueOf(c));
            }
        }
        return out;
    }

    /**
     * Debian's greedy search: keep taking the next occurrence after the previous one, so the
     * occurrences never overlap ({@code *aa} does not match {@code aaa}, but matches {@code aaaa}).
     * Observed on the Debian binary; a plain lastIndexOf would differ.
     */
    private static int lastNonOverlapping(String text, String literal, int first) {
        int found = first;
        for (int next = text.indexOf(literal, found + literal.length()); next >= 0;
                next = text.indexOf(literal, next + literal.length())) {
            found = next;
        }
        return found;
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
