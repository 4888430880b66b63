package dev.jvsftpd.compat.spring;

import dev.jvsftpd.compat.VsftpdServer;
import dev.jvsftpd.compat.config.OopsException;
import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.ftplet.FtpException;

/**
 * A {@link VsftpdServer} seen as FtpServer's own {@link FtpServer}, which is what FtpServer's
 * CommandLine and Spring users expect of a bean named {@code server}.
 */
final class VsftpdFtpServer implements FtpServer {
    private final VsftpdServer server;
    private final List<Path> configFiles;
    private volatile boolean running;

    VsftpdFtpServer(VsftpdServer server, List<Path> configFiles) {
        this.server = server;
        this.configFiles = List.copyOf(configFiles);
    }

    @Override
    public synchronized void start() throws FtpException {
        try {
            server.start();
        } catch (OopsException e) {
            throw new FtpException(VsftpdServers.describe(e), e);
        }
        running = true;
        server.logStartup(configFiles);
    }

    @Override
    public synchronized void stop() {
        // CommandLine's shutdown hook and Spring's destroy-method may both call this
        if (running) {
            running = false;
            server.stop();
        }
    }

    @Override
    public boolean isStopped() {
        return !running;
    }

    /** vsftpd has no pause; FtpServer's suspend has no vsftpd meaning to follow. */
    @Override
    public void suspend() {
        throw new UnsupportedOperationException("a vsftpd server cannot be suspended; stop it instead");
    }

    @Override
    public void resume() {
        throw new UnsupportedOperationException("a vsftpd server cannot be suspended or resumed");
    }

    @Override
    public boolean isSuspended() {
        return false;
    }
}
