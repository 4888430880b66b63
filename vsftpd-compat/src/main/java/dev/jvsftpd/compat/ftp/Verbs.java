package dev.jvsftpd.compat.ftp;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.ftpserver.ftplet.FtpRequest;

/**
 * vsftpd's reading of a command verb. FtpServer strips a leading X from every verb (so XCUP
 * becomes the unknown CUP and XFOO becomes FOO); vsftpd knows exactly five X-forms.
 */
final class Verbs {
    private static final Map<String, String> X_FORMS =
            Map.of("XCUP", "CDUP", "XCWD", "CWD", "XMKD", "MKD", "XPWD", "PWD", "XRMD", "RMD");

    /** Verbs of HTTP: after login vsftpd answers them once and hangs up (before login they get the usual 530). */
    static final Set<String> HTTP = Set.of("GET", "POST", "HEAD", "OPTIONS", "CONNECT");

    private Verbs() {
    }

    /** The text before the first space, upper-cased, with vsftpd's X-forms folded. */
    static String of(FtpRequest request) {
        String verb = typed(request);
        return X_FORMS.getOrDefault(verb, verb);
    }

    /** The text before the first space, upper-cased: what cmds_allowed and cmds_denied compare. */
    static String typed(FtpRequest request) {
        String line = request.getRequestLine();
        int space = line.indexOf(' ');
        return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
    }
}
