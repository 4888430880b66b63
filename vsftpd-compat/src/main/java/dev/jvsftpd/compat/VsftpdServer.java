package dev.jvsftpd.compat;

import static dev.jvsftpd.compat.config.Directives.ANONYMOUS_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_MKDIR_WRITE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_OTHER_WRITE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ANON_ROOT;
import static dev.jvsftpd.compat.config.Directives.ANON_UPLOAD_ENABLE;
import static dev.jvsftpd.compat.config.Directives.BACKGROUND;
import static dev.jvsftpd.compat.config.Directives.IDLE_SESSION_TIMEOUT;
import static dev.jvsftpd.compat.config.Directives.LISTEN;
import static dev.jvsftpd.compat.config.Directives.LISTEN_ADDRESS;
import static dev.jvsftpd.compat.config.Directives.LISTEN_ADDRESS6;
import static dev.jvsftpd.compat.config.Directives.LISTEN_IPV6;
import static dev.jvsftpd.compat.config.Directives.LISTEN_PORT;
import static dev.jvsftpd.compat.config.Directives.LOCAL_ENABLE;
import static dev.jvsftpd.compat.config.Directives.MAX_CLIENTS;
import static dev.jvsftpd.compat.config.Directives.RUN_AS_LAUNCHING_USER;
import static dev.jvsftpd.compat.config.Directives.WRITE_ENABLE;

import dev.jvsftpd.compat.config.ConfigParser;
import dev.jvsftpd.compat.config.Directive;
import dev.jvsftpd.compat.config.Directives;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.ftp.ConnectionGate;
import dev.jvsftpd.compat.ftp.SessionServices;
import dev.jvsftpd.compat.ftp.VsftpdCommands;
import dev.jvsftpd.compat.ftp.VsftpdMessages;
import dev.jvsftpd.compat.ftp.VsftpdSessionFilter;
import dev.jvsftpd.compat.tls.ServerTls;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerConfigurationException;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An Apache FtpServer assembled from a vsftpd config, with vsftpd's startup checks. */
public final class VsftpdServer {
    private static final Logger LOG = LoggerFactory.getLogger(VsftpdServer.class);
    /** Sessions beyond this share threads; with max_clients=0 it is the ceiling. */
    private static final int MAX_THREADS = 4096;

    private final VsftpdConfig config;
    private final FtpServer server;
    private final Listener listener;

    private final ConnectionGate gate;

    private VsftpdServer(VsftpdConfig config, FtpServer server, Listener listener, ConnectionGate gate) {
        this.config = config;
        this.server = server;
        this.listener = listener;
        this.gate = gate;
    }

