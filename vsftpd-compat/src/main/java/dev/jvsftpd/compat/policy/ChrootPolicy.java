package dev.jvsftpd.compat.policy;

import static dev.jvsftpd.compat.config.Directives.CHROOT_LIST_ENABLE;
import static dev.jvsftpd.compat.config.Directives.CHROOT_LIST_FILE;
import static dev.jvsftpd.compat.config.Directives.CHROOT_LOCAL_USER;

import dev.jvsftpd.compat.config.VsftpdConfig;

/**
 * Whether a local session is chrooted (reference section 4.1): chroot_local_user, inverted for
 * the names in chroot_list_file when chroot_list_enable. So with chroot_local_user=YES the list
 * names the users who are NOT jailed. Anonymous sessions are always jailed and never ask.
 */
public final class ChrootPolicy {
    private ChrootPolicy() {
    }

    /**
     * @param userName the name PAM returned (a module may rename the user)
     * @throws dev.jvsftpd.compat.config.OopsException when the list is enabled but unreadable
     */
    public static boolean chrooted(VsftpdConfig config, String userName) {
        boolean chroot = config.bool(CHROOT_LOCAL_USER);
        if (config.bool(CHROOT_LIST_ENABLE)
                && ListFiles.lines(config.string(CHROOT_LIST_FILE), "could not read chroot() list file:")
                .contains(userName)) {
            chroot = !chroot;
        }
        return chroot;
    }
}
