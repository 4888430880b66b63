package dev.jvsftpd.compat.log;

import java.util.Objects;

/**
 * A non-transfer line of the vsftpd-format log. Build it with the factories, which fix the
 * argument text the way vsftpd writes it.
 *
 * @param what         the WHAT word
 * @param ok           {@code OK} or {@code FAIL}; ignored (always true) for CONNECT and the
 *                     protocol lines, which carry neither
 * @param clientIp     the client address as text
 * @param user         the name shown in {@code [..]}, or null before any USER: the typed name
 *                     before login, the final name after (ftp_username for anonymous)
 * @param arg          the quoted argument, or null for none
 * @param anonPassword the anonymous identity, shown on a successful anonymous LOGIN only
 */
public record SessionEvent(What what, boolean ok, String clientIp, String user, String arg, String anonPassword) {

    public enum What {
        CONNECT("CONNECT"), LOGIN("LOGIN"), MKDIR("MKDIR"), RMDIR("RMDIR"), DELETE("DELETE"), RENAME("RENAME"),
        CHMOD("CHMOD"), FTP_COMMAND("FTP command"), FTP_RESPONSE("FTP response");

        final String text;

        What(String text) {
            this.text = text;
        }

        /** CONNECT and the protocol lines have no OK/FAIL word. */
        boolean hasOutcome() {
            return this != CONNECT && this != FTP_COMMAND && this != FTP_RESPONSE;
        }
    }

    public SessionEvent {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(clientIp, "clientIp");
        if (!what.hasOutcome()) {
            ok = true;
        }
    }

    /** A new control connection, before the greeting. */
    public static SessionEvent connect(String clientIp) {
        return new SessionEvent(What.CONNECT, true, clientIp, null, null, null);
    }

    /**
     * A PASS outcome. Anonymous success: {@code user} is ftp_username and {@code anonIdentity}
     * the sanitised password. Failures (anonymous ones included) show the typed name and no
     * password, as vsftpd does.
     */
    public static SessionEvent login(String clientIp, String user, boolean ok, String anonIdentity) {
        return new SessionEvent(What.LOGIN, ok, clientIp, user, null, ok ? anonIdentity : null);
    }

    public static SessionEvent mkdir(String clientIp, String user, boolean ok, String path) {
        return new SessionEvent(What.MKDIR, ok, clientIp, user, path, null);
    }

    public static SessionEvent rmdir(String clientIp, String user, boolean ok, String path) {
        return new SessionEvent(What.RMDIR, ok, clientIp, user, path, null);
    }

    public static SessionEvent delete(String clientIp, String user, boolean ok, String path) {
        return new SessionEvent(What.DELETE, ok, clientIp, user, path, null);
    }

    /** RNTO: both absolute paths, one space between. */
    public static SessionEvent rename(String clientIp, String user, boolean ok, String from, String to) {
        return new SessionEvent(What.RENAME, ok, clientIp, user, from + " " + to, null);
    }

    /** SITE CHMOD: the absolute path, then the mode as the client typed it. */
    public static SessionEvent chmod(String clientIp, String user, boolean ok, String path, String mode) {
        return new SessionEvent(What.CHMOD, ok, clientIp, user, path + " " + mode, null);
    }

    /**
     * log_ftp_protocol: a command line as received (without CRLF). vsftpd splits it at the first
     * space, upper-cases the verb (ASCII only), drops an empty argument and hides PASS arguments.
     */
    public static SessionEvent ftpCommand(String clientIp, String user, String line) {
        return new SessionEvent(What.FTP_COMMAND, true, clientIp, user, LogText.commandForLog(line), null);
    }

    /**
     * log_ftp_protocol: one reply line as sent. Pass {@code "331 Please specify the password."}
     * for ordinary lines; for lines vsftpd writes raw (the FEAT/HELP/STAT bodies) pass the line
     * with its CRLF, which ends up as {@code ??} in files, as in vsftpd.
     */
    public static SessionEvent ftpResponse(String clientIp, String user, String line) {
        return new SessionEvent(What.FTP_RESPONSE, true, clientIp, user, line, null);
    }
}