    /** Checks the config as vsftpd does before it binds, and builds the server (not started). */
    public static VsftpdServer create(VsftpdConfig config, SessionServices services, boolean runningAsRoot) {
        if (!config.bool(ANONYMOUS_ENABLE) && !config.bool(LOCAL_ENABLE)) {
            throw new OopsException("vsftpd: both local and anonymous access disabled!");
        }
        if (!runningAsRoot && !config.bool(RUN_AS_LAUNCHING_USER)) {
            throw new OopsException("vsftpd: must be started as root (see run_as_launching_user option)",
                    "jvsftpd acts as other users only when it runs as root; to try it unprivileged set"
                            + " run_as_launching_user=YES and a listen_port above 1023");
        }
        ServerTls.checkAtStartup(config, Instant.now());
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress(bindAddress(config));
        listenerFactory.setPort((int) (config.uint(LISTEN_PORT) & 0xffff));
        listenerFactory.setIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.uint(IDLE_SESSION_TIMEOUT)));
        listenerFactory.setSessionFilter(new VsftpdSessionFilter(config));
        Listener listener = listenerFactory.createListener();

        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener);
        factory.setCommandFactory(new VsftpdCommands(config, services));
        factory.setMessageResource(new VsftpdMessages());
        Map<String, Ftplet> ftplets = new LinkedHashMap<>();
        ConnectionGate gate = new ConnectionGate(config, services);
        ftplets.put("vsftpd", gate);
        factory.setFtplets(ftplets);
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        // vsftpd's limits are enforced by ConnectionGate; FtpServer's own must never bite first.
        connections.setMaxLogins(0);
        connections.setMaxAnonymousLogins(0);
        connections.setMaxLoginFailures(0);
        connections.setLoginFailureDelay(0);
        // A transfer holds a pool thread until it ends; one thread per session keeps a slow
        // transfer from delaying anyone else's greeting.
        long maxClients = config.uint(MAX_CLIENTS);
        connections.setMaxThreads((int) (maxClients == 0 ? MAX_THREADS : Math.min(MAX_THREADS, maxClients + 8)));
        factory.setConnectionConfig(connections.createConnectionConfig());
        return new VsftpdServer(config, factory.createServer(), listener, gate);
    }

    /** vsftpd runs one listener: IPv4 (listen) or IPv6 (listen_ipv6, dual stack on ::). */
    private static String bindAddress(VsftpdConfig config) {
        boolean v4 = config.bool(LISTEN);
        boolean v6 = config.bool(LISTEN_IPV6);
        if (v4 && v6) {
            throw new OopsException("run two copies of vsftpd for IPv4 and IPv6");
        }
        if (!v4 && !v6) {
            throw new OopsException("vsftpd: not configured for standalone, must be started from inetd",
                    "jvsftpd has no inetd mode: set listen=YES (IPv4) or listen_ipv6=YES (IPv6 and IPv4)");
        }
        if (v4) {
            String address = config.string(LISTEN_ADDRESS);
            return address == null ? "0.0.0.0" : address;
        }
        String address = config.string(LISTEN_ADDRESS6);
        return address == null ? "::" : address;
    }

    public void start() {
        try {
            server.start();
        } catch (FtpException | FtpServerConfigurationException e) {
            String family = config.bool(LISTEN) ? "IPv4" : "IPv6";
            throw new OopsException("could not bind listening " + family + " socket",
                    "cannot listen on " + bindAddress(config) + " port " + config.uint(LISTEN_PORT) + ": "
                            + rootCause(e).getMessage());
        }
    }

    public void stop() {
        server.stop();
    }

    /** The address actually bound (the port is real even when listen_port was 0). */
    public InetSocketAddress boundAddress() {
        return new InetSocketAddress(listener.getServerAddress(), listener.getPort());
    }

    /** Says at startup what is served and where, and which directives jvsftpd does not act on yet. */
    public void logStartup(List<Path> configFiles) {
        LOG.info("jvsftpd {} listening on {} (config: {}; dialect {})", HostServices.version(), boundAddress(),
                configFiles.isEmpty() ? "compiled-in defaults" : configFiles, config.dialect().displayName());
        if (config.bool(ANONYMOUS_ENABLE)) {
            boolean writes = config.bool(WRITE_ENABLE) && (config.bool(ANON_UPLOAD_ENABLE)
                    || config.bool(ANON_MKDIR_WRITE_ENABLE) || config.bool(ANON_OTHER_WRITE_ENABLE));
            String root = config.string(ANON_ROOT) != null ? config.string(ANON_ROOT) : "the ftp_username's home";
            LOG.info("serving anonymous FTP ({}) from {}", writes ? "uploads allowed" : "read-only", root);
        }
        if (config.bool(BACKGROUND)) {
            LOG.warn("background=YES: jvsftpd stays in the foreground; let systemd or the shell put it in the background");
        }
        List<String> notYet = notYetImplemented(config);
        if (!notYet.isEmpty()) {
            LOG.warn("accepted but not acted on yet by jvsftpd {}: {}", HostServices.version(), String.join(", ", notYet));
        }
    }

    /**
     * SIGHUP, as vsftpd's listener takes it: every setting back to its default, then only the
     * last config file read again, with bad lines skipped; new sessions get the result, running
     * ones keep theirs, and the listening socket stays as it is. An unreadable file keeps the
     * settings in force. What is built at startup (the PAM stack for local_enable, the tcp_wrappers
     * tables) only changes with a restart.
     */
    public void reload(Path lastConfigFile, long ownerUid) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(config.dialect());
        try {
            for (OopsException skipped : ConfigParser.loadFileLeniently(lastConfigFile, ownerUid, builder)) {
                LOG.warn("reload: skipped 500 OOPS: {}{}", skipped.vsftpdText(),
                        skipped.detail().map(d -> " (" + d + ")").orElse(""));
            }
        } catch (OopsException e) {
            LOG.warn("reload refused, settings unchanged: 500 OOPS: {}{}", e.vsftpdText(),
                    e.detail().map(d -> " (" + d + ")").orElse(""));
            return;
        }
        gate.reload(builder.build());
        LOG.info("reloaded {} for new sessions", lastConfigFile);
    }

    /** Directives the config sets that jvsftpd accepts but does not act on yet. */
    public static List<String> notYetImplemented(VsftpdConfig config) {
        return config.explicitSettings().keySet().stream()
                .filter(name -> Directives.lookup(name, config.dialect())
                        .map(d -> d.support() == Directive.Support.NOT_YET).orElse(false))
                .toList();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
