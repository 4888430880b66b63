package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.ANONYMOUS_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_MAX_RATE;
import static dev.jvsftpd.compat.config.Directives.ANON_ROOT;
import static dev.jvsftpd.compat.config.Directives.ANON_UMASK;
import static dev.jvsftpd.compat.config.Directives.DELAY_FAILED_LOGIN;
import static dev.jvsftpd.compat.config.Directives.DELAY_SUCCESSFUL_LOGIN;
import static dev.jvsftpd.compat.config.Directives.LOCAL_ENABLE;
import static dev.jvsftpd.compat.config.Directives.MAX_LOGIN_FAILS;
import static dev.jvsftpd.compat.config.Directives.NO_ANON_PASSWORD;
import static dev.jvsftpd.compat.config.Directives.RUN_AS_LAUNCHING_USER;

import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.fs.Jail;
import dev.jvsftpd.compat.policy.AnonymousPasswordPolicy;
import dev.jvsftpd.compat.session.SessionKind;
import dev.jvsftpd.compat.session.SessionState;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.unix.FileAccess;
import dev.jvsftpd.compat.unix.FileMode;
import dev.jvsftpd.compat.unix.UnixAccount;
import dev.jvsftpd.compat.unix.UnixIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.ftpserver.impl.ServerFtpStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** USER, PASS and QUIT as vsftpd answers them (reference sections 7.1 and 7.2). */
final class LoginCommands {
    private static final Logger LOG = LoggerFactory.getLogger(LoginCommands.class);
    static final String WRITABLE_ROOT = "vsftpd: refusing to run with writable root inside chroot()";

    private LoginCommands() {
    }

    static void user(Exchange x) {
        String name = x.argument();
        SessionState state = x.state();
        if (x.session().isLoggedIn()) {
            VsftpdUser user = x.user();
            if (user.kind() != SessionKind.LOCAL) {
                x.reply(530, "Can't change from guest user.");
            } else if (name.equals(user.name())) {
                x.reply(331, "Any password will do.");
            } else {
                x.reply(530, "Can't change to another user.");
            }
            return;
        }
        boolean anonymousName = isAnonymousName(name);
        if (!x.config().bool(LOCAL_ENABLE) && !anonymousName) {
            x.reply(530, "This FTP server is anonymous only.");
            state.pendingUser(null);
            return;
        }
        if (state.userList() != null && state.userList().refuses(name)) {
            refuse(x, 530, "Permission denied.");
            return;
        }
        state.pendingUser(name);
        if (anonymousName && x.config().bool(ANONYMOUS_ENABLE) && x.config().bool(NO_ANON_PASSWORD)) {
            login(x, name, "<no password>");
            return;
        }
        x.reply(331, "Please specify the password.");
    }

    static void pass(Exchange x) {
        if (x.session().isLoggedIn()) {
            x.reply(230, "Already logged in.");
            return;
        }
        String name = x.state().pendingUser();
        if (name == null) {
            x.reply(503, "Login with USER first.");
            return;
        }
        login(x, name, x.argument());
    }

    static void quit(Exchange x) {
        x.replyAndClose(221, "Goodbye.");
    }

    /** vsftpd: FTP and ANONYMOUS, in any case, are the anonymous names. */
    static boolean isAnonymousName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("FTP") || upper.equals("ANONYMOUS");
    }

    private static void login(Exchange x, String name, String password) {
        SessionState state = x.state();
        state.pendingUser(null);
        boolean anonymous = isAnonymousName(name) && x.config().bool(ANONYMOUS_ENABLE);
        if (anonymous && x.state().anonymousPasswords().accepts(password)) {
            loginAnonymous(x);
            return;
        }
        // Local and guest users arrive with the PAM issue; until then every local login fails.
        failLogin(x, name);
    }

    private static void loginAnonymous(Exchange x) {
        UnixAccount account;
        Jail jail;
        String rootName = null;
        try {
            account = x.services().anonymousAccount(x.config());
            rootName = x.config().string(ANON_ROOT) != null ? x.config().string(ANON_ROOT) : account.home();
            jail = new Jail(Path.of(rootName));
        } catch (OopsException e) {
            x.replyAndClose(500, "OOPS: " + e.vsftpdText());
            return;
        } catch (IOException | RuntimeException e) {
            x.replyAndClose(500, "OOPS: cannot change directory:" + rootName);
            return;
        }
        boolean launchingUser = x.config().bool(RUN_AS_LAUNCHING_USER);
        UnixIdentity identity = x.services().accounts().identityOf(account);
        try {
            FileMode root = FileMode.of(jail.root());
            if (!FileAccess.permits(identity, root, FileAccess.EXECUTE)) {
                x.replyAndClose(500, "OOPS: cannot change directory:" + rootName);
                return;
            }
            // vsftpd cannot chroot when run_as_launching_user, so it makes no writable-root check.
            if (!launchingUser && FileAccess.permits(identity, root, FileAccess.WRITE)) {
                LOG.warn("anonymous login refused: {} is writable by {}; vsftpd never chroots into a writable root",
                        jail.root(), account.name());
                x.replyAndClose(500, "OOPS: " + WRITABLE_ROOT);
                return;
            }
        } catch (IOException e) {
            x.replyAndClose(500, "OOPS: cannot change directory:" + rootName);
            return;
        }
        sleepSeconds(x.config().uint(DELAY_SUCCESSFUL_LOGIN));
        int umask = (int) (x.config().uint(ANON_UMASK) & 0777);
        VsftpdUser user = new VsftpdUser("ftp", SessionKind.ANONYMOUS, identity, jail, "/", umask,
                (int) Math.min(Integer.MAX_VALUE, x.config().uint(ANON_MAX_RATE)));
        x.state().cwd(user.startDir());
        x.state().umask(umask);
        x.session().setUser(user);
        ((ServerFtpStatistics) x.context().getFtpStatistics()).setLogin(x.session());
        String message = DirectoryMessage.prefix(x, x.resolve(user.startDir(), true), 230);
        x.reply(new Reply(230, message + "230 Login successful.\r\n"));
    }

    private static void failLogin(Exchange x, String name) {
        LOG.info("[{}] FAIL LOGIN: Client \"{}\"", name,
                ((java.net.InetSocketAddress) x.session().getRemoteAddress()).getAddress().getHostAddress());
        refuse(x, 530, "Login incorrect.");
    }

    /**
     * A refused login (wrong password, userlist): vsftpd sleeps delay_failed_login, answers, and
     * hangs up once max_login_fails refusals are reached.
     */
    private static void refuse(Exchange x, int code, String text) {
        x.state().pendingUser(null);
        sleepSeconds(x.config().uint(DELAY_FAILED_LOGIN));
        int failures = x.state().countFailedLogin();
        long max = x.config().uint(MAX_LOGIN_FAILS);
        if (max != 0 && failures >= max) {
            x.replyAndClose(code, text);
        } else {
            x.reply(code, text);
        }
    }

    private static void sleepSeconds(long seconds) {
        if (seconds == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(seconds, 3600) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
