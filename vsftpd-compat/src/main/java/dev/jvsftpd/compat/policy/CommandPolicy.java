package dev.jvsftpd.compat.policy;

import static dev.jvsftpd.compat.config.Directives.ANON_MKDIR_WRITE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_OTHER_WRITE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_UPLOAD_ENABLE;
import static dev.jvsftpd.compat.config.Directives.CMDS_ALLOWED;
import static dev.jvsftpd.compat.config.Directives.CMDS_DENIED;
import static dev.jvsftpd.compat.config.Directives.DIRLIST_ENABLE;
import static dev.jvsftpd.compat.config.Directives.DOWNLOAD_ENABLE;
import static dev.jvsftpd.compat.config.Directives.MDTM_WRITE;
import static dev.jvsftpd.compat.config.Directives.PASV_ENABLE;
import static dev.jvsftpd.compat.config.Directives.PORT_ENABLE;
import static dev.jvsftpd.compat.config.Directives.WRITE_ENABLE;

import dev.jvsftpd.compat.config.VsftpdConfig;
import java.util.List;

/**
 * Which post-login commands a session may run at all, from the config switches alone
 * (reference section 7.4). A command whose switch is off gets vsftpd's generic
 * {@code 550 Permission denied.}; file permissions are {@link FilePolicy}'s business.
 */
public final class CommandPolicy {
    private CommandPolicy() {
    }

    /** {@code MDTM <time> <file>} sets the time only with write rights and mdtm_write. */
    public static boolean maySetModificationTime(VsftpdConfig config, boolean anonymousRules) {
        return config.bool(MDTM_WRITE) && permits(config, anonymousRules, "DELE", true);
    }

    /**
     * cmds_allowed and cmds_denied, checked after login before anything else (QUIT included).
     * Items are compared with the verb as typed, upper-cased, with nothing trimmed: so
     * {@code cmds_allowed=PASV, RETR} never admits RETR, and XPWD is not PWD.
     */
    public static boolean listed(VsftpdConfig config, String typedVerb) {
        String allowed = config.string(CMDS_ALLOWED);
        if (allowed != null && !List.of(allowed.split(",")).contains(typedVerb)) {
            return false;
        }
        String denied = config.string(CMDS_DENIED);
        return denied == null || !List.of(denied.split(",")).contains(typedVerb);
    }

    /**
     * @param anonymousRules anonymous sessions, and guests without virtual_use_local_privs
     * @param verb           the upper-cased command, X-forms already folded (XMKD is MKD)
     * @param hasArgument    STAT with a path is a listing, STAT alone is not
     */
    public static boolean permits(VsftpdConfig config, boolean anonymousRules, String verb, boolean hasArgument) {
        boolean local = !anonymousRules;
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
