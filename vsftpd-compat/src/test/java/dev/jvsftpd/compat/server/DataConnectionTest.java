package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PORT/EPRT bounce protection, PASV/EPSV replies and the passive address check (reference section 9). */
class DataConnectionTest {
    @TempDir
    Path temp;
    Path root;

    @BeforeEach
    void jail() throws IOException {
        root = TestServer.rootOwnedDirectory(temp.resolve("anon"));
        Files.writeString(root.resolve("f.txt"), "data\n");
    }

    @Test
    void portToAnotherHostOrAPrivilegedPortIsIllegal() throws IOException {
        try (TestServer server = TestServer.start(root); RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("500 Illegal PORT command.", raw.send("PORT 127,0,0,2,4,1"));
            assertEquals("500 Illegal PORT command.", raw.send("PORT 127,0,0,1,0,80"));
            assertEquals("500 Illegal PORT command.", raw.send("PORT 127,0,0,1,3,255"));
            assertEquals("500 Illegal PORT command.", raw.send("PORT 127,0,0,1,4"));
            assertEquals("500 Illegal PORT command.", raw.send("PORT 127,0,0,1,4,256"));
            assertEquals("200 PORT command successful. Consider using PASV.", raw.send("PORT 127,0,0,1,4,0"));
            assertEquals("500 Illegal EPRT command.", raw.send("EPRT |1|127.0.0.2|5000|"));
            assertEquals("500 Bad EPRT protocol.", raw.send("EPRT |3|127.0.0.1|5000|"));
            assertEquals("500 Bad EPRT command.", raw.send("EPRT |1|localhost|5000|"));
            assertEquals("200 EPRT command successful. Consider using EPSV.", raw.send("EPRT |1|127.0.0.1|5000|"));
        }
    }

    @Test
    void portPromiscuousLiftsTheChecks() throws IOException {
        try (TestServer server = TestServer.start(root, "port_promiscuous=YES");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("200 PORT command successful. Consider using PASV.", raw.send("PORT 127,0,0,2,0,80"));
        }
    }

    @Test
    void activeTransfersConnectBackToTheClient() throws IOException {
        try (TestServer server = TestServer.start(root)) {
            FTPClient client = server.anonymous();
            client.enterLocalActiveMode();
            client.setActivePortRange(50000, 50999);
            assertEquals("data\n", AnonymousPermissionsTest.download(client, "f.txt"));
            client.disconnect();
        }
    }

