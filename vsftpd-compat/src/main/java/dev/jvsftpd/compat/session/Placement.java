package dev.jvsftpd.compat.session;

import static dev.jvsftpd.compat.config.Directives.LOCAL_ROOT;
import static dev.jvsftpd.compat.config.Directives.PASSWD_CHROOT_ENABLE;
import static dev.jvsftpd.compat.config.Directives.USER_SUB_TOKEN;

import dev.jvsftpd.compat.config.VsftpdConfig;

/**
 * Where a local session lands (reference section 4.2): the directory to change into and, when
 * chrooted, the directory that becomes {@code /}.
 *
 * @param directory the real directory the session starts in (vsftpd's chdir target)
 * @param subdir    with passwd_chroot_enable, the part of the home after {@code /./}, entered
 *                  after the chroot; null otherwise
 */
public record Placement(String directory, String subdir) {

    /**
     * @param home      the account's home field from the user database
     * @param loginName the name typed at USER, substituted for user_sub_token
     */
    public static Placement of(VsftpdConfig config, String home, String loginName) {
        String token = config.string(USER_SUB_TOKEN);
        String expandedHome = substitute(home, token, loginName);
        String localRoot = config.string(LOCAL_ROOT);
        int split = expandedHome.indexOf("/./");
        if (config.bool(PASSWD_CHROOT_ENABLE) && split >= 0) {
            // takes precedence over local_root
            return new Placement(expandedHome.substring(0, split), expandedHome.substring(split + 3));
        }
        return new Placement(localRoot != null ? substitute(localRoot, token, loginName) : expandedHome, null);
    }

    private static String substitute(String path, String token, String loginName) {
        return token == null || token.isEmpty() ? path : path.replace(token, loginName);
    }
}
