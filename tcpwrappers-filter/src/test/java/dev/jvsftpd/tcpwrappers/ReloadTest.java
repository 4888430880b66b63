package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables (and /file lists) are read again when they change, and only then. */
class ReloadTest {

    @TempDir
    Path dir;

    private static final ClientInfo CLIENT = ClientInfo.of(new InetSocketAddress("127.0.0.5", 40000),
            new InetSocketAddress("127.0.0.1", 21)).withClientName("host5.example.com").withUser("unknown");

    private HostsAccess access(Path allow, Path deny) {
        return HostsAccess.builder().allowFile(allow).denyFile(deny).ident(IdentLookup.NONE).build();
    }

    @Test
    void editsAreSeenAtTheNextConnection() throws IOException {
        Path allow = Files.writeString(dir.resolve("hosts.allow"), "vsftpd: 127.0.0.5\n");
        Path deny = Files.writeString(dir.resolve("hosts.deny"), "ALL: ALL\n");
        HostsAccess access = access(allow, deny);
        assertEquals(Verdict.Access.ALLOW, access.decide("vsftpd", CLIENT).access());

        // same size, written within the same clock tick: still seen
        Files.writeString(allow, "vsftpd: 127.0.0.6\n");
        assertEquals(Verdict.Access.DENY, access.decide("vsftpd", CLIENT).access());

        // an old, unchanged file is served from the parsed copy; a later change is seen by mtime and size
        Files.setLastModifiedTime(allow, FileTime.from(Instant.now().minusSeconds(60)));
        assertEquals(Verdict.Access.DENY, access.decide("vsftpd", CLIENT).access());
        Files.writeString(allow, "vsftpd: 127.0.0.5, 127.0.0.6\n");
        assertEquals(Verdict.Access.ALLOW, access.decide("vsftpd", CLIENT).access());

        // replaced by rename (a new inode), as editors and config management do
        Path fresh = Files.writeString(dir.resolve("new"), "vsftpd: 127.0.0.9\n");
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().minusSeconds(60)));
        Files.move(fresh, allow, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(Verdict.Access.DENY, access.decide("vsftpd", CLIENT).access());

        // removed: an empty table
        Files.delete(deny);
        assertEquals(Verdict.Access.ALLOW, access.decide("vsftpd", CLIENT).access());
    }

    @Test
    void patternFilesAreReadAgainToo() throws IOException {
        Path list = Files.writeString(dir.resolve("list"), "127.0.0.6\n");
        Path allow = Files.writeString(dir.resolve("hosts.allow"), "vsftpd: " + list + "\n");
        Path deny = Files.writeString(dir.resolve("hosts.deny"), "ALL: ALL\n");
        HostsAccess access = access(allow, deny);
        assertEquals(Verdict.Access.DENY, access.decide("vsftpd", CLIENT).access());
        Files.writeString(list, "127.0.0.5\n");
        assertEquals(Verdict.Access.ALLOW, access.decide("vsftpd", CLIENT).access());
    }
}
