package dev.jvsftpd.compat.ftp;

import java.util.List;
import org.apache.ftpserver.ftplet.FtpReply;

/**
 * A reply with exactly vsftpd's bytes. FtpServer's DefaultFtpReply reformats multi-line text
 * (RFC 959 style); vsftpd does not, so this class renders the wire text itself.
 *
 * @param code the reply code
 * @param wire the full text sent, every line ending in CRLF
 */
public record Reply(int code, String wire) implements FtpReply {

    /** {@code <code> <text>} */
    public static Reply of(int code, String text) {
        return new Reply(code, code + " " + sanitise(text) + "\r\n");
    }

    /**
     * {@code <code>-<first>}, the body lines raw (FEAT, HELP and STAT indent them themselves),
     * then {@code <code> <last>}.
     */
    public static Reply multi(int code, String first, List<String> body, String last) {
        StringBuilder out = new StringBuilder().append(code).append('-').append(sanitise(first)).append("\r\n");
        for (String line : body) {
            out.append(sanitise(line)).append("\r\n");
        }
        out.append(code).append(' ').append(sanitise(last)).append("\r\n");
        return new Reply(code, out.toString());
    }

    /** vsftpd's banner_file and message_file form: every line {@code <code>-<line>}, no final line. */
    public static String dashedLines(int code, List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(code).append('-').append(sanitise(line)).append("\r\n");
        }
        return out.toString();
    }

    /** A line break inside a reply line would forge a new reply; vsftpd sends it as NUL. */
    private static String sanitise(String text) {
        return text.replace('\n', '\0');
    }

    @Override
    public int getCode() {
        return code;
    }

    @Override
    public String getMessage() {
        return wire;
    }

    @Override
    public long getSentTime() {
        return 0;
    }

    @Override
    public boolean isPositive() {
        return code < 400;
    }

    @Override
    public String toString() {
        return wire;
    }
}
