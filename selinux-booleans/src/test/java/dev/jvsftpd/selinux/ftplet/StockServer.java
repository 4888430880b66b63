package dev.jvsftpd.selinux.ftplet;

import dev.jvsftpd.selinux.SelinuxGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/**
 * A plain Apache FtpServer on 127.0.0.1, an ephemeral port, the native file system, a properties user manager,
 * and only the SELinux Ftplet added: "usable alone in a stock FtpServer install".
 */
final class StockServer implements AutoCloseable {
    private final FtpServer server;
    private final int port;
    private final List<FTPClient> clients = new java.util.ArrayList<>();

    private StockServer(FtpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Users: {@code anonymous} at root/var/ftp, {@code alice} at root/srv/data, {@code bob} at root/home/bob, all writable. */
    static StockServer start(Path root, Path work, SelinuxGuard guard) throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());

        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setFile(Files.createFile(work.resolve("users.properties")).toFile());
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager um = users.createUserManager();
        um.save(user("anonymous", null, root.resolve("var/ftp")));
        um.save(user("alice", "secret", root.resolve("srv/data")));
        um.save(user("bob", "secret", root.resolve("home/bob")));
        factory.setUserManager(um);
        factory.setFileSystem(new NativeFileSystemFactory());
        factory.setFtplets(new java.util.HashMap<>(Map.of("selinux", new SelinuxFtplet(guard))));
        FtpServer server = factory.createServer();
        server.start();
        Listener l = factory.getListener("default");
        return new StockServer(server, l.getPort());
    }

    private static BaseUser user(String name, String password, Path home) {
        BaseUser u = new BaseUser();
        u.setName(name);
        u.setPassword(password);
        u.setHomeDirectory(home.toString());
        u.setAuthorities(List.<Authority>of(new WritePermission()));
        return u;
    }

    FTPClient login(String user, String password) throws Exception {
        FTPClient c = new FTPClient();
        c.setDefaultTimeout(10_000);
        c.connect("127.0.0.1", port);
        if (!c.login(user, password)) {
            throw new AssertionError("login " + user + ": " + c.getReplyString());
        }
        c.setFileType(FTP.BINARY_FILE_TYPE);
        c.enterLocalPassiveMode();
        clients.add(c);
        return c;
    }

    @Override
    public void close() {
        // sessions end before the server, or MINA complains about events after its executor stopped
        for (FTPClient c : clients) {
            try {
                if (c.isConnected()) {
                    c.logout();
                    c.disconnect();
                }
            } catch (java.io.IOException e) {
                // already gone
            }
        }
        var stats = ((org.apache.ftpserver.impl.DefaultFtpServer) server).getServerContext().getFtpStatistics();
        for (int i = 0; i < 200 && stats.getCurrentConnectionNumber() > 0; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop();
    }
}
