package dev.jvsftpd.compat.ftp;

import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.log.SessionEvent;
import dev.jvsftpd.compat.policy.FilePolicy;
import dev.jvsftpd.compat.session.SessionState;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.unix.FileMode;
import dev.jvsftpd.compat.unix.UnixFiles;
import dev.jvsftpd.selinux.policy.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** MKD, RMD, DELE, RNFR and RNTO with the identity's permissions and vsftpd's replies. */
final class FileCommands {
    private FileCommands() {
    }

    static void mkd(Exchange x) {
        if (x.denied(x.argument())) {
            x.permissionDenied();
            return;
        }
        VsftpdUser user = x.user();
        Resolution target = x.resolve(x.argument(), false);
        try {
            Path parent = parentOf(target);
            FileMode parentMode = FileMode.of(parent);
            if (!Files.exists(target.realPath(), LinkOption.NOFOLLOW_LINKS) && FilePolicy.mayCreateIn(user, parentMode)
                    && x.selinuxAllows(Operation.MKDIR, target.realPath())) {
                UnixFiles.createDirectory(target.realPath(), FilePolicy.createMode(0777, x.state().umask()),
                        user.identity(), parentMode);
                x.services().selinux().created(target.realPath());
                x.log(SessionEvent.mkdir(x.clientIp(), x.logUser(), true, x.logPath(x.argument())));
                x.reply(257, Texts.quotePath(typedPath(x)) + " created");
                return;
            }
        } catch (IOException e) {
            // the same refusal as a permission problem
        }
        x.log(SessionEvent.mkdir(x.clientIp(), x.logUser(), false, x.logPath(x.argument())));
        x.reply(550, "Create directory operation failed.");
    }

    static void rmd(Exchange x) {
        if (x.denied(x.argument())) {
            x.permissionDenied();
            return;
        }
        boolean removed = remove(x, true);
        x.log(SessionEvent.rmdir(x.clientIp(), x.logUser(), removed, x.logPath(x.argument())));
        x.reply(removed ? 250 : 550,
                removed ? "Remove directory operation successful." : "Remove directory operation failed.");
    }

    static void dele(Exchange x) {
        if (x.denied(x.argument())) {
            x.permissionDenied();
            return;
        }
        boolean removed = remove(x, false);
        x.log(SessionEvent.delete(x.clientIp(), x.logUser(), removed, x.logPath(x.argument())));
        x.reply(removed ? 250 : 550, removed ? "Delete operation successful." : "Delete operation failed.");
    }

    private static boolean remove(Exchange x, boolean directory) {
        VsftpdUser user = x.user();
        Resolution target = x.resolve(x.argument(), false);
        try {
            Path path = target.realPath();
            if (!target.exists() || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) != directory
                    || !FilePolicy.mayRemove(user, FileMode.of(parentOf(target)), FileMode.ofLink(path))
                    || !x.selinuxAllows(directory ? Operation.RMDIR : Operation.DELETE, path)) {
                return false;
            }
            Files.delete(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void rnfr(Exchange x) {
        VsftpdUser user = x.user();
        SessionState state = x.state();
        state.renameFrom(null, null);
        if (x.denied(x.argument())) {
            x.permissionDenied();
            return;
        }
        Resolution source = x.resolve(x.argument(), false);
        if (source.exists() && x.selinuxAllows(Operation.STAT, source.realPath())) {
            state.renameFrom(source, x.logPath(x.argument()));
            x.reply(350, "Ready for RNTO.");
        } else {
            x.reply(550, "RNFR command failed.");
        }
    }

    static void rnto(Exchange x) {
        SessionState state = x.state();
        Resolution source = state.renameFrom();
        if (source == null) {
            x.reply(503, "RNFR required first.");
            return;
        }
        // a denied target leaves the RNFR in place: the next RNTO needs no new RNFR
        if (x.denied(x.argument())) {
            x.permissionDenied();
            return;
        }
        String fromPath = state.renameFromPath();
        state.renameFrom(null, null);
        VsftpdUser user = x.user();
        Resolution target = x.resolve(x.argument(), false);
        boolean renamed = rename(x, user, source, target);
        x.log(SessionEvent.rename(x.clientIp(), x.logUser(), renamed, fromPath, x.logPath(x.argument())));
        if (renamed) {
            x.reply(250, "Rename successful.");
        } else {
            x.reply(550, "Rename failed.");
        }
    }

    private static boolean rename(Exchange x, VsftpdUser user, Resolution source, Resolution target) {
        try {
            Path from = source.realPath();
            Path to = target.realPath();
            boolean allowed = FilePolicy.mayRemove(user, FileMode.of(parentOf(source)), FileMode.ofLink(from))
                    && FilePolicy.mayCreateIn(user, FileMode.of(parentOf(target)))
                    && (!Files.exists(to, LinkOption.NOFOLLOW_LINKS)
                        || FilePolicy.mayRemove(user, FileMode.of(parentOf(target)), FileMode.ofLink(to)));
            if (allowed && x.services().selinux().checkRename(from, to).allowed()) {
                // rename(2): atomic, replaces an existing target
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } catch (IOException e) {
            // refused below
        }
        return false;
    }

    private static Path parentOf(Resolution resolution) throws IOException {
        // The jail root has no parent inside the jail: nothing may be created over or moved onto it.
        if (!resolution.accessible() || resolution.virtualPath().equals("/")) {
            throw new IOException("no parent directory for " + resolution.virtualPath());
        }
        return resolution.realPath().getParent();
    }

    /** MKD's reply names the argument as typed, made absolute against the cwd. */
    private static String typedPath(Exchange x) {
        String argument = x.argument();
        if (argument.startsWith("/")) {
            return argument;
        }
        String cwd = x.state().cwd();
        return (cwd.endsWith("/") ? cwd : cwd + "/") + argument;
    }
}
