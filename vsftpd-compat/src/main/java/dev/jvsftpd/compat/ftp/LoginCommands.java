package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.ANONYMOUS_ENABLE;
import static dev.jvsftpd.compat.config.Directives.DELAY_FAILED_LOGIN;
import static dev.jvsftpd.compat.config.Directives.DELAY_SUCCESSFUL_LOGIN;
import static dev.jvsftpd.compat.config.Directives.FTP_USERNAME;
import static dev.jvsftpd.compat.config.Directives.GUEST_ENABLE;
import static dev.jvsftpd.compat.config.Directives.GUEST_USERNAME;
import static dev.jvsftpd.compat.config.Directives.LOCAL_ENABLE;
import static dev.jvsftpd.compat.config.Directives.MAX_LOGIN_FAILS;
import static dev.jvsftpd.compat.config.Directives.NO_ANON_PASSWORD;
import static dev.jvsftpd.compat.config.Directives.PAM_SERVICE_NAME;
import static dev.jvsftpd.compat.config.Directives.RUN_AS_LAUNCHING_USER;
import static dev.jvsftpd.compat.config.Directives.VIRTUAL_USE_LOCAL_PRIVS;

import dev.jvsftpd.compat.access.AccessRules;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.log.LogText;
import dev.jvsftpd.compat.log.SessionEvent;
import dev.jvsftpd.compat.policy.AnonymousPasswordPolicy;
import dev.jvsftpd.compat.policy.ChrootPolicy;
import dev.jvsftpd.compat.session.SessionKind;
import dev.jvsftpd.compat.session.SessionState;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.unix.UnixAccount;
import dev.jvsftpd.pam.PamResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.apache.ftpserver.impl.ServerFtpStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** USER, PASS and QUIT as vsftpd answers them (reference sections 7.1 and 7.2). */
final class LoginCommands {
    private static final Logger LOG = LoggerFactory.getLogger(LoginCommands.class);

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
        if (TlsCommands.refuseUser(x, anonymousName)) {
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
        if (isAnonymousName(name) && x.config().bool(ANONYMOUS_ENABLE)) {
            if (x.state().anonymousPasswords().accepts(password)) {
                loginAnonymous(x, password);
            } else {
                failLogin(x, name);
            }
            return;
        }
        if (!x.config().bool(LOCAL_ENABLE) || x.services().pam() == null || !plausible(name, password)) {
            failLogin(x, name);
            return;
        }
        PamResult result = x.services().pam().authenticate(x.config().string(PAM_SERVICE_NAME), name, password,
                x.clientIp());
        if (!result.ok()) {
            LOG.info("[{}] PAM refused the login: {}", name, result.reason());
            failLogin(x, name);
            return;
        }
        loginLocal(x, name, result);
    }

    /**
     * vsftpd refuses these before PAM sees them: an empty or over-long name, one that does not
     * start with a letter, digit, '_' or '.', any blank or control character, a password over
     * 128 bytes.
     */
    static boolean plausible(String name, String password) {
        if (name.isEmpty() || name.length() > 128 || password.getBytes(StandardCharsets.UTF_8).length > 128) {
            return false;
        }
        char first = name.charAt(0);
        if (!(Character.isLetterOrDigit(first) || first == '_' || first == '.')) {
            return false;
        }
        return name.chars().allMatch(c -> c > ' ' && c != 0x7f);
    }

    /**
     * A password PAM accepted: a local user acts as the account PAM named (a module may rename
     * it); with guest_enable every such login is a virtual user acting as guest_username.
     */
    private static void loginLocal(Exchange x, String loginName, PamResult result) {
        VsftpdConfig config = x.config();
        String pamUser = result.pamUser() != null ? result.pamUser() : loginName;
        x.state().pamSession(result.session());
        try {
            SessionSetup.Login login;
            if (config.bool(GUEST_ENABLE)) {
                String guest = config.string(GUEST_USERNAME);
                UnixAccount account = x.services().accounts().byName(guest == null ? "" : guest).orElseThrow(
                        () -> new OopsException("vsftpd: cannot locate user specified in 'guest_username':" + guest));
                boolean chrooted = !config.bool(VIRTUAL_USE_LOCAL_PRIVS) || ChrootPolicy.chrooted(config, loginName);
                login = new SessionSetup.Login(SessionKind.GUEST, loginName, loginName, account, chrooted);
            } else {
                Optional<UnixAccount> account = x.services().accounts().byName(pamUser);
                if (account.isEmpty()) {
                    LOG.warn("[{}] PAM accepted a user the user database does not know; set guest_enable for virtual users",
                            pamUser);
                    failLogin(x, loginName);
                    return;
                }
                login = new SessionSetup.Login(SessionKind.LOCAL, pamUser, pamUser, account.get(),
                        ChrootPolicy.chrooted(config, pamUser));
            }
            x.log(SessionEvent.login(x.clientIp(), login.name(), true, null));
            begin(x, login);
        } catch (OopsException e) {
            x.replyAndClose(500, "OOPS: " + e.vsftpdText());
        }
    }

    private static void loginAnonymous(Exchange x, String password) {
        UnixAccount account;
        try {
            account = x.services().anonymousAccount(x.config());
        } catch (OopsException e) {
            x.replyAndClose(500, "OOPS: " + e.vsftpdText());
            return;
        }
        String configName = x.config().bool(RUN_AS_LAUNCHING_USER) ? account.name() : x.config().string(FTP_USERNAME);
        x.state().anonymousIdentity(LogText.anonymousIdentity(password));
        // vsftpd logs OK LOGIN before the jail checks that may still refuse the session
        x.log(SessionEvent.login(x.clientIp(), configName, true, x.state().anonymousIdentity()));
        begin(x, new SessionSetup.Login(SessionKind.ANONYMOUS, "ftp", configName, account, true));
    }

    /** Sets the session up for an accepted login and answers 230, or the OOPS that replaces it. */
    private static void begin(Exchange x, SessionSetup.Login login) {
        VsftpdUser user;
        try {
            user = SessionSetup.establish(x, login);
        } catch (OopsException e) {
            LOG.warn("[{}] login refused: 500 OOPS: {}{}", login.name(), e.vsftpdText(),
                    e.detail().map(d -> " (" + d + ")").orElse(""));
            x.replyAndClose(500, "OOPS: " + e.vsftpdText());
            return;
        }
        sleepSeconds(x.state().config().uint(DELAY_SUCCESSFUL_LOGIN));
        x.state().cwd(user.startDir());
        x.state().umask(user.umask());
        x.state().accessRules(AccessRules.of(x.state().config(), user.jail(), user.identity()));
        x.session().setUser(user);
        ((ServerFtpStatistics) x.context().getFtpStatistics()).setLogin(x.session());
        // the per-user config is in force from here on: read it from the session, not the exchange
        Exchange after = new Exchange(x.session(), x.context(), x.request(), x.state().config(), x.services());
        String message = DirectoryMessage.prefix(after, after.resolve(user.startDir(), true), 230);
        x.reply(new Reply(230, message + "230 Login successful.\r\n"));
    }

    private static void failLogin(Exchange x, String name) {
        x.log(SessionEvent.login(x.clientIp(), name, false, null));
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
