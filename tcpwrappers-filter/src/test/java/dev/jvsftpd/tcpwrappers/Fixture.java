package dev.jvsftpd.tcpwrappers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loopback connections and private tables shared by the tests that compare with real libwrap:
 * one IPv4 listener on 127.0.0.1, one dual-stack listener on [::] (IPv4 clients arrive mapped),
 * one IPv6 listener on ::1.
 */
final class Fixture implements AutoCloseable {

    /** The private /etc/hosts of the reference's name cases (tcpwrappers-pam-selinux.md A.13). */
    static final String HOSTS = """
            127.0.0.1 localhost
            ::1 localhost
            127.0.0.5 host5.example.com host5
            127.0.0.6 127.0.0.7
            127.0.0.8 nodots
            127.0.0.10 Host10.Example.COM
            127.0.0.11 unknown
            127.0.0.13 canon13 alias13
            127.0.0.12 alias13
            """;

    /** The names libwrap's lookups give for those hosts (what a caller would pass as RQ_CLIENT_NAME). */
    static final Map<String, String> VERIFIED_NAMES = Map.of(
            "127.0.0.1", "localhost", "::1", "localhost", "127.0.0.5", "host5.example.com",
            "127.0.0.6", "paranoid", "127.0.0.8", "nodots", "127.0.0.10", "Host10.Example.COM",
            "127.0.0.11", "unknown");

    final Path dir;
    final Path hostsFile;
    final Path nsswitchFile;
    private final LibWrap.Listener v4;
    private final LibWrap.Listener dual;
    private final LibWrap.Listener v6;

    Fixture(Path dir) {
        this.dir = dir;
        this.hostsFile = write("hosts", HOSTS);
        this.nsswitchFile = write("nsswitch.conf", "hosts: files\n");
        this.v4 = LibWrap.listen("127.0.0.1", false);
        this.dual = LibWrap.listen("::", true);
        this.v6 = LibWrap.listen("::1", false);
    }

    Path write(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    Path write(String name, byte[] content) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client: "127.0.0.5", "::1", or "mapped:127.0.0.5" (IPv4 through the dual-stack listener). */
    LibWrap.Connection connect(String client) {
        if (client.startsWith("mapped:")) {
            return LibWrap.connect(dual, client.substring("mapped:".length()));
        }
        return LibWrap.connect(client.contains(":") ? v6 : v4, client);
    }

    int port(String client) {
        return (client.startsWith("mapped:") ? dual : client.contains(":") ? v6 : v4).address().getPort();
    }

    static boolean mapped(String client) {
        return client.startsWith("mapped:");
    }

    /** Our implementation on these tables, names from the private hosts file, no identd. */
    HostsAccess access(Path allow, Path deny, boolean resident) {
        return HostsAccess.builder().allowFile(allow).denyFile(deny)
                .resolver(new SystemHostResolver(hostsFile, nsswitchFile))
                .ident(IdentLookup.NONE).resident(resident).build();
    }

    static ClientInfo info(LibWrap.Connection c, String client) {
        return ClientInfo.of(c.client(), c.server()).withIpv6Listener(mapped(client));
    }

    @Override
    public void close() {
        v4.close();
        dual.close();
        v6.close();
    }
}
