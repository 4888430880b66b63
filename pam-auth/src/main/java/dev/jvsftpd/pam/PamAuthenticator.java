package dev.jvsftpd.pam;

import dev.jvsftpd.pam.libpam.LibPamAuthenticator;
import dev.jvsftpd.pam.stack.ConfigProblem;
import dev.jvsftpd.pam.stack.JavaPamAuthenticator;
import dev.jvsftpd.pam.stack.PamConfigCheck;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates a login the way vsftpd does through PAM (reference B.1): pam_start with the service,
 * PAM_RHOST, PAM_TTY and PAM_RUSER, pam_authenticate, PAM_USER read back, pam_acct_mgmt,
 * pam_setcred(ESTABLISH) and, with session support, pam_open_session. Implementations are
 * thread-safe; each call is one PAM handle.
 */
public interface PamAuthenticator {

    /** The whole vsftpd sequence for one login. Blocks for the failure delay unless the options say REPORT. */
    PamResult authenticate(PamRequest request);

    /** {@link #authenticate(PamRequest)} with vsftpd's items: PAM_TTY {@code ftp}, PAM_RUSER the user. */
    default PamResult authenticate(String service, String user, String password, String rhost) {
        return authenticate(PamRequest.vsftpd(service, user, password, rhost));
    }

    /** LIBPAM or JAVA: never AUTO. */
    Backend backend();

    PamOptions options();

    /** One line for the server's startup log: which PAM, which configuration. */
    String description();

    /**
     * What is wrong with the service's pam.d files (malformed lines, unreadable or missing files,
     * modules that do not exist), each with its file and line. Empty when nothing is.
     */
    default List<ConfigProblem> check(String service) {
        return PamConfigCheck.check(service, options(), backend());
    }

    /**
     * The authenticator the options ask for. With {@link Backend#AUTO}: libpam when libpam.so.0 can
     * be loaded, otherwise the Java interpreter, whose {@link #description()} then says why.
     *
     * @throws IllegalStateException when LIBPAM is asked for and cannot be loaded
     */
    static PamAuthenticator create(PamOptions options) {
        if (options.backend() == Backend.JAVA) {
            return new JavaPamAuthenticator(options, null);
        }
        StringBuilder whyNot = new StringBuilder();
        Optional<LibPamAuthenticator> libpam = LibPamAuthenticator.load(options, whyNot);
        if (libpam.isPresent()) {
            return libpam.get();
        }
        if (options.backend() == Backend.LIBPAM) {
            throw new IllegalStateException(whyNot.toString());
        }
        return new JavaPamAuthenticator(options, whyNot.toString());
    }
}
