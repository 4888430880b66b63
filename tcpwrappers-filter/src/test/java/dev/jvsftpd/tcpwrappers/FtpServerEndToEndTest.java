package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stock Apache FtpServer with nothing of ours but the Ftplet, and real clients connecting from
 * different loopback source addresses: refused ones get exactly "421 Service not available." and
 * no greeting, served ones log in; banners, setenv, twist and table changes work without a restart.
 */
class FtpServerEndToEndTest {

    private static final int TIMEOUT_MS = 10_000;

    @TempDir
    Path dir;
    private FtpServer server;
    /** What a later Ftplet saw in the session: the verdict the tcp_wrappers Ftplet stored. */
    private final Map<String, Verdict> seen = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private int start(String listenAddress, TcpWrappersFtplet ftplet) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setFile(Files.createFile(dir.resolve("users.properties")).toFile());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName("alice");
        user.setPassword("secret");
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new ConcurrentLoginPermission(0, 0), new WritePermission()));
        userManager.save(user);

        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress(listenAddress);
        listenerFactory.setPort(0);
        Listener listener = listenerFactory.createListener();
        factory.addListener("default", listener);
        factory.setUserManager(userManager);
        Map<String, Ftplet> ftplets = new LinkedHashMap<>();
        ftplets.put("tcpwrappers", ftplet);
        ftplets.put("probe", new DefaultFtplet() {
            @Override
            public FtpletResult onConnect(FtpSession session) {
                Object verdict = session.getAttribute(TcpWrappersFtplet.VERDICT_ATTRIBUTE);
                if (verdict != null) {
                    seen.put(session.getClientAddress().getAddress().getHostAddress(), (Verdict) verdict);
                }
                return FtpletResult.DEFAULT;
            }
        });
        factory.setFtplets(ftplets);
        server = factory.createServer();
        server.start();
        return listener.getPort();
    }

    private TcpWrappersFtplet ftplet(Path allow, Path deny) {
        TcpWrappersFtplet ftplet = new TcpWrappersFtplet();
        ftplet.setAllowFile(allow.toString());
        ftplet.setDenyFile(deny.toString());
        return ftplet;
    }

    /** Everything the server sends until it closes the connection (bounded by the socket timeout). */
    private static String exchange(String from, int port, String send) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            if (send != null) {
                socket.getOutputStream().write(send.getBytes(StandardCharsets.US_ASCII));
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static FTPClient login(String from, int port) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setConnectTimeout(TIMEOUT_MS);
        ftp.setDefaultTimeout(TIMEOUT_MS);
        ftp.connect(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
        ftp.setSoTimeout(TIMEOUT_MS);
        return ftp;
    }

    @Test
    void refusedClientsGet421BeforeAnyGreetingAndServedOnesLogIn() throws Exception {
        Files.createDirectories(dir.resolve("banners"));
        Files.writeString(dir.resolve("banners/vsftpd"), "Welcome %a, this is %d\n");
        Path allow = Files.writeString(dir.resolve("hosts.allow"),
                "vsftpd: 127.0.0.3: setenv VSFTPD_LOAD_CONF /etc/vsftpd/%a.conf: banners " + dir.resolve("banners") + "\n"
                        + "vsftpd: 127.0.0.4: twist printf 'twisted %a\\n'\n");
        Path deny = Files.writeString(dir.resolve("hosts.deny"), "ALL: ALL\n");
        int port = start("127.0.0.1", ftplet(allow, deny));

        // refused: nothing but the 421, then the server closes; a USER sent at once gets nothing
        assertEquals("421 Service not available.\r\n", exchange("127.0.0.2", port, "USER alice\r\n"));

        // twist: the command's output instead of FTP
        assertEquals("twisted 127.0.0.4\n", exchange("127.0.0.4", port, null));

        // served: the banner before the greeting, then a normal session with login
        String session = exchange("127.0.0.3", port, "USER alice\r\nPASS secret\r\nPWD\r\nQUIT\r\n");
        assertTrue(session.startsWith("Welcome 127.0.0.3, this is vsftpd\r\n220 "), session);
        assertTrue(session.contains("\r\n230 ") && session.contains("\r\n257 ") && session.endsWith("221 Goodbye.\r\n"), session);
        assertEquals("/etc/vsftpd/127.0.0.3.conf", seen.get("127.0.0.3").loadConf().orElseThrow());
        assertTrue(seen.get("127.0.0.2") == null, "a refused client never reaches later Ftplets");

        // the tables are re-read without a restart
        Files.writeString(allow, "vsftpd: 127.0.0.2\n");
        FTPClient again = login("127.0.0.2", port);
        try {
            assertTrue(FTPReply.isPositiveCompletion(again.getReplyCode()), again.getReplyString());
            assertTrue(again.login("alice", "secret"), again.getReplyString());
        } finally {
            again.disconnect();
        }
        assertEquals("421 Service not available.\r\n", exchange("127.0.0.3", port, null));
    }

    @Test
    void ipv4ClientsOfAWildcardListenerAreMappedAddressesToLibwrap() throws Exception {
        Path allow = Files.writeString(dir.resolve("hosts.allow"), "vsftpd: 127.0.0.5: setenv X %a %A\n");
        Path deny = Files.writeString(dir.resolve("hosts.deny"), "vsftpd: [::ffff:127.0.0.6]\n");
        int port = start(null, ftplet(allow, deny));

        FTPClient ftp = login("127.0.0.5", port);
        ftp.disconnect();
        assertEquals("::ffff:127.0.0.5 ::ffff:127.0.0.1", seen.get("127.0.0.5").environmentValue("X").orElseThrow());

        // bracketed patterns never match IPv4-mapped clients, as in libwrap
        FTPClient other = login("127.0.0.6", port);
        assertTrue(FTPReply.isPositiveCompletion(other.getReplyCode()), other.getReplyString());
        other.disconnect();
    }
}
