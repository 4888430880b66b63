package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** max_clients, max_per_ip, rate limits, and one session's transfer never holding up another's greeting. */
class LimitsTest {
    @TempDir
    Path temp;
    Path root;

    @BeforeEach
    void jail() throws IOException {
        root = TestServer.rootOwnedDirectory(temp.resolve("anon"));
        Files.write(root.resolve("big.bin"), new byte[256 * 1024]);
    }

    @Test
    void maxClientsRefusesTheConnectionBeyondTheLimitBeforeTheGreeting() throws IOException {
        // each connection is greeted before the next is made: the count follows arrival order
        try (TestServer server = TestServer.start(root, "max_clients=2");
             RawClient first = RawClient.connect(server.port())) {
            assertEquals("220 (jvsftpd test)", first.readLine());
            try (RawClient second = RawClient.connect(server.port())) {
                assertEquals("220 (jvsftpd test)", second.readLine());
                try (RawClient third = RawClient.connect(server.port())) {
                    assertEquals("421 There are too many connected users, please try later.", third.readLine());
                    assertEquals(null, third.readLine());
                }
            }
        }
    }

    @Test
    void maxPerIpCountsEachAddressSeparately() throws IOException {
        try (TestServer server = TestServer.start(root, "max_per_ip=1");
             RawClient first = RawClient.connect(server.port())) {
            assertEquals("220 (jvsftpd test)", first.readLine());
            try (RawClient again = RawClient.connect(server.port())) {
                assertEquals("421 There are too many connections from your internet address.", again.readLine());
            }
            try (RawClient otherHost = RawClient.connectFrom("127.0.0.2", server.port())) {
                assertEquals("220 (jvsftpd test)", otherHost.readLine());
            }
        }
    }

    @Test
    void aClosedSessionFreesItsPlace() throws IOException {
        try (TestServer server = TestServer.start(root, "max_clients=1")) {
            try (RawClient first = RawClient.connect(server.port())) {
                assertEquals("220 (jvsftpd test)", first.readLine());
                assertEquals("221 Goodbye.", first.send("QUIT"));
                assertEquals(null, first.readLine());
            }
            String greeting = null;
            for (int attempt = 0; attempt < 50 && !"220 (jvsftpd test)".equals(greeting); attempt++) {
                try (RawClient next = RawClient.connect(server.port())) {
                    greeting = next.readLine();
                }
            }
            assertEquals("220 (jvsftpd test)", greeting);
        }
    }

    @Test
    void aVsftpdLoadConfOverlayChangesEachSessionsSettings() throws IOException {
        Path overlay = Files.writeString(temp.resolve("per-ip.conf"), "ftpd_banner=PER-IP CONFIG\nmax_clients=0\n");
        try (TestServer server = TestServer.startWithLoadConf(root, overlay, "max_clients=1");
             RawClient first = RawClient.connect(server.port());
             RawClient second = RawClient.connect(server.port())) {
            assertEquals("220 PER-IP CONFIG", first.readLine());
            assertEquals("220 PER-IP CONFIG", second.readLine(), "the overlay lifted max_clients");
        }
        Path broken = Files.writeString(temp.resolve("broken.conf"), "bogus=YES\n");
        try (TestServer server = TestServer.startWithLoadConf(root, broken);
             RawClient client = RawClient.connect(server.port())) {
            assertEquals("500 OOPS: unrecognised variable in config file: bogus", client.readLine());
            assertEquals(null, client.readLine());
        }
    }

    @Test
    void anonMaxRateIsTheSessionBandwidthLimit() throws IOException {
        try (TestServer server = TestServer.start(root, "anon_max_rate=50000");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            raw.send("STAT");
            String line;
            List<String> status = new ArrayList<>();
            while (!(line = raw.readLine()).startsWith("211 ")) {
                status.add(line.trim());
            }
            assertTrue(status.contains("Session bandwidth limit in byte/s is 50000"), status.toString());
        }
    }

    /**
     * More rate-limited downloads than FtpServer's default pool has threads; a new client must
     * still be greeted while every one of them is still running (an ordering, not a timing).
     */
    @Test
    void runningTransfersDoNotDelayANewClientsGreeting() throws IOException {
        int transfers = 24;
        try (TestServer server = TestServer.start(root, "anon_max_rate=8192")) {
            List<RawClient> controls = new ArrayList<>();
            List<Socket> data = new ArrayList<>();
            try {
                for (int i = 0; i < transfers; i++) {
                    RawClient control = RawClient.connect(server.port()).anonymous();
                    controls.add(control);
                    data.add(new Socket("127.0.0.1", control.epsv()));
                    assertTrue(control.send("RETR big.bin").startsWith("150 "));
                }
                try (RawClient late = RawClient.connect(server.port())) {
                    assertEquals("220 (jvsftpd test)", late.readLine());
                }
                for (Socket socket : data) {
                    assertTrue(receivedSoFar(socket.getInputStream()) < 256 * 1024, "a transfer ended before the greeting");
                }
            } finally {
                for (Socket socket : data) {
                    socket.close();
                }
                for (RawClient control : controls) {
                    control.close();
                }
            }
        }
    }

    /** The bytes already delivered, read without blocking. */
    private static long receivedSoFar(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        long total = 0;
        int available;
        while ((available = in.available()) > 0) {
            total += in.read(buffer, 0, Math.min(available, buffer.length));
        }
        return total;
    }
}
