package dev.jvsftpd.compat.session;

import dev.jvsftpd.compat.access.AccessRules;
import dev.jvsftpd.compat.config.Directives;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.data.DataChannel;
import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.log.VsftpdLog;
import dev.jvsftpd.pam.PamSession;
import java.io.Closeable;
import java.io.IOException;
import dev.jvsftpd.compat.policy.AnonymousPasswordPolicy;
import dev.jvsftpd.compat.policy.UserList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.mina.core.session.IoSession;

/**
 * The per-connection protocol state vsftpd keeps in its session struct. FtpServer creates a new
 * session wrapper for every event, so this lives in one IoSession attribute. One command runs at
 * a time per session (FtpServer orders a session's events), so no locking is needed.
 */
public final class SessionState {
    private static final String ATTRIBUTE = SessionState.class.getName();

    private String pendingUser;
    private int failedLogins;
    private String cwd = "/";
    private boolean ascii = true;
    private long restOffset;
    private Resolution renameFrom;
    private String renameFromPath;
    private DataChannel dataChannel;
    private VsftpdConfig config;
    private boolean epsvAll;
    // read by MINA's idle checker, another thread
    private volatile boolean transferring;
    // set from the I/O thread by an urgent ABOR (async_abor_enable)
    private volatile Closeable runningTransfer;
    private volatile boolean aborted;
    private int clientCountAtStart;
    private int umask;
    private AnonymousPasswordPolicy anonymousPasswords = new AnonymousPasswordPolicy(null, null);
    private UserList userList;
    private final Set<String> visited = new LinkedHashSet<>();
    private VsftpdLog log;
    private AccessRules accessRules;
    private PamSession pamSession;
    private String anonymousIdentity;

    /** The same state seen from a Ftplet, whose session wrapper shares the IoSession's attributes. */
    public static SessionState of(FtpSession session) {
        SessionState state = (SessionState) session.getAttribute(ATTRIBUTE);
        if (state == null) {
            state = new SessionState();
            session.setAttribute(ATTRIBUTE, state);
        }
        return state;
    }

    public static SessionState of(IoSession session) {
        SessionState state = (SessionState) session.getAttribute(ATTRIBUTE);
        if (state == null) {
            state = new SessionState();
            session.setAttribute(ATTRIBUTE, state);
        }
        return state;
    }

    /**
     * This session's settings: the server's, with a VSFTPD_LOAD_CONF overlay applied at connect
     * (later, per-user files after login). Null until the connection gate ran.
     */
    public VsftpdConfig config() {
        return config;
    }

    public void config(VsftpdConfig sessionConfig) {
        this.config = sessionConfig;
    }

    /** The name given to USER that awaits PASS; null when none. */
    public String pendingUser() {
        return pendingUser;
    }

    public void pendingUser(String name) {
        this.pendingUser = name;
    }

    /** Failed PASS attempts and userlist refusals (max_login_fails counts both). */
    public int countFailedLogin() {
        return ++failedLogins;
    }

    /** The virtual current directory, symlinks resolved (what PWD shows). */
    public String cwd() {
        return cwd;
    }

    public void cwd(String virtualPath) {
        this.cwd = virtualPath;
    }

    /** TYPE A in force (vsftpd sessions start in ASCII). */
    public boolean ascii() {
        return ascii;
    }

    public void ascii(boolean ascii) {
        this.ascii = ascii;
    }

    public long restOffset() {
        return restOffset;
    }

    public void restOffset(long offset) {
        this.restOffset = offset;
    }

    public Resolution renameFrom() {
        return renameFrom;
    }

    /** RNFR's target, and its path as typed made absolute (for the RENAME log line). */
    public void renameFrom(Resolution from, String loggedPath) {
        this.renameFrom = from;
        this.renameFromPath = loggedPath;
    }

    public String renameFromPath() {
        return renameFromPath;
    }

    /** The data channel PASV/PORT prepare and transfers spend; null before the first. */
    public DataChannel dataChannel() {
        return dataChannel;
    }

    public void dataChannel(DataChannel channel) {
        this.dataChannel = channel;
    }

    /** After EPSV ALL, PASV and PORT are refused (EPRT is not: vsftpd's quirk). */
    public boolean epsvAll() {
        return epsvAll;
    }

    public void epsvAll(boolean on) {
        this.epsvAll = on;
    }

    /** A transfer is running; the control connection is not idle then, whatever MINA thinks. */
    public boolean transferring() {
        return transferring;
    }

    /** The data connection a transfer is using, so an urgent ABOR can cut it; null when none runs. */
    public void runningTransfer(Closeable dataConnection) {
        this.runningTransfer = dataConnection;
        this.transferring = dataConnection != null;
    }

    /** An urgent ABOR: the running transfer fails at once, and the ABOR itself answers 226 later. */
    public void abortTransfer() {
        aborted = true;
        Closeable connection = runningTransfer;
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // it is being torn down either way
            }
        }
    }

    /** Whether a transfer was aborted since the last ABOR reply; reading it clears it. */
    public boolean takeAborted() {
        boolean was = aborted;
        aborted = false;
        return was;
    }

    /** Sessions alive when this one connected, itself included (STAT shows it). */
    public int clientCountAtStart() {
        return clientCountAtStart;
    }

    public void clientCountAtStart(int count) {
        this.clientCountAtStart = count;
    }

    public int umask() {
        return umask;
    }

    public void umask(int umask) {
        this.umask = umask;
    }

    /** The e-mail lists, read when the session started. */
    public AnonymousPasswordPolicy anonymousPasswords() {
        return anonymousPasswords;
    }

    public void anonymousPasswords(AnonymousPasswordPolicy policy) {
        this.anonymousPasswords = policy;
    }

    /**
     * Records a visit to a directory for dirmessage_enable; true the first time. vsftpd remembers
     * 100 directories and forgets the oldest first.
     */
    public boolean firstVisit(String virtualDirectory) {
        if (visited.contains(virtualDirectory)) {
            return false;
        }
        if (visited.size() == 100) {
            visited.remove(visited.iterator().next());
        }
        visited.add(virtualDirectory);
        return true;
    }

    /** deny_file, hide_file, upload_file and download_file as this session applies them; set at login. */
    public AccessRules accessRules() {
        return accessRules;
    }

    public void accessRules(AccessRules rules) {
        this.accessRules = rules;
    }

    /** The PAM session opened at login with session_support; closed when the connection ends. */
    public PamSession pamSession() {
        return pamSession;
    }

    public void pamSession(PamSession session) {
        this.pamSession = session;
    }

    /** The session's log outputs, opened at connect; null before. */
    public VsftpdLog log() {
        return log;
    }

    public void log(VsftpdLog sessionLog) {
        this.log = sessionLog;
    }

    /**
     * The name in a log line's {@code [..]}: the typed USER name until login, then the login name
     * (anonymous: ftp_username).
     *
     * @param user the logged-in user, or null before login
     */
    public String logUser(VsftpdUser user) {
        if (user == null) {
            return pendingUser;
        }
        return user.kind() == SessionKind.ANONYMOUS ? config.string(Directives.FTP_USERNAME) : user.name();
    }

    /** The sanitised e-mail password of an anonymous login: xferlog's user field. */
    public String anonymousIdentity() {
        return anonymousIdentity;
    }

    public void anonymousIdentity(String identity) {
        this.anonymousIdentity = identity;
    }

    /** userlist_file as read when the session started; null without userlist_enable. */
    public UserList userList() {
        return userList;
    }

    public void userList(UserList list) {
        this.userList = list;
    }
}
