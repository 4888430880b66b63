package dev.jvsftpd.tcpwrappers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One access control table (hosts.allow or hosts.deny) cut into rules exactly as libwrap reads it:
 * 2048-byte line buffer, backslash-newline joining, C-string (NUL) truncation, column-1 comments,
 * bracket-aware ":" fields. Pure: bytes in, rules and diagnostics out.
 *
 * @param rules      the rules in file order, up to {@code stop}
 * @param stop       the line that makes libwrap give up on the whole table (a line without its
 *                   newline, or longer than the buffer): reaching it is an error for the table
 * @param diagnostics the problems libwrap would log, with their line numbers
 */
record RuleFile(List<Rule> rules, Diagnostic stop, List<Diagnostic> diagnostics) {

    /** libwrap's line buffer: 2046 visible characters, the newline and the NUL. */
    static final int LINE_BUFFER = 2048;

    /**
     * One rule: the daemon list, client list and option string, each as libwrap holds them
     * (the line's trailing newline is still part of the last field).
     *
     * @param options null when the rule has no second ":"
     */
    record Rule(int line, String daemons, String clients, String options) {
    }

    record Diagnostic(int line, String message) {
    }

    static final RuleFile EMPTY = new RuleFile(List.of(), null, List.of());

    static RuleFile parse(byte[] content) {
        LineReader reader = new LineReader(content);
        List<Rule> rules = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String line;
        while ((line = reader.next()) != null) {
            if (line.charAt(line.length() - 1) != '\n') {
                // the physical line being read when the newline was missing (libwrap counts only complete ones)
                Diagnostic stop = new Diagnostic(reader.lineNumber() + 1,
                        "missing newline or line too long; all the subsequent rules will be ignored");
                diagnostics.add(stop);
                return new RuleFile(List.copyOf(rules), stop, List.copyOf(diagnostics));
            }
            if (line.charAt(0) == '#' || CText.skipAll(line, 0, " \t\r\n") == line.length()) {
                continue;
            }
            int colon = CText.splitAt(line, 0, ':');
            if (colon < 0) {
                diagnostics.add(new Diagnostic(reader.lineNumber(), "missing \":\" separator"));
                continue;
            }
            String daemons = line.substring(0, colon);
            String rest = line.substring(colon + 1);
            int second = CText.splitAt(rest, 0, ':');
            String clients = second < 0 ? rest : rest.substring(0, second);
            String options = second < 0 ? null : rest.substring(second + 1);
            rules.add(new Rule(reader.lineNumber(), daemons, clients, options));
        }
        return new RuleFile(List.copyOf(rules), null, List.copyOf(diagnostics));
    }

    /** libwrap's xgets over fgets, byte for byte, including what a NUL byte does to a line. */
    private static final class LineReader {
        private final byte[] in;
        private int pos;
        private int lineNumber;
        private final byte[] buf = new byte[LINE_BUFFER];

        LineReader(byte[] in) {
            this.in = in;
        }

        int lineNumber() {
            return lineNumber;
        }

        /** fgets(buf + at, size): bytes read (0 at EOF), stopping after a newline. */
        private int fgets(int at, int size) {
            if (pos >= in.length) {
                return 0;
            }
            int n = 0;
            while (n < size - 1 && pos < in.length) {
                byte b = in[pos++];
                buf[at + n++] = b;
                if (b == '\n') {
                    break;
                }
            }
            buf[at + n] = 0;
            return n;
        }

        private int strlen(int at) {
            int i = at;
            while (buf[i] != 0) {
                i++;
            }
            return i - at;
        }

        /** The next logical line as a C string, or null at the end. */
        String next() {
            int ptr = 0;
            int len = LINE_BUFFER;
            while (true) {
                if (fgets(ptr, len) == 0) {
                    return ptr > 0 ? text() : null;
                }
                int got = strlen(ptr);
                if (got >= 1 && buf[ptr + got - 1] == '\n') {
                    lineNumber++;
                    if (got == 1 || buf[ptr + got - 2] != '\\') {
                        return text();
                    }
                    got -= 2;
                }
                ptr += got;
                len -= got;
                if (len == 1) {
                    return text();
                }
                buf[ptr] = 0;
            }
        }

        private String text() {
            return new String(buf, 0, strlen(0), StandardCharsets.ISO_8859_1);
        }
    }
}
