package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.TILDE_USER_ENABLE;

import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.data.Addresses;
import dev.jvsftpd.compat.data.DataChannel;
import dev.jvsftpd.compat.data.DataSettings;
import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.log.LogText;
import dev.jvsftpd.compat.log.SessionEvent;
import dev.jvsftpd.compat.log.TransferEvent;
import dev.jvsftpd.compat.log.VsftpdLog;
import dev.jvsftpd.compat.session.SessionState;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.unix.UnixAccounts;
import dev.jvsftpd.selinux.policy.Operation;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/** One command being handled: the session it came on, its argument, and how to answer. */
record Exchange(FtpIoSession session, FtpServerContext context, FtpRequest request, VsftpdConfig config,
                SessionServices services) {

    /** The argument as received; empty when there is none. */
    String argument() {
        return request.hasArgument() ? request.getArgument() : "";
    }

    String verb() {
        return Verbs.of(request);
    }

    SessionState state() {
        return SessionState.of(session);
    }

    /** The logged-in user; commands other than the pre-login ones only run after login. */
    VsftpdUser user() {
        return (VsftpdUser) session.getUser();
    }

    /**
     * Where a path argument leads for this session: {@code ~} and {@code ~/...} mean the login
     * directory (vsftpd expands them before anything else), then the jail resolves it.
     *
     * @param followLast whether a final symlink is followed (see {@link dev.jvsftpd.compat.fs.Jail})
     */
    Resolution resolve(String path, boolean followLast) {
        VsftpdUser user = user();
        return user.jail().resolve(state().cwd(), expandTilde(path), followLast, user.identity());
    }

    /**
     * {@code ~} and {@code ~/x} are the login directory; with tilde_user_enable {@code ~name/x}
     * is that user's home as the session's user database knows it.
     */
    String expandTilde(String path) {
        String login = user().startDir();
        if (path.equals("~")) {
            return login;
        }
        if (path.startsWith("~/")) {
            return login + path.substring(1);
        }
        if (path.startsWith("~") && config.bool(TILDE_USER_ENABLE)) {
            int slash = path.indexOf('/');
            String name = path.substring(1, slash < 0 ? path.length() : slash);
            return accountsInView().byName(name)
                    .map(account -> account.home() + (slash < 0 ? "" : path.substring(slash)))
                    .orElse(path);
        }
        return path;
    }

    /**
     * The user database as the session sees it: the system's, or for a chrooted session the
     * files inside its root, as a process under chroot() reads them.
     */
    UnixAccounts accountsInView() {
        Path root = user().jail().root();
        return root.getParent() == null ? services.accounts()
                : new UnixAccounts(root.resolve("etc/passwd"), root.resolve("etc/group"));
    }

    /**
     * deny_file: whether the argument, as typed ({@code ~} expanded), is refused with
     * {@code 550 Permission denied.} before the file system is touched.
     */
    boolean denied(String argument) {
        return state().accessRules().denied(state().cwd(), expandTilde(argument));
    }

    /** RETR: deny_file must not match and download_file (Debian), when set, must. */
    boolean downloadRefused(String argument) {
        return !state().accessRules().downloadAllowed(state().cwd(), expandTilde(argument));
    }

    /** STOR, APPE, STOU: deny_file must not match and upload_file (Debian), when set, must. */
    boolean uploadRefused(String name) {
        return !state().accessRules().uploadAllowed(state().cwd(), expandTilde(name));
    }

    /**
     * SELinux's word on a file operation (after the Unix checks, as the kernel orders them); a
     * denial is answered like the EACCES vsftpd would get at that point, and logged as an AVC.
     */
    boolean selinuxAllows(Operation operation, Path target) {
        return services.selinux().check(operation, target).allowed();
    }

    /** Sends vsftpd's refusal for a denied name. */
    void permissionDenied() {
        reply(550, "Permission denied.");
    }

    /** This session's data channel, created on first use. */
    DataChannel dataChannel() {
        SessionState state = state();
        if (state.dataChannel() == null) {
            state.dataChannel(new DataChannel(DataSettings.from(config),
                    port -> services.selinux().checkPort(Operation.PASV_BIND, port).allowed(),
                    port -> services.selinux().checkPort(Operation.ACTIVE_CONNECT, port).allowed()));
        }
        return state.dataChannel();
    }

    /** The client's address as vsftpd logs it (IPv4 for a v4-mapped client). */
    String clientIp() {
        return Addresses.ipv4View(((InetSocketAddress) session.getRemoteAddress()).getAddress());
    }

    /** See {@link SessionState#logUser}. */
    String logUser() {
        return state().logUser((VsftpdUser) session.getUser());
    }

    void log(SessionEvent event) {
        VsftpdLog log = state().log();
        if (log != null) {
            log.log(event);
        }
    }

    void log(TransferEvent event) {
        VsftpdLog log = state().log();
        if (log != null) {
            log.log(event);
        }
    }

    /** The path of an argument as vsftpd writes it in logs: made absolute, not normalised. */
    String logPath(String argument) {
        return LogText.sessionPath(state().cwd(), argument);
    }

    void reply(int code, String text) {
        session.write(Reply.of(code, text));
    }

    void reply(Reply reply) {
        session.write(reply);
    }

    /** Sends the reply, then closes once it is flushed: vsftpd's fatal exit of a session. */
    void replyAndClose(int code, String text) {
        session.write(Reply.of(code, text));
        session.closeOnFlush();
    }
}
