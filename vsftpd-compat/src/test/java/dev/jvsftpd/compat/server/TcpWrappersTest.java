package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcp_wrappers=YES in the session's start (reference section 6): refused clients get
 * {@code 421 Service not available.} and no greeting, after the connection limits; a setenv of
 * VSFTPD_LOAD_CONF gives that client its own settings. Clients come from other loopback addresses.
 */
class TcpWrappersTest {
    @TempDir
    Path temp;
    Path root;
    Path allow;
    Path deny;

    @BeforeEach
    void files() throws IOException {
        root = TestServer.rootOwnedDirectory(temp.resolve("anon"));
        allow = Files.writeString(temp.resolve("hosts.allow"), "");
        deny = Files.writeString(temp.resolve("hosts.deny"), "vsftpd: 127.0.0.2\nin.ftpd: 127.0.0.3\n");
    }

    @Test
    void deniedClientsGet421BeforeAnyGreetingAndOthersAreServed() throws IOException {
        try (TestServer server = TestServer.startWithHostsFiles(root, allow, deny)) {
            try (RawClient denied = RawClient.connectFrom("127.0.0.2", server.port())) {
                assertEquals("421 Service not available.", denied.readLine());
                assertEquals(null, denied.readLine());
            }
            try (RawClient otherDaemonsRule = RawClient.connectFrom("127.0.0.3", server.port())) {
                assertEquals("220 (jvsftpd test)", otherDaemonsRule.readLine(), "rules for in.ftpd do not apply");
            }
            Files.writeString(deny, "ALL: ALL\n");
            Files.writeString(allow, "vsftpd: 127.0.0.4\n");
            try (RawClient third = RawClient.connectFrom("127.0.0.3", server.port());
                 RawClient fourth = RawClient.connectFrom("127.0.0.4", server.port())) {
                assertEquals("421 Service not available.", third.readLine(), "tables re-read without a restart");
                assertEquals("220 (jvsftpd test)", fourth.readLine());
            }
        }
    }

    @Test
    void connectionLimitsAreCheckedFirst() throws IOException {
        try (TestServer server = TestServer.startWithHostsFiles(root, allow, deny, "max_per_ip=1");
             RawClient first = RawClient.connectFrom("127.0.0.2", server.port())) {
            assertEquals("421 Service not available.", first.readLine());
        }
        try (TestServer server = TestServer.startWithHostsFiles(root, allow, deny, "max_clients=1");
             RawClient served = RawClient.connect(server.port())) {
            assertEquals("220 (jvsftpd test)", served.readLine());
            try (RawClient refused = RawClient.connectFrom("127.0.0.2", server.port())) {
                assertEquals("421 There are too many connected users, please try later.", refused.readLine());
            }
        }
    }

    @Test
    void setenvVsftpdLoadConfGivesThatClientItsOwnSettings() throws IOException {
        Path perIp = Files.writeString(temp.resolve("per-ip.conf"), "ftpd_banner=PER-IP CONFIG\nanonymous_enable=NO\n");
        Files.writeString(allow, "vsftpd: 127.0.0.5: setenv VSFTPD_LOAD_CONF " + perIp + "\n");
        try (TestServer server = TestServer.startWithHostsFiles(root, allow, deny, "local_enable=YES");
             RawClient special = RawClient.connectFrom("127.0.0.5", server.port());
             RawClient ordinary = RawClient.connectFrom("127.0.0.6", server.port())) {
            assertEquals("220 PER-IP CONFIG", special.readLine());
            assertEquals("331 Please specify the password.", special.send("USER anonymous"));
            assertEquals("530 Login incorrect.", special.send("PASS x"), "anonymous is off for this client");
            assertEquals("220 (jvsftpd test)", ordinary.readLine());
        }
    }
}
