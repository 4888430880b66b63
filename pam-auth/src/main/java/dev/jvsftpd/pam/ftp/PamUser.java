package dev.jvsftpd.pam.ftp;

import dev.jvsftpd.pam.PamSession;
import dev.jvsftpd.pam.SystemUser;
import java.util.List;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.AuthorizationRequest;
import org.apache.ftpserver.ftplet.User;

/**
 * A user FtpServer logged in through PAM: the system account it acts as, and the authorities
 * FtpServer consults (a ConcurrentLoginPermission is always among them, or FtpServer answers 421).
 *
 * @param name        the name FtpServer shows and counts: the PAM user, or the login name of a guest
 * @param account     the system account whose uid, gid, groups and home the session uses
 * @param guest       a virtual user mapped onto the guest account
 * @param authorities what FtpServer may allow
 * @param maxIdleTime seconds, 0 for the listener's default
 * @param session     the open PAM session to close at logout, or null
 */
public record PamUser(String name, SystemUser account, boolean guest, List<Authority> authorities, int maxIdleTime,
                      PamSession session) implements User {

    public PamUser {
        authorities = List.copyOf(authorities);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getPassword() {
        return null; // never known: PAM checks it
    }

    @Override
    public List<? extends Authority> getAuthorities() {
        return authorities;
    }

    @Override
    public List<? extends Authority> getAuthorities(Class<? extends Authority> clazz) {
        return authorities.stream().filter(clazz::isInstance).toList();
    }

    @Override
    public AuthorizationRequest authorize(AuthorizationRequest request) {
        // FtpServer's rule: refused unless some authority can decide, and every one that can agrees
        boolean decided = false;
        AuthorizationRequest granted = request;
        for (Authority authority : authorities) {
            if (authority.canAuthorize(granted)) {
                decided = true;
                granted = authority.authorize(granted);
                if (granted == null) {
                    return null;
                }
            }
        }
        return decided ? granted : null;
    }

    @Override
    public int getMaxIdleTime() {
        return maxIdleTime;
    }

    @Override
    public boolean getEnabled() {
        return true;
    }

    @Override
    public String getHomeDirectory() {
        return account.home();
    }
}
