package dev.jvsftpd.pam.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads pam.d files the way libpam 1.5.2 does (reference B.2), quirks included: lines are read in
 * 1023-byte pieces, so a longer line becomes two (and a continued line is cut where the 1024-byte
 * buffer ends); {@code #} cuts a line anywhere; a trailing backslash joins the next non-blank line;
 * a continuation still open at the end of the file makes the whole file unreadable (PAM_ABORT).
 */
final class PamConfigParser {
    private static final int BUFFER = 1024;

    private PamConfigParser() {
    }

    /** A parsed file: its lines, or why libpam would abort reading it. */
    record ParsedFile(Path file, List<ConfigLine> lines, String abortReason) {
        boolean aborted() {
            return abortReason != null;
        }
    }

    /** Reads a file; empty when it cannot be opened (missing, unreadable), as fopen would fail. */
    static Optional<ParsedFile> read(Path file, boolean serviceField, boolean debian) {
        byte[] bytes;
        if (Files.isDirectory(file)) {
            // fopen succeeds on a directory and reading it yields nothing
            bytes = new byte[0];
        } else {
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | SecurityException e) {
                return Optional.empty();
            }
        }
        return Optional.of(parse(file, bytes, serviceField, debian));
    }

    static ParsedFile parse(Path file, byte[] bytes, boolean serviceField, boolean debian) {
        // ISO-8859-1 maps bytes 1:1, so the 1023-byte pieces are cut where libpam cuts them
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Reader reader = new Reader(text);
        List<ConfigLine> lines = new ArrayList<>();
        while (true) {
            Logical logical = reader.next();
            if (logical == null) {
                break;
            }
            if (logical.error != null) {
                return new ParsedFile(file, lines, "line " + logical.line + ": " + logical.error);
            }
            lines.add(line(file, logical.line, utf8(logical.text), serviceField, debian));
        }
        return new ParsedFile(file, List.copyOf(lines), null);
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private record Logical(int line, String text, String error) {
    }

    /** libpam's line assembly over fgets into a 1024-byte buffer. */
    private static final class Reader {
        private final String text;
        private int pos;
        private int physicalLine;

        Reader(String text) {
            this.text = text;
        }

        /** One fgets: up to room-1 bytes, through the newline if it comes first; null at EOF. */
        private String fgets(int room) {
            if (pos >= text.length() || room <= 1) {
                return null;
            }
            int limit = Math.min(text.length(), pos + room - 1);
            int nl = text.indexOf('\n', pos);
            int end = nl >= 0 && nl < limit ? nl + 1 : limit;
            String piece = text.substring(pos, end);
            pos = end;
            if (piece.endsWith("\n")) {
                physicalLine++;
            }
            return piece;
        }

        Logical next() {
            StringBuilder assembled = new StringBuilder();
            int used = 0;
            int startLine = -1;
            while (true) {
                int room = BUFFER - used;
                if (room <= 1) {
                    return new Logical(startLine, null,
                            "continued line longer than libpam's 1024-byte buffer: the file is not read");
                }
                int lineOfPiece = physicalLine + 1;
                String piece = fgets(room);
                if (piece == null) {
                    if (used > 0) {
                        return new Logical(startLine, null,
                                "the last line ends in a backslash, continuing past the end of the file: "
                                        + "the file is not read");
                    }
                    return null;
                }
                int s = 0;
                while (s < piece.length() && " \n\t".indexOf(piece.charAt(s)) >= 0) {
                    s++;
                }
                if (s >= piece.length() || piece.charAt(s) == '#') {
                    continue; // blank or comment-only: skipped, even inside a continuation
                }
                if (startLine < 0) {
                    startLine = lineOfPiece;
                }
                String content = piece.substring(s);
                int hash = content.indexOf('#');
                if (hash >= 0) {
                    content = content.substring(0, hash);
                    assembled.append(content);
                    return new Logical(startLine, assembled.toString(), null);
                }
                int e = content.length();
                while (e > 0 && " \t\n".indexOf(content.charAt(e - 1)) >= 0) {
                    e--;
                }
                if (e > 0 && content.charAt(e - 1) == '\\') {
                    String kept = content.substring(0, e - 1) + " ";
                    assembled.append(kept);
                    used += kept.length() + s;
                    continue;
                }
                assembled.append(content);
                return new Logical(startLine, assembled.toString(), null);
            }
        }
    }

    /** libpam's tokenizer: blanks separate; {@code [..]} is one token, brackets removed, {@code \]} kept as {@code ]}. */
    static final class Tokens {
        private final String s;
        private int i;

        Tokens(String s) {
            this.s = s;
        }

        String next() {
            while (i < s.length() && " \n\t".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (i >= s.length()) {
                return null;
            }
            if (s.charAt(i) == '[') {
                StringBuilder out = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != ']') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length() && s.charAt(i + 1) == ']') {
                        i++;
                    }
                    out.append(s.charAt(i));
                    i++;
                }
                i++; // past the ']' (or the end)
                return out.toString();
            }
            int start = i;
            while (i < s.length() && " \n\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }

        List<String> rest() {
            List<String> out = new ArrayList<>();
            for (String t = next(); t != null; t = next()) {
                out.add(t);
            }
            return out;
        }
    }

    private static ConfigLine line(Path file, int lineNo, String text, boolean serviceField, boolean debian) {
        Tokens tokens = new Tokens(text);
        String service = null;
        if (serviceField) {
            service = tokens.next();
        }
        String typeToken = tokens.next();
        if (typeToken == null) {
            return new ConfigLine(file, lineNo, ConfigLine.Kind.MUST_FAIL, service, null, false, Actions.all(Actions.BAD),
                    null, List.of(), "no module type: this line makes every authentication fail (PAM_PERM_DENIED)");
        }
        if (debian && typeToken.toLowerCase(Locale.ROOT).equals("@include")) {
            String name = tokens.next();
            return new ConfigLine(file, lineNo, ConfigLine.Kind.AT_INCLUDE, service, null, false, null, name,
                    List.of(), name == null ? "@include without a file name (this crashes Debian's libpam)" : null);
        }
        boolean silent = typeToken.startsWith("-");
        String typeName = silent ? typeToken.substring(1) : typeToken;
        Optional<ModuleType> type = ModuleType.parse(typeName);
        String problem = type.isEmpty()
                ? "unknown module type '" + typeName + "'"
                        + Hints.didYouMean(typeName, List.of("auth", "account", "session", "password"))
                        + ": libpam makes it an auth line that always fails (PAM_PERM_DENIED)"
                : null;

        // libpam compares the control token's text, brackets already stripped: "[required]" is
        // "required", and an unbracketed "success=ok" is a valid value=action list
        String control = tokens.next();
        if (control == null) {
            return new ConfigLine(file, lineNo, ConfigLine.Kind.MUST_FAIL, service, type.orElse(null), silent,
                    Actions.all(Actions.BAD), null, List.of(),
                    problem != null ? problem : "no control field: this line always fails (PAM_PERM_DENIED)");
        }
        String lowered = control.toLowerCase(Locale.ROOT);
        if (lowered.equals("include") || lowered.equals("substack")) {
            String name = tokens.next();
            ConfigLine.Kind kind = lowered.equals("include") ? ConfigLine.Kind.INCLUDE : ConfigLine.Kind.SUBSTACK;
            if (type.isEmpty()) {
                problem = "unknown module type '" + typeName + "': libpam follows the " + lowered
                        + " for its auth lines";
            }
            if (problem == null && name == null) {
                problem = lowered + " without a file name: this line always fails (PAM_PERM_DENIED)";
            }
            return new ConfigLine(file, lineNo, kind, service, type.orElse(null), silent, Actions.all(Actions.BAD),
                    name, List.of(), problem);
        }
        int[] actions = Actions.keyword(control);
        if (actions == null) {
            Actions.Parsed parsed = Actions.bracket(control);
            actions = parsed.actions();
            if (parsed.error() != null && problem == null) {
                String hint = control.contains("=") ? "" : Hints.didYouMean(control,
                        List.of("required", "requisite", "sufficient", "optional", "include", "substack"));
                problem = "bad control '" + control + "'" + hint + ": " + parsed.error()
                        + "; every result of this line counts as a failure";
            }
        }
        String module = tokens.next();
        List<String> args = tokens.rest();
        if (module == null) {
            return new ConfigLine(file, lineNo, ConfigLine.Kind.MUST_FAIL, service, type.orElse(null), silent, actions,
                    null, args, problem != null ? problem
                            : "no module path: this line always fails (PAM_PERM_DENIED)");
        }
        ConfigLine.Kind kind = type.isEmpty() ? ConfigLine.Kind.MUST_FAIL : ConfigLine.Kind.MODULE;
        return new ConfigLine(file, lineNo, kind, service, type.orElse(null), silent, actions, module, args, problem);
    }
}
