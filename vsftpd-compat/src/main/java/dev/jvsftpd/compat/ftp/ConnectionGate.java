package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.ANONYMOUS_ENABLE;
import static dev.jvsftpd.compat.config.Directives.BANNER_FILE;
import static dev.jvsftpd.compat.config.Directives.FTPD_BANNER;
import static dev.jvsftpd.compat.config.Directives.LISTEN_IPV6;
import static dev.jvsftpd.compat.config.Directives.TCP_WRAPPERS;

import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.data.Addresses;
import dev.jvsftpd.compat.log.SessionEvent;
import dev.jvsftpd.compat.log.VsftpdLog;
import dev.jvsftpd.compat.policy.AnonymousPasswordPolicy;
import dev.jvsftpd.compat.policy.ConnectionLimits;
import dev.jvsftpd.compat.policy.UserList;
import dev.jvsftpd.compat.session.SessionState;
import dev.jvsftpd.tcpwrappers.ClientInfo;
import dev.jvsftpd.tcpwrappers.HostsAccess;
import dev.jvsftpd.tcpwrappers.SystemShell;
import dev.jvsftpd.tcpwrappers.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What vsftpd does between accept() and the 220: count the session against max_clients and
 * max_per_ip, then run the per-session sanity checks (banner_file, the anonymous account, the
 * e-mail lists) whose failure replaces the greeting with {@code 500 OOPS}, then greet.
 */
public final class ConnectionGate extends DefaultFtplet {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
    private static final String COUNTED = ConnectionGate.class.getName() + ".address";

    private volatile VsftpdConfig config;
    private final SessionServices services;
    private final AtomicInteger clients = new AtomicInteger();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    public ConnectionGate(VsftpdConfig config, SessionServices services) {
        this.config = config;
        this.services = services;
    }

    @Override
    public FtpletResult onConnect(FtpSession session) throws FtpException {
        String address = Addresses.ipv4View(session.getClientAddress().getAddress());
        session.setAttribute(COUNTED, address);
        int total = clients.incrementAndGet();
        int fromAddress = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        SessionState state = SessionState.of(session);
        try {
            Verdict verdict = null;
            // services are built at startup: a reload cannot switch tcp_wrappers on until a restart
            if (config.bool(TCP_WRAPPERS) && services.hostsAccess() != null) {
                verdict = askTcpWrappers(session);
                if (verdict.access() == Verdict.Access.TWIST || verdict.access() == Verdict.Access.DROP) {
                    return FtpletResult.DISCONNECT;
                }
            }
            // vsftpd loads VSFTPD_LOAD_CONF before checking limits, so an overlay can lift them
            VsftpdConfig sessionConfig = services.sessionConfig(config,
                    verdict == null ? Optional.empty() : verdict.loadConf());
            state.config(sessionConfig);
            VsftpdLog log = VsftpdLog.open(sessionConfig, ProcessHandle.current().pid());
            state.log(log);
            ConnectionLimits limits = ConnectionLimits.from(sessionConfig);
            Optional<String> refusal = limits.refusal(total, fromAddress);
            if (refusal.isPresent()) {
                String why = total > limits.maxClients() && limits.maxClients() != 0
                        ? "too many sessions." : "too many sessions for this address.";
                log.log(new SessionEvent(SessionEvent.What.CONNECT, true, address, null,
                        "Connection refused: " + why, null));
                session.write(Reply.of(421, refusal.get()));
                return FtpletResult.DISCONNECT;
            }
            if (verdict != null && verdict.access() == Verdict.Access.DENY) {
                log.log(new SessionEvent(SessionEvent.What.CONNECT, true, address, null,
                        "Connection refused: tcp_wrappers denial.", null));
                session.write(Reply.of(421, "Service not available."));
                return FtpletResult.DISCONNECT;
            }
            log.log(SessionEvent.connect(address));
            state.clientCountAtStart(total);
            state.userList(UserList.load(sessionConfig).orElse(null));
            if (sessionConfig.bool(ANONYMOUS_ENABLE)) {
                services.anonymousAccount(sessionConfig);
                state.anonymousPasswords(AnonymousPasswordPolicy.load(sessionConfig));
            }
            session.write(greeting(sessionConfig));
        } catch (OopsException e) {
            LOG.warn("session refused: 500 OOPS: {}{}", e.vsftpdText(), e.detail().map(d -> " (" + d + ")").orElse(""));
            session.write(Reply.of(500, "OOPS: " + e.vsftpdText()));
            return FtpletResult.DISCONNECT;
        }
        return FtpletResult.DEFAULT;
    }

    /**
     * libwrap's verdict for daemon {@code vsftpd}. Its banner goes out at once, before any 421 or
     * 220; a twist sends the command's output instead of the session.
     */
    private Verdict askTcpWrappers(FtpSession session) throws FtpException {
        if (config.dialect() != Dialect.DEBIAN) {
            throw new OopsException("tcp_wrappers is set to YES but no tcp wrapper support compiled in",
                    "vsftpd's " + config.dialect().displayName() + " build has no libwrap; only the Debian dialect reads"
                            + " hosts.allow and hosts.deny");
        }
        Verdict verdict = services.hostsAccess().decide(HostsAccess.VSFTPD,
                ClientInfo.of(session.getClientAddress(), session.getServerAddress())
                        .withIpv6Listener(config.bool(LISTEN_IPV6)));
        if (verdict.banner().length > 0) {
            session.write(new Reply(220, new String(verdict.banner(), StandardCharsets.UTF_8)));
        }
        if (verdict.access() == Verdict.Access.TWIST) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try {
                new SystemShell().runAttached(verdict.twistCommand(), verdict.environment(), output);
            } catch (IOException e) {
                LOG.warn("tcp_wrappers twist {} failed: {}", verdict.twistCommand(), e.getMessage());
            }
            session.write(new Reply(0, output.toString(StandardCharsets.UTF_8)));
        }
        return verdict;
    }

    /**
     * The 220: banner_file's lines as {@code 220-} lines and a bare {@code 220 }, else ftpd_banner,
     * else jvsftpd's version. Written here so a per-session config can change it; FtpServer's own
     * greeting is dropped by {@link ProtocolFilter}.
     */
    private Reply greeting(VsftpdConfig sessionConfig) {
        String bannerFile = sessionConfig.string(BANNER_FILE);
        if (bannerFile != null) {
            return new Reply(220, Reply.dashedLines(220, bannerLines(bannerFile)) + "220 \r\n");
        }
        String banner = sessionConfig.string(FTPD_BANNER);
        return Reply.of(220, banner != null ? banner : "(jvsftpd " + services.version() + ")");
    }

    /** The settings new sessions start from (SIGHUP); running sessions keep their own. */
    public void reload(VsftpdConfig newConfig) {
        this.config = newConfig;
    }

    @Override
    public FtpletResult onDisconnect(FtpSession session) {
        String address = (String) session.getAttribute(COUNTED);
        if (address != null) {
            session.removeAttribute(COUNTED);
            clients.decrementAndGet();
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
        }
        return FtpletResult.DEFAULT;
    }

    /** The banner file's lines, read for every session as vsftpd does (first 100000 bytes). */
    private static List<String> bannerLines(String file) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            String text = new String(bytes, 0, Math.min(bytes.length, 100_000), StandardCharsets.UTF_8);
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            return Arrays.asList(text.split("\n", -1));
        } catch (IOException | RuntimeException e) {
            throw new OopsException("cannot read banner file:" + file, file + ": unreadable");
        }
    }
}
