package dev.jvsftpd.pam;

/**
 * An open PAM session (session_support=YES). Closing it does what vsftpd does when the session
 * process ends: pam_close_session, pam_setcred(PAM_DELETE_CRED), pam_end. Closing twice is harmless.
 */
public interface PamSession extends AutoCloseable {

    /** The PAM user the session belongs to. */
    String user();

    @Override
    void close();
}
