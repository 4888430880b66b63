package dev.jvsftpd.compat.ftp;

import dev.jvsftpd.compat.config.VsftpdConfig;
import java.util.Set;

/** What vsftpd answers before login (reference section 8.2). */
final class PreLogin {
    /** The only verbs vsftpd runs before login (AUTH, PBSZ and PROT join them with ssl_enable). */
    static final Set<String> ALLOWED = Set.of("USER", "PASS", "QUIT", "FEAT", "OPTS");

    static final String PLEASE_LOGIN_TEXT = "Please login with USER and PASS.";
    static final Reply PLEASE_LOGIN = Reply.of(530, PLEASE_LOGIN_TEXT);

    private PreLogin() {
    }

    static boolean allowed(String verb, VsftpdConfig config) {
        return ALLOWED.contains(verb) || TlsCommands.allowedBeforeLogin(verb, config);
    }
}
