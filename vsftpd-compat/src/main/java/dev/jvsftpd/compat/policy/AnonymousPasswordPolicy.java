package dev.jvsftpd.compat.policy;

import static dev.jvsftpd.compat.config.Directives.BANNED_EMAIL_FILE;
import static dev.jvsftpd.compat.config.Directives.DENY_EMAIL_ENABLE;
import static dev.jvsftpd.compat.config.Directives.EMAIL_PASSWORD_FILE;
import static dev.jvsftpd.compat.config.Directives.SECURE_EMAIL_LIST_ENABLE;

import dev.jvsftpd.compat.config.VsftpdConfig;
import java.util.Set;

/**
 * Which e-mail "passwords" an anonymous login may give: deny_email_enable bans the lines of
 * banned_email_file, secure_email_list_enable admits only the lines of email_password_file.
 * Lines match exactly (case and blanks count; a CRLF line never matches), as in vsftpd.
 *
 * @param banned  banned passwords, or null when deny_email_enable is off
 * @param allowed admitted passwords, or null when secure_email_list_enable is off
 */
public record AnonymousPasswordPolicy(Set<String> banned, Set<String> allowed) {

    /** Reads the lists at session start, as vsftpd does; an unreadable list is fatal for the session. */
    public static AnonymousPasswordPolicy load(VsftpdConfig config) {
        Set<String> banned = config.bool(DENY_EMAIL_ENABLE)
                ? ListFiles.lines(config.string(BANNED_EMAIL_FILE), "cannot read anon e-mail list file:") : null;
        Set<String> allowed = config.bool(SECURE_EMAIL_LIST_ENABLE)
                ? ListFiles.lines(config.string(EMAIL_PASSWORD_FILE), "cannot read email passwords file:") : null;
        return new AnonymousPasswordPolicy(banned, allowed);
    }

    public boolean accepts(String password) {
        if (banned != null && banned.contains(password)) {
            return false;
        }
        return allowed == null || (!password.isEmpty() && allowed.contains(password));
    }
}
