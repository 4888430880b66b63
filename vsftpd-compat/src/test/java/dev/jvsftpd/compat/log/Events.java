package dev.jvsftpd.compat.log;

import dev.jvsftpd.compat.log.TransferEvent.Access;
import dev.jvsftpd.compat.log.TransferEvent.Direction;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Shorthands for the tests: the reference samples were taken at this time, in UTC. */
final class Events {
    static final ZoneId UTC = ZoneOffset.UTC;
    static final Instant SAMPLE_TIME = Instant.parse("2026-11-21T05:17:39Z");
    static final String IP = "127.0.0.1";

    private Events() {
    }

    static TransferEvent real(Direction direction, boolean complete, String user, String path, boolean ascii,
            long bytes, Instant start, Instant end) {
        return new TransferEvent(direction, complete, IP, user, Access.REAL, null, path, ascii, bytes, start, end);
    }

    static TransferEvent anonymous(Direction direction, boolean complete, String password, String path,
            boolean ascii, long bytes, Instant start, Instant end) {
        return new TransferEvent(direction, complete, IP, "ftp", Access.ANONYMOUS,
                LogText.anonymousIdentity(password), path, ascii, bytes, start, end);
    }
}
