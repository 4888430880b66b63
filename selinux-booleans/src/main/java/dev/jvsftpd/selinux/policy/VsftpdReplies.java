package dev.jvsftpd.selinux.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * The reply vsftpd 3.0.3 sends when the kernel answers EACCES at the point where each command touches the
 * file system, which is what an SELinux denial looks like to it.
 */
public final class VsftpdReplies {
    private VsftpdReplies() {
    }

    /** An FTP reply line. */
    public record Reply(int code, String text) {
        @Override
        public String toString() {
            return code + " " + text;
        }
    }

    /**
     * The reply for a denied command; {@code verb} is the FTP command ({@code STOR}, {@code SITE CHMOD} or
     * {@code CHMOD} for SITE CHMOD, {@code MDTM} for MDTM with a time is {@code MDTM_SET}).
     * <ul>
     * <li>LIST/NLST: vsftpd opens the directory after {@code 150 Here comes the directory listing.}, sends an
     * empty listing and ends with this 226.</li>
     * <li>RETR/STOR: the open fails before the 150, so this is the only reply.</li>
     * <li>PORT/EPRT: the connect happens at the transfer command, after its 150.</li>
     * <li>PASV/EPSV: vsftpd retries EACCES on another random port; after the last of its bind attempts it
     * dies with this 500 OOPS and the session ends.</li>
     * </ul>
     */
    public static Optional<Reply> onDenied(String verb) {
        return Optional.ofNullable(switch (verb.toUpperCase(Locale.ROOT)) {
            case "STOR", "STOU", "APPE" -> new Reply(553, "Could not create file.");
            case "RETR" -> new Reply(550, "Failed to open file.");
            case "MKD", "XMKD" -> new Reply(550, "Create directory operation failed.");
            case "RMD", "XRMD" -> new Reply(550, "Remove directory operation failed.");
            case "DELE" -> new Reply(550, "Delete operation failed.");
            case "RNFR" -> new Reply(550, "RNFR command failed.");
            case "RNTO" -> new Reply(550, "Rename failed.");
            case "SITE CHMOD", "CHMOD" -> new Reply(550, "SITE CHMOD command failed.");
            case "CWD", "XCWD", "CDUP", "XCUP" -> new Reply(550, "Failed to change directory.");
            case "SIZE" -> new Reply(550, "Could not get file size.");
            case "MDTM" -> new Reply(550, "Could not get file modification time.");
            case "MDTM_SET", "MFMT" -> new Reply(550, "Could not set file modification time.");
            case "LIST", "NLST", "STAT" -> new Reply(226, "Transfer done (but failed to open directory).");
            case "PORT", "EPRT" -> new Reply(425, "Failed to establish connection.");
            case "PASV", "EPSV" -> new Reply(500, "OOPS: vsf_sysutil_bind");
            default -> null;
        });
    }

    /** The usual reply of the commands that perform an operation, for callers that only know the operation. */
    public static Reply onDenied(Operation op) {
        String verb = switch (op) {
            case CHDIR -> "CWD";
            case LIST -> "LIST";
            case STAT -> "SIZE";
            case READ -> "RETR";
            case WRITE, APPEND, CREATE -> "STOR";
            case MKDIR -> "MKD";
            case DELETE -> "DELE";
            case RMDIR -> "RMD";
            case RENAME -> "RNTO";
            case SETATTR -> "SITE CHMOD";
            case PASV_BIND -> "PASV";
            case ACTIVE_CONNECT -> "PORT";
        };
        return onDenied(verb).orElseThrow();
    }
}
