package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.ALLOW_WRITEABLE_CHROOT;
import static dev.jvsftpd.compat.config.Directives.ANON_MAX_RATE;
import static dev.jvsftpd.compat.config.Directives.ANON_ROOT;
import static dev.jvsftpd.compat.config.Directives.ANON_UMASK;
import static dev.jvsftpd.compat.config.Directives.LOCAL_MAX_RATE;
import static dev.jvsftpd.compat.config.Directives.LOCAL_UMASK;
import static dev.jvsftpd.compat.config.Directives.RUN_AS_LAUNCHING_USER;
import static dev.jvsftpd.compat.config.Directives.VIRTUAL_USE_LOCAL_PRIVS;

import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.PerUserConfig;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.fs.Jail;
import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.session.Placement;
import dev.jvsftpd.compat.session.SessionKind;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.unix.FileAccess;
import dev.jvsftpd.compat.unix.FileMode;
import dev.jvsftpd.compat.unix.UnixAccount;
import dev.jvsftpd.compat.unix.UnixIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an accepted login becomes, in vsftpd's order (reference sections 3, 4 and 7.5): the
 * per-user config, the start directory, the jail, the writable-root check. Anything that fails
 * is an OOPS that replaces the 230 and ends the session.
 */
final class SessionSetup {
    static final String WRITABLE_ROOT = "vsftpd: refusing to run with writable root inside chroot()";

    /**
     * An authenticated login.
     *
     * @param kind       anonymous, local or guest
     * @param name       the name the session is known by (STAT, logs): ftp, or the PAM user name
     * @param configName the user_config_dir file name (anonymous: ftp_username)
     * @param account    the account whose identity the session takes
     * @param chrooted   decided before the per-user config is read, as vsftpd does
     */
    record Login(SessionKind kind, String name, String configName, UnixAccount account, boolean chrooted) {
    }

    private SessionSetup() {
    }

    /** The session's user; the per-user config, when there is one, is stored in the session. */
    static VsftpdUser establish(Exchange x, Login login) {
        VsftpdConfig config = PerUserConfig.apply(x.config(), login.configName(), x.services().launchingUser().uid());
        x.state().config(config);
        UnixIdentity identity = x.services().accounts().identityOf(login.account());
        Placement placement = login.kind() == SessionKind.ANONYMOUS
                ? new Placement(config.string(ANON_ROOT) != null ? config.string(ANON_ROOT) : login.account().home(), null)
                : Placement.of(config, login.account().home(), login.name());
        Jail jail;
        String start;
        if (login.chrooted()) {
            jail = enter(placement.directory(), identity, login.kind() != SessionKind.ANONYMOUS);
            start = placement.subdir() == null ? "/" : startIn(jail, "/" + placement.subdir(), identity, true);
            boolean launchingUser = config.bool(RUN_AS_LAUNCHING_USER);
            boolean allowWritable = config.bool(ALLOW_WRITEABLE_CHROOT) && login.kind() != SessionKind.ANONYMOUS;
            // vsftpd cannot chroot when run_as_launching_user, so it makes no writable-root check there
            if (!launchingUser && !allowWritable && writable(jail.root(), identity)) {
                throw new OopsException(WRITABLE_ROOT, jail.root() + " is writable by " + login.account().name()
                        + "; make it read-only for that user, or set allow_writeable_chroot=YES (local users)");
            }
        } else {
            jail = enter("/", identity, true);
            // without a chroot vsftpd shrugs off a local_root it cannot enter and stays in the home
            String wanted = startIn(jail, placement.directory(), identity, false);
            start = wanted != null ? wanted : startIn(jail, login.account().home(), identity, true);
            if (placement.subdir() != null) {
                String deeper = startIn(jail, start + "/" + placement.subdir(), identity, false);
                start = deeper != null ? deeper : start;
            }
        }
        boolean anonymousRules = login.kind() == SessionKind.ANONYMOUS
                || (login.kind() == SessionKind.GUEST && !config.bool(VIRTUAL_USE_LOCAL_PRIVS));
        int umask = (int) (config.uint(anonymousRules ? ANON_UMASK : LOCAL_UMASK) & 0777);
        long rate = config.uint(anonymousRules ? ANON_MAX_RATE : LOCAL_MAX_RATE);
        return new VsftpdUser(login.name(), login.kind(), anonymousRules, identity, jail, start, umask,
                (int) Math.min(Integer.MAX_VALUE, rate));
    }

    /**
     * chdir() into the future root. Local users and guests do it as themselves, so every directory
     * on the way must be searchable by them; vsftpd enters the anonymous root before it changes
     * identity, so there only the root itself must be searchable by the ftp user.
     */
    private static Jail enter(String directory, UnixIdentity identity, boolean asTheUser) {
        try {
            Jail jail = new Jail(Path.of(directory));
            boolean reachable = asTheUser
                    ? startIn(new Jail(Path.of("/")), directory, identity, false) != null
                    : FileAccess.permits(identity, FileMode.of(jail.root()), FileAccess.EXECUTE);
            if (reachable) {
                return jail;
            }
        } catch (IOException | RuntimeException e) {
            // reported below, as vsftpd reports it
        }
        throw new OopsException("cannot change directory:" + directory);
    }

    /** The virtual start directory, or an OOPS (when {@code fatal}) or null. */
    private static String startIn(Jail jail, String directory, UnixIdentity identity, boolean fatal) {
        Resolution start = jail.resolve("/", directory, true, identity);
        try {
            if (start.exists() && Files.isDirectory(start.realPath())
                    && FileAccess.permits(identity, FileMode.of(start.realPath()), FileAccess.EXECUTE)) {
                return start.virtualPath();
            }
        } catch (IOException e) {
            // reported below
        }
        if (fatal) {
            throw new OopsException("cannot change directory:" + directory);
        }
        return null;
    }

    private static boolean writable(Path root, UnixIdentity identity) {
        try {
            return FileAccess.permits(identity, FileMode.of(root), FileAccess.WRITE);
        } catch (IOException e) {
            return false;
        }
    }
}
