package dev.jvsftpd.compat.session;

import dev.jvsftpd.compat.fs.Jail;
import dev.jvsftpd.compat.unix.UnixIdentity;
import java.util.List;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.AuthorizationRequest;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;

/**
 * A logged-in vsftpd session's user: who it acts as and where it is confined. FtpServer sees it
 * as a {@link User}; the authorities it carries are the ones FtpServer itself consults (login
 * counting, transfer rate). Every other decision is jvsftpd's, made from these fields.
 *
 * @param name      the name vsftpd logs and STAT shows: {@code ftp} for anonymous
 * @param kind      anonymous, local or guest
 * @param anonymousRules whether the anon_* switches and anonymous file rules apply: anonymous
 *                  sessions, and guests without virtual_use_local_privs
 * @param identity  the Unix credentials file access is checked against
 * @param jail      the root this session sees as {@code /}
 * @param startDir  the virtual directory the session starts in
 * @param umask     anon_umask or local_umask
 * @param maxRate   bytes per second, 0 for unlimited
 */
public record VsftpdUser(String name, SessionKind kind, boolean anonymousRules, UnixIdentity identity, Jail jail,
                         String startDir, int umask, int maxRate) implements User {

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public List<? extends Authority> getAuthorities() {
        // Without a ConcurrentLoginPermission FtpServer refuses the login with 421.
        return List.of(new ConcurrentLoginPermission(0, 0), new TransferRatePermission(maxRate, maxRate));
    }

    @Override
    public List<? extends Authority> getAuthorities(Class<? extends Authority> clazz) {
        return getAuthorities().stream().filter(clazz::isInstance).toList();
    }

    @Override
    public AuthorizationRequest authorize(AuthorizationRequest request) {
        AuthorizationRequest granted = request;
        for (Authority authority : getAuthorities()) {
            if (authority.canAuthorize(granted)) {
                granted = authority.authorize(granted);
            }
        }
        return granted;
    }

    @Override
    public int getMaxIdleTime() {
        return 0;
    }

    @Override
    public boolean getEnabled() {
        return true;
    }

    @Override
    public String getHomeDirectory() {
        return jail.root().toString();
    }
}
