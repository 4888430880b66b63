package dev.jvsftpd.selinux.policy;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One file context specification, {@code REGEX [filetype] CONTEXT}; an empty context is {@code <<none>>}
 * ("do not label"). The regex is anchored at both ends.
 */
public final class FileContextSpec {
    private final String regex;
    private final FileKind kind;
    private final Optional<SecurityContext> context;
    private final Pattern pattern;

    public FileContextSpec(String regex, FileKind kind, Optional<SecurityContext> context) {
        this.regex = Objects.requireNonNull(regex);
        this.kind = Objects.requireNonNull(kind);
        this.context = Objects.requireNonNull(context);
        this.pattern = Pattern.compile(toJava(regex));
    }

    public static FileContextSpec of(String regex, FileKind kind, String type) {
        return new FileContextSpec(regex, kind, Optional.of(SecurityContext.object(type)));
    }

    public static FileContextSpec none(String regex, FileKind kind) {
        return new FileContextSpec(regex, kind, Optional.empty());
    }

    public String regex() {
        return regex;
    }

    public FileKind kind() {
        return kind;
    }

    public Optional<SecurityContext> context() {
        return context;
    }

    public boolean matches(String path, FileKind objectKind) {
        return kind.covers(objectKind) && pattern.matcher(path).matches();
    }

    /**
     * Position of the first regex meta character, counting an escaped character as one (libselinux and
     * libsemanage both skip the character after a backslash); -1 for a plain path.
     */
    public int stemLength() {
        int escapes = 0;
        for (int c = 0; c < regex.length(); c++) {
            char ch = regex.charAt(c);
            switch (ch) {
                case '.', '^', '$', '?', '*', '+', '|', '[', '(', '{':
                    return c - escapes;
                case '\\':
                    c++;
                    escapes++;
                    break;
                default:
                    break;
            }
        }
        return -1;
    }

    public boolean hasMeta() {
        return stemLength() >= 0;
    }

    /** Length with the escape characters not counted. */
    int effectiveLength() {
        int n = 0;
        for (int c = 0; c < regex.length(); c++) {
            if (regex.charAt(c) == '\\' && c + 1 < regex.length()) {
                c++;
            }
            n++;
        }
        return n;
    }

    /**
     * libsemanage's specificity order for the policy's file_contexts, least specific first: a regex before a
     * plain path, a shorter stem first, a shorter string first, a spec without file type before one with.
     */
    public static final Comparator<FileContextSpec> SPECIFICITY = (a, b) -> {
        if (a.hasMeta() != b.hasMeta()) {
            return a.hasMeta() ? -1 : 1;
        }
        if (a.stemLength() != b.stemLength()) {
            return Integer.compare(a.stemLength(), b.stemLength());
        }
        if (a.effectiveLength() != b.effectiveLength()) {
            return Integer.compare(a.effectiveLength(), b.effectiveLength());
        }
        boolean at = a.kind != FileKind.ALL;
        boolean bt = b.kind != FileKind.ALL;
        return at == bt ? 0 : at ? 1 : -1;
    };

    /** The line as file_contexts(.local) holds it. */
    public String line() {
        String ctx = context.map(SecurityContext::toString).orElse("<<none>>");
        return kind == FileKind.ALL ? regex + "    " + ctx : regex + "    " + kind.flag() + "    " + ctx;
    }

    /** Parses a file_contexts line; {@code Optional.empty()} for blanks and comments. */
    public static Optional<FileContextSpec> parseLine(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return Optional.empty();
        }
        String[] f = t.split("\\s+");
        if (f.length == 2) {
            return Optional.of(new FileContextSpec(f[0], FileKind.ALL, context(f[1])));
        }
        if (f.length == 3) {
            FileKind k = FileKind.parseOption(f[1]).filter(x -> x.flag().equals(f[1]))
                    .orElseThrow(() -> new IllegalArgumentException("bad file type " + f[1] + " in: " + line));
            return Optional.of(new FileContextSpec(f[0], k, context(f[2])));
        }
        throw new IllegalArgumentException("bad file context line: " + line);
    }

    private static Optional<SecurityContext> context(String text) {
        return text.equals("<<none>>") ? Optional.empty() : Optional.of(SecurityContext.parse(text));
    }

    /** POSIX bracket classes ({@code [[:alpha:]]}) are the one ERE form Java spells differently. */
    static String toJava(String ere) {
        return ere.replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\p{Digit}")
                .replace("[:alnum:]", "\\p{Alnum}").replace("[:upper:]", "\\p{Upper}")
                .replace("[:lower:]", "\\p{Lower}").replace("[:space:]", "\\s")
                .replace("[:xdigit:]", "\\p{XDigit}").replace("[:punct:]", "\\p{Punct}");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileContextSpec s && s.regex.equals(regex) && s.kind == kind && s.context.equals(context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regex, kind, context);
    }

    @Override
    public String toString() {
        return line();
    }
}
