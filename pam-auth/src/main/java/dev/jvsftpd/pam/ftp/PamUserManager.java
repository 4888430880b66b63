package dev.jvsftpd.pam.ftp;

import dev.jvsftpd.pam.Backend;
import dev.jvsftpd.pam.PamAuthenticator;
import dev.jvsftpd.pam.PamOptions;
import dev.jvsftpd.pam.PamRequest;
import dev.jvsftpd.pam.PamResult;
import dev.jvsftpd.pam.SystemUser;
import dev.jvsftpd.pam.SystemUsers;
import dev.jvsftpd.pam.stack.ConfigProblem;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache FtpServer UserManager that logs users in through PAM, for a stock FtpServer as much as
 * for jvsftpd. A JavaBean: configure it with setters (from Spring XML too) and call {@link #init()}
 * (Spring: {@code init-method="init"}); the first login calls it otherwise. {@code init} logs which
 * PAM backend serves which service, and any mistake in the service's pam.d files.
 *
 * <p>Local users come from the system user database with their home directory. With
 * {@code guestUsername} set, users PAM accepts but the system does not know (pam_userdb and
 * pam_pwdfile virtual users) are mapped onto that account, like vsftpd's guest_enable; with
 * {@code guestEnable} every login is. Anonymous logins are not PAM's and are refused.
 */
public class PamUserManager implements UserManager {
    private static final Logger LOG = LoggerFactory.getLogger(PamUserManager.class);

    private String service = "vsftpd";
    private String confDir;
    private String backend = "auto";
    private boolean sessionSupport;
    private boolean writePermission;
    private boolean guestEnable;
    private String guestUsername;
    private int maxIdleTime;
    private int maxLoginNumber;
    private int maxLoginPerIp;
    private String adminName;

    private volatile PamAuthenticator authenticator;
    private SystemUsers users = SystemUsers.system();

    public PamUserManager() {
    }

    /** Programmatic use with an authenticator built elsewhere. */
    public PamUserManager(PamAuthenticator authenticator, String service) {
        this.authenticator = authenticator;
        this.service = service;
    }

    /** Builds the authenticator (unless given) and logs the backend line and any configuration problem. */
    public synchronized void init() {
        if (authenticator == null) {
            PamOptions options = PamOptions.defaults()
                    .withBackend(Backend.valueOf(backend.toUpperCase(Locale.ROOT)))
                    .withConfDir(confDir == null || confDir.isEmpty() ? null : Path.of(confDir))
                    .withSessionSupport(sessionSupport);
            authenticator = PamAuthenticator.create(options);
        }
        LOG.info("{}; service '{}'", authenticator.description(), service);
        for (ConfigProblem p : authenticator.check(service)) {
            if (p.harmless()) {
                LOG.info("PAM configuration: {}", p);
            } else {
                LOG.warn("PAM configuration: {}", p);
            }
        }
    }

    private PamAuthenticator authenticator() {
        if (authenticator == null) {
            init();
        }
        return authenticator;
    }

    @Override
    public User authenticate(Authentication authentication) throws AuthenticationFailedException {
        if (!(authentication instanceof UsernamePasswordAuthentication)) {
            throw new AuthenticationFailedException("only user name and password logins go through PAM");
        }
        UsernamePasswordAuthentication up = (UsernamePasswordAuthentication) authentication;
        String rhost = Optional.ofNullable(up.getUserMetadata()).map(m -> m.getInetAddress())
                .map(InetAddress::getHostAddress).orElse(null);
        String login = up.getUsername();
        PamResult result = authenticator().authenticate(PamRequest.vsftpd(service, login,
                up.getPassword() == null ? "" : up.getPassword(), rhost));
        if (!result.ok()) {
            LOG.info("PAM refused '{}' from {}: {}", login, rhost, result.reason());
            throw new AuthenticationFailedException("Authentication failed");
        }
        Optional<SystemUser> local = guestEnable ? Optional.empty() : users.lookup(result.pamUser());
        boolean guest = local.isEmpty();
        Optional<SystemUser> account = guest && guestUsername != null ? users.lookup(guestUsername) : local;
        if (account.isEmpty()) {
            if (result.session() != null) {
                result.session().close();
            }
            LOG.warn("PAM accepted '{}' but {}", login, guest && guestUsername != null
                    ? "the guest account '" + guestUsername + "' does not exist"
                    : "the system has no such user (set guestUsername to map virtual users onto an account)");
            throw new AuthenticationFailedException("Authentication failed");
        }
        // a guest is shown and counted under its login name; a local user under the PAM name
        String name = guest ? login : result.pamUser();
        return new PamUser(name, account.get(), guest, authorities(), maxIdleTime, result.session());
    }

    private List<Authority> authorities() {
        List<Authority> list = new ArrayList<>();
        list.add(new ConcurrentLoginPermission(maxLoginNumber, maxLoginPerIp));
        list.add(new TransferRatePermission(0, 0));
        if (writePermission) {
            list.add(new WritePermission("/"));
        }
        return list;
    }

    /** Asked at USER, before any password: the account if the system has it, otherwise null. */
    @Override
    public User getUserByName(String username) {
        return users.lookup(username)
                .map(u -> new PamUser(u.name(), u, false, authorities(), maxIdleTime, null))
                .orElse(null);
    }

    @Override
    public String[] getAllUserNames() {
        return new String[0]; // the system's users are not FtpServer's to list
    }

    @Override
    public void delete(String username) throws FtpException {
        throw new FtpException("PAM users are managed by the system, not by FtpServer");
    }

    @Override
    public void save(User user) throws FtpException {
        throw new FtpException("PAM users are managed by the system, not by FtpServer");
    }

    @Override
    public boolean doesExist(String username) {
        return username != null && users.lookup(username).isPresent();
    }

    @Override
    public String getAdminName() {
        return adminName;
    }

    @Override
    public boolean isAdmin(String username) {
        return adminName != null && adminName.equals(username);
    }

    // --- bean properties ----------------------------------------------------------------------------

    /** The pam.d service (vsftpd's pam_service_name); default {@code vsftpd}. */
    public void setService(String service) {
        this.service = service;
    }

    public String getService() {
        return service;
    }

    /** A private pam.d directory (pam_start_confdir) instead of the system's. */
    public void setConfDir(String confDir) {
        this.confDir = confDir;
    }

    /** {@code auto} (default), {@code libpam} or {@code java}. */
    public void setBackend(String backend) {
        this.backend = backend;
    }

    /** Also open a PAM session per login (vsftpd's session_support); add {@link PamSessionFtplet} to close it. */
    public void setSessionSupport(boolean sessionSupport) {
        this.sessionSupport = sessionSupport;
    }

    /** Grant FtpServer's write permission (vsftpd's write_enable); default off. */
    public void setWritePermission(boolean writePermission) {
        this.writePermission = writePermission;
    }

    /** Map every login onto the guest account (vsftpd's guest_enable). */
    public void setGuestEnable(boolean guestEnable) {
        this.guestEnable = guestEnable;
    }

    /** The account virtual users act as (vsftpd's guest_username). */
    public void setGuestUsername(String guestUsername) {
        this.guestUsername = guestUsername;
    }

    public void setMaxIdleTime(int seconds) {
        this.maxIdleTime = seconds;
    }

    /** Per user; 0 for no limit. */
    public void setMaxLoginNumber(int maxLoginNumber) {
        this.maxLoginNumber = maxLoginNumber;
    }

    /** Per user and client address; 0 for no limit. */
    public void setMaxLoginPerIp(int maxLoginPerIp) {
        this.maxLoginPerIp = maxLoginPerIp;
    }

    /** The user FtpServer's admin-only SITE commands allow; none by default. */
    public void setAdminName(String adminName) {
        this.adminName = adminName;
    }

    /** Where users come from; the system's by default. Tests may point it at other files. */
    public void setUsers(SystemUsers users) {
        this.users = users;
    }

    /** The authenticator in use (built by {@link #init()} if needed). */
    public PamAuthenticator getAuthenticator() {
        return authenticator();
    }
}
