package dev.jvsftpd.compat.policy;

import static dev.jvsftpd.compat.config.Directives.ANON_MKDIR_WRITE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_OTHER_WRITE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_UPLOAD_ENABLE;
import static dev.jvsftpd.compat.config.Directives.DIRLIST_ENABLE;
import static dev.jvsftpd.compat.config.Directives.DOWNLOAD_ENABLE;
import static dev.jvsftpd.compat.config.Directives.PASV_ENABLE;
import static dev.jvsftpd.compat.config.Directives.PORT_ENABLE;
import static dev.jvsftpd.compat.config.Directives.WRITE_ENABLE;

import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.session.SessionKind;

/**
 * Which post-login commands a session may run at all, from the config switches alone
 * (reference section 7.4). A command whose switch is off gets vsftpd's generic
 * {@code 550 Permission denied.}; file permissions are {@link FilePolicy}'s business.
 */
public final class CommandPolicy {
    private CommandPolicy() {
    }

    /**
     * @param verb        the upper-cased command, X-forms already folded (XMKD is MKD)
     * @param hasArgument STAT with a path is a listing, STAT alone is not
     */
    public static boolean permits(VsftpdConfig config, SessionKind kind, String verb, boolean hasArgument) {
        boolean local = kind == SessionKind.LOCAL;
        boolean write = config.bool(WRITE_ENABLE);
        return switch (verb) {
            case "STOR", "STOU" -> write && (local || config.bool(ANON_UPLOAD_ENABLE));
            case "MKD" -> write && (local || config.bool(ANON_MKDIR_WRITE_ENABLE));
            case "RMD", "DELE", "RNFR", "RNTO", "APPE" -> write && (local || config.bool(ANON_OTHER_WRITE_ENABLE));
            case "SITE" -> local;
            case "RETR" -> config.bool(DOWNLOAD_ENABLE);
            case "LIST", "NLST" -> config.bool(DIRLIST_ENABLE);
            case "STAT" -> !hasArgument || config.bool(DIRLIST_ENABLE);
            case "PASV", "EPSV" -> config.bool(PASV_ENABLE);
            case "PORT", "EPRT" -> config.bool(PORT_ENABLE);
            default -> true;
        };
    }
}