    @Test
    void passiveRepliesUseVsftpdsFormatAndPasvAddress() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        try (TestServer server = TestServer.start(root, "pasv_address=192.0.2.7", "pasv_min_port=" + port,
                "pasv_max_port=" + port); RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("227 Entering Passive Mode (192,0,2,7," + (port >> 8) + "," + (port & 0xff) + ").",
                    raw.send("PASV"));
            assertEquals("229 Entering Extended Passive Mode (|||" + port + "|)", raw.send("EPSV"));
            assertEquals("522 Bad network protocol.", raw.send("EPSV 2"));
            assertEquals("200 EPSV ALL ok.", raw.send("EPSV ALL"));
            assertEquals("550 Permission denied.", raw.send("PASV"));
            assertEquals("550 Permission denied.", raw.send("PORT 127,0,0,1,4,0"));
            assertEquals("200 EPRT command successful. Consider using EPSV.", raw.send("EPRT |1|127.0.0.1|5000|"));
        }
    }

    @Test
    void listenIpv6ServesIpv6ClientsWithEpsvAndAZeroPasvAddress() throws IOException {
        try (TestServer server = TestServer.start(root, "listen=NO", "listen_ipv6=YES", "listen_address6=::1");
             Socket socket = new Socket("::1", server.port())) {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            var out = socket.getOutputStream();
            assertEquals("220 (jvsftpd test)", in.readLine());
            for (String command : new String[] {"USER ftp", "PASS x", "PASV", "EPSV 2"}) {
                out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            in.readLine();
            assertEquals("230 Login successful.", in.readLine());
            assertTrue(in.readLine().matches("227 Entering Passive Mode \\(0,0,0,0,\\d+,\\d+\\)\\."));
            assertTrue(in.readLine().matches("229 Entering Extended Passive Mode \\(\\|\\|\\|\\d+\\|\\)"));
        }
    }

    @Test
    void disabledDataModesArePermissionDenied() throws IOException {
        try (TestServer server = TestServer.start(root, "pasv_enable=NO", "port_enable=NO");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("550 Permission denied.", raw.send("PASV"));
            assertEquals("550 Permission denied.", raw.send("EPSV"));
            assertEquals("550 Permission denied.", raw.send("PORT 127,0,0,1,4,0"));
            assertEquals("550 Permission denied.", raw.send("EPRT |1|127.0.0.1|5000|"));
        }
    }

    @Test
    void passiveConnectionFromAnotherHostIsRefused() throws IOException {
        try (TestServer server = TestServer.start(root); RawClient raw = RawClient.connect(server.port()).anonymous()) {
            int port = raw.epsv();
            try (Socket intruder = new Socket()) {
                intruder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                intruder.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                assertEquals("425 Security: Bad IP connecting.", raw.send("RETR f.txt"));
            }
        }
    }

    @Test
    void pasvPromiscuousAcceptsAnyHost() throws IOException {
        try (TestServer server = TestServer.start(root, "pasv_promiscuous=YES");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            int port = raw.epsv();
            try (Socket other = new Socket()) {
                other.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                other.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                assertTrue(raw.send("RETR f.txt").startsWith("150 Opening BINARY mode data connection for f.txt (5 bytes)."));
                assertEquals("data\n", new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                assertEquals("226 Transfer complete.", raw.readLine());
            }
        }
    }

    @Test
    void connectFromPort20UsesFtpDataPortAsSource() throws IOException {
        int source;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            source = probe.getLocalPort();
        }
        try (TestServer server = TestServer.start(root, "connect_from_port_20=YES", "ftp_data_port=" + source);
             RawClient raw = RawClient.connect(server.port()).anonymous();
             ServerSocket client = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = client.getLocalPort();
            assertEquals("200 PORT command successful. Consider using PASV.",
                    raw.send("PORT 127,0,0,1," + (port >> 8) + "," + (port & 0xff)));
            raw.send("TYPE I");
            assertTrue(raw.send("RETR f.txt").startsWith("150 "));
            try (Socket data = client.accept()) {
                assertEquals(source, data.getPort());
                assertEquals("data\n", new String(data.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals("226 Transfer complete.", raw.readLine());
        }
    }

    @Test
    void aStalledUploadEndsWith421DataTimeout() throws IOException {
        Path upload = TestServer.rootOwnedDirectory(root.resolve("upload"));
        Files.setAttribute(upload, "unix:uid", TestServer.ftpUid());
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES",
                "data_connection_timeout=1"); RawClient raw = RawClient.connect(server.port()).anonymous()) {
            int port = raw.epsv();
            try (Socket data = new Socket("127.0.0.1", port)) {
                assertEquals("150 Ok to send data.", raw.send("STOR upload/slow.txt"));
                data.getOutputStream().write("a few bytes, then nothing".getBytes(StandardCharsets.UTF_8));
                assertEquals("421 Data timeout. Reconnect. Sorry.", raw.readLine());
                assertEquals(null, raw.readLine());
            }
        }
    }

    @Test
    void aClientThatStopsReadingADownloadTimesOutToo() throws IOException {
        Files.write(root.resolve("huge.bin"), new byte[32 * 1024 * 1024]);
        try (TestServer server = TestServer.start(root, "data_connection_timeout=1");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            int port = raw.epsv();
            try (Socket data = new Socket()) {
                data.setReceiveBufferSize(4096);
                data.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                assertTrue(raw.send("RETR huge.bin").startsWith("150 "));
                assertEquals("421 Data timeout. Reconnect. Sorry.", raw.readLine());
            }
        }
    }

    @Test
    void asciiConversionOnlyWhereTheSwitchAllowsIt() throws IOException {
        Files.writeString(root.resolve("lines.txt"), "a\nb\n");
        try (TestServer server = TestServer.start(root); RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("a\nb\n", retrieve(raw, "lines.txt", "150 Opening BINARY mode data connection for lines.txt (4 bytes)."));
        }
        try (TestServer server = TestServer.start(root, "ascii_download_enable=YES");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("a\r\nb\r\n", retrieve(raw, "lines.txt", "150 Opening ASCII mode data connection for lines.txt (4 bytes)."));
        }
    }

    @Test
    void anInvalidPasvAddressEndsTheSessionAtPasv() throws IOException {
        try (TestServer server = TestServer.start(root, "pasv_address=ftp.example.org");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("500 OOPS: invalid pasv_address", raw.send("PASV"));
            assertEquals(null, raw.readLine());
        }
    }

    /** RETR in the session's current TYPE (ASCII, as sessions start) over EPSV. */
    private static String retrieve(RawClient raw, String path, String expected150) throws IOException {
        int port = raw.epsv();
        try (Socket data = new Socket("127.0.0.1", port)) {
            assertEquals(expected150, raw.send("RETR " + path));
            String body = new String(data.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("226 Transfer complete.", raw.readLine());
            return body;
        }
    }

    /** Expected replies read off real vsftpd 3.0.3: the transfer's 426 first, then the ABOR's 226. */
    @Test
    void asyncAborCutsARunningTransferShort() throws IOException, InterruptedException {
        Files.write(root.resolve("big.bin"), new byte[200_000]);
        try (TestServer server = TestServer.start(root, "anon_max_rate=20000", "async_abor_enable=YES");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            raw.send("TYPE I");
            try (Socket data = new Socket("127.0.0.1", raw.epsv())) {
                assertTrue(raw.send("RETR big.bin").startsWith("150 "));
                data.getInputStream().readNBytes(1000);
                // telnet interrupt-process and synch, as clients send before an urgent ABOR
                raw.sendRaw(new byte[] {(byte) 0xff, (byte) 0xf4, (byte) 0xff, (byte) 0xf2});
                assertEquals("426 Failure writing network stream.", raw.send("ABOR"));
                assertEquals("226 ABOR successful.", raw.readLine());
            }
            assertEquals("225 No transfer to ABOR.", raw.send("ABOR"));
        }
    }
}
