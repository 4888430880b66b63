package dev.jvsftpd.pam;

import java.util.Objects;

/**
 * What one login hands to PAM: the service (vsftpd's pam_service_name), the items vsftpd sets, and
 * the password its conversation answers every echo-off prompt with.
 *
 * @param service  the pam.d service name, e.g. {@code vsftpd}
 * @param user     the login name as typed (PAM_USER before authentication)
 * @param password the password the client sent with PASS
 * @param rhost    PAM_RHOST: the client address as text, or null
 * @param tty      PAM_TTY: vsftpd always says {@code ftp}
 * @param ruser    PAM_RUSER: vsftpd sets the login name
 */
public record PamRequest(String service, String user, String password, String rhost, String tty, String ruser) {

    public PamRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** The request vsftpd makes: PAM_TTY {@code ftp}, PAM_RUSER the login name. */
    public static PamRequest vsftpd(String service, String user, String password, String rhost) {
        return new PamRequest(service, user, password, rhost, "ftp", user);
    }

    @Override
    public String toString() {
        // never the password: requests end up in log lines and assertion messages
        return "PamRequest[service=" + service + ", user=" + user + ", rhost=" + rhost + ", tty=" + tty
                + ", ruser=" + ruser + "]";
    }
}
