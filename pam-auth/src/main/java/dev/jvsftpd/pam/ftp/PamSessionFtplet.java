package dev.jvsftpd.pam.ftp;

import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/**
 * Closes a login's PAM session (pam_close_session, pam_setcred DELETE, pam_end) when its connection
 * ends, as vsftpd does when the session process exits. Needed only with session support on.
 */
public class PamSessionFtplet extends DefaultFtplet {

    @Override
    public FtpletResult onDisconnect(FtpSession session) {
        if (session.getUser() instanceof PamUser && ((PamUser) session.getUser()).session() != null) {
            ((PamUser) session.getUser()).session().close();
        }
        return FtpletResult.DEFAULT;
    }
}
