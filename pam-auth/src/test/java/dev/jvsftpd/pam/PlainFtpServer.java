package dev.jvsftpd.pam;

import dev.jvsftpd.pam.ftp.PamSessionFtplet;
import dev.jvsftpd.pam.ftp.PamUserManager;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.ListenerFactory;

/**
 * A stock Apache FtpServer, nothing of jvsftpd's but the PamUserManager (and, for sessions, the
 * PamSessionFtplet): loopback, an ephemeral port, the native file system, no anonymous logins and
 * no failure delay of FtpServer's own, so what a test times is PAM's.
 */
final class PlainFtpServer implements AutoCloseable {
    final PamUserManager users;
    private final FtpServer server;
    private final int port;

    PlainFtpServer(PamUserManager users) {
        this.users = users;
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        factory.addListener("default", listener.createListener());
        factory.setUserManager(users);
        factory.setFileSystem(new NativeFileSystemFactory());
        factory.setFtplets(new java.util.LinkedHashMap<>(Map.of("pam-session", new PamSessionFtplet())));
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(false);
        connections.setLoginFailureDelay(0);
        connections.setMaxLoginFailures(0);
        connections.setMaxLogins(0);
        factory.setConnectionConfig(connections.createConnectionConfig());
        server = factory.createServer();
        try {
            server.start();
        } catch (FtpException e) {
            throw new IllegalStateException(e);
        }
        port = factory.getListener("default").getPort();
    }

    FTPClient connect() throws IOException {
        FTPClient client = new FTPClient();
        client.setConnectTimeout(5000);
        client.setDefaultTimeout(15_000);
        client.connect("127.0.0.1", port);
        client.setSoTimeout(15_000);
        client.setDataTimeout(Duration.ofSeconds(10));
        return client;
    }

    /** USER and PASS; the reply to PASS. */
    Reply login(String user, String password) throws IOException {
        FTPClient client = connect();
        try {
            int userReply = client.user(user);
            int passReply = client.pass(password);
            return new Reply(userReply, passReply, client.getReplyString().trim(), client);
        } catch (IOException e) {
            client.disconnect();
            throw e;
        }
    }

    /** What the client saw; the connection stays open for more commands. */
    record Reply(int userCode, int code, String text, FTPClient client) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (client.isConnected()) {
                try {
                    client.logout();
                } catch (IOException e) {
                    // the server may already have closed it
                }
                client.disconnect();
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
