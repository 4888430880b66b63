package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * user@host patterns, %u and %c with a real RFC 1413 exchange: a small identd on the client's
 * loopback address answers (or misbehaves), our client asks it over TCP.
 */
class IdentTest {

    @TempDir
    Path dir;

    /** A one-connection-at-a-time identd; reply maps the query line to the answer (null: say nothing). */
    private static final class Identd implements AutoCloseable {
        final ServerSocket socket;
        final AtomicReference<String> lastQuery = new AtomicReference<>();
        private final Thread thread;

        Identd(String address, UnaryOperator<String> reply) throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            thread = new Thread(() -> {
                for (int i = 0; i < 100 && !socket.isClosed(); i++) {
                    try (Socket s = socket.accept()) {
                        s.setSoTimeout(5000);
                        String query = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                        lastQuery.set(query);
                        String answer = reply.apply(query);
                        if (answer == null) {
                            Thread.sleep(3000);
                        } else {
                            OutputStream out = s.getOutputStream();
                            out.write(answer.getBytes(StandardCharsets.US_ASCII));
                        }
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private Verdict decide(Fixture fixture, String rule, int identPort, Duration timeout) {
        Path allow = fixture.write("allow-" + System.nanoTime(), rule);
        Path deny = fixture.write("deny-" + System.nanoTime(), "ALL: ALL\n");
        try (LibWrap.Connection c = fixture.connect("127.0.0.5")) {
            HostsAccess access = HostsAccess.builder().allowFile(allow).denyFile(deny)
                    .resolver(new SystemHostResolver(fixture.hostsFile, fixture.nsswitchFile))
                    .ident(new Rfc1413Ident(identPort)).identTimeout(timeout).build();
            return access.decide("vsftpd", Fixture.info(c, "127.0.0.5"));
        }
    }

    @Test
    void userPatternsAskTheClientsIdentd() throws IOException {
        try (Fixture fixture = new Fixture(dir);
             Identd identd = new Identd("127.0.0.5", q -> q.replace(",", " , ") + " : USERID : UNIX : alice\r\n")) {
            Duration t = Duration.ofSeconds(5);
            assertTrue(decide(fixture, "vsftpd: alice@127.0.0.5\n", identd.port(), t).allowed());
            assertTrue(identd.lastQuery.get().matches("\\d+,\\d+"), identd.lastQuery.get());
            assertTrue(decide(fixture, "vsftpd: ALICE@ALL\n", identd.port(), t).allowed());
            assertTrue(!decide(fixture, "vsftpd: bob@127.0.0.5\n", identd.port(), t).allowed());
            assertTrue(!decide(fixture, "vsftpd: UNKNOWN@127.0.0.5\n", identd.port(), t).allowed());
            assertEquals("alice alice@127.0.0.5",
                    decide(fixture, "vsftpd: ALL: setenv U %u %c\n", identd.port(), t).environmentValue("U").orElseThrow());
            // %c names the user only once it has been looked up
            assertEquals("127.0.0.5 alice",
                    decide(fixture, "vsftpd: ALL: setenv U %c %u\n", identd.port(), t).environmentValue("U").orElseThrow());
            // the host part is tested first: no ident query when it does not match
            identd.lastQuery.set(null);
            assertTrue(!decide(fixture, "vsftpd: alice@127.0.0.6\n", identd.port(), t).allowed());
            assertEquals(null, identd.lastQuery.get());
        }
    }

    @Test
    void answersForOtherPortsGarbageSilenceAndNoIdentdMeanUnknown() throws IOException {
        try (Fixture fixture = new Fixture(dir)) {
            Duration t = Duration.ofSeconds(5);
            try (Identd wrongPorts = new Identd("127.0.0.5", q -> "1 , 2 : USERID : UNIX : alice\r\n")) {
                assertTrue(decide(fixture, "vsftpd: UNKNOWN@127.0.0.5\n", wrongPorts.port(), t).allowed());
            }
            try (Identd error = new Identd("127.0.0.5", q -> q + " : ERROR : NO-USER\r\n")) {
                assertTrue(decide(fixture, "vsftpd: UNKNOWN@127.0.0.5\n", error.port(), t).allowed());
            }
            try (Identd silent = new Identd("127.0.0.5", q -> null)) {
                long start = System.nanoTime();
                assertTrue(decide(fixture, "vsftpd: UNKNOWN@127.0.0.5\n", silent.port(), Duration.ofMillis(500)).allowed());
                assertTrue(System.nanoTime() - start < 2_500_000_000L, "the ident timeout bounds the wait");
            }
            int closedPort;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.5"))) {
                closedPort = free.getLocalPort();
            }
            assertTrue(decide(fixture, "vsftpd: UNKNOWN@127.0.0.5\n", closedPort, t).allowed());
        }
    }
}
