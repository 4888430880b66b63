package dev.jvsftpd.compat.log;

import java.nio.charset.StandardCharsets;

/** Text rules shared by the formats and the sink. */
public final class LogText {
    private LogText() {
    }

    /**
     * The anonymous identity kept from PASS (reference 7.2): empty becomes {@code ?}, spaces
     * {@code _}, newlines {@code ?}.
     */
    public static String anonymousIdentity(String password) {
        if (password.isEmpty()) {
            return "?";
        }
        return password.replace(' ', '_').replace('\n', '?');
    }

    /**
     * The path vsftpd logs for a command argument: absolute arguments as given, relative ones
     * after the session's cwd and one slash (none added if cwd already ends in one). No
     * normalisation: {@code ../x} from {@code /up} logs as {@code /up/../x}.
     */
    public static String sessionPath(String cwd, String argument) {
        if (argument.startsWith("/")) {
            return argument;
        }
        return cwd.endsWith("/") ? cwd + argument : cwd + "/" + argument;
    }

    /**
     * The bytes written to a log file: UTF-8, with every byte outside printable ASCII replaced by
     * {@code ?}. vsftpd runs in the C locale, so DEL and all bytes >= 0x80 count as unprintable
     * (each byte of a UTF-8 character becomes one {@code ?}).
     */
    static byte[] printable(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7e) { // bytes are signed: >= 0x80 is negative
                bytes[i] = '?';
            }
        }
        return bytes;
    }

    static String commandForLog(String line) {
        // vsftpd treats a lone space as a command named " ".
        if (line.equals(" ")) {
            return line;
        }
        int space = line.indexOf(' ');
        String verb = asciiUpper(space < 0 ? line : line.substring(0, space));
        String arg = space < 0 ? "" : line.substring(space + 1);
        if (verb.equals("PASS")) {
            return "PASS <password>";
        }
        return arg.isEmpty() ? verb : verb + " " + arg;
    }

    private static String asciiUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return out.toString();
    }
}
