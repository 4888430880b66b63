package dev.jvsftpd.compat.log;

import java.time.Instant;
import java.util.Objects;

/**
 * One RETR/STOR/APPE/STOU attempt, successful or not: vsftpd logs failed attempts too.
 *
 * @param direction    upload (STOR/APPE/STOU) or download (RETR)
 * @param complete     the transfer finished (xferlog {@code c}, vsftpd {@code OK}); otherwise
 *                     {@code i} / {@code FAIL}
 * @param clientIp     the client address as text, never a host name
 * @param user         the name vsftpd shows in {@code [..]}: the login name, or ftp_username
 *                     (normally {@code ftp}) for anonymous sessions
 * @param access       anonymous, guest or real, for xferlog's access-mode field
 * @param anonIdentity for anonymous sessions the sanitised password ({@link
 *                     LogText#anonymousIdentity}), which xferlog shows as the user; null otherwise
 * @param path         absolute path as the session sees it (inside its chroot), see {@link
 *                     LogText#sessionPath}
 * @param ascii        the session's TYPE was A when the transfer started
 * @param bytes        bytes moved over the data connection (0 if it never opened)
 * @param start        when the command was accepted for logging
 * @param end          when the attempt ended; also the time stamped on the line
 */
public record TransferEvent(Direction direction, boolean complete, String clientIp, String user, Access access,
        String anonIdentity, String path, boolean ascii, long bytes, Instant start, Instant end) {

    public enum Direction { UPLOAD, DOWNLOAD }

    /** xferlog's access mode; guests are logins mapped by guest_enable. */
    public enum Access {
        ANONYMOUS('a'), GUEST('g'), REAL('r');

        final char code;

        Access(char code) {
            this.code = code;
        }
    }

    public TransferEvent {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        // xferlog's user field for anonymous is the identity; without it the line would be wrong.
        if ((access == Access.ANONYMOUS) != (anonIdentity != null)) {
            throw new IllegalArgumentException("anonIdentity is required for, and only for, anonymous sessions");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes < 0");
        }
    }

    /** The user field of the xferlog line. */
    String xferlogUser() {
        return access == Access.ANONYMOUS ? anonIdentity : user;
    }
}
