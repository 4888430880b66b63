package dev.jvsftpd.tcpwrappers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.ftplet.FtpletContext;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.ftpserver.listener.Listener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tcp_wrappers for a plain Apache FtpServer: put it first among the Ftplets. On connect it asks
 * {@link HostsAccess}; a refused client gets {@code 421 Service not available.} and is
 * disconnected before the 220 greeting, so it never reaches login. Bean properties make it usable
 * from FtpServer's Spring XML:
 *
 * <pre>
 * &lt;ftplets&gt;
 *   &lt;ftplet name="tcpwrappers"&gt;
 *     &lt;beans:bean class="dev.jvsftpd.tcpwrappers.TcpWrappersFtplet"&gt;
 *       &lt;beans:property name="daemon" value="vsftpd"/&gt;
 *     &lt;/beans:bean&gt;
 *   &lt;/ftplet&gt;
 * &lt;/ftplets&gt;
 * </pre>
 *
 * The verdict of an admitted session is kept in the session attribute {@link #VERDICT_ATTRIBUTE}
 * (its setenv values, e.g. VSFTPD_LOAD_CONF). Banner and twist output go through FtpServer's reply
 * encoder, which writes UTF-8: other bytes arrive replaced.
 */
public class TcpWrappersFtplet implements Ftplet {

    private static final Logger LOG = LoggerFactory.getLogger(TcpWrappersFtplet.class);

    /** Session attribute holding the {@link Verdict} of an admitted connection. */
    public static final String VERDICT_ATTRIBUTE = "dev.jvsftpd.tcpwrappers.verdict";

    private String daemon = HostsAccess.VSFTPD;
    private Path allowFile = HostsAccess.SYSTEM_ALLOW;
    private Path denyFile = HostsAccess.SYSTEM_DENY;
    private Boolean ipv6Listener;
    private Duration identTimeout = HostsAccess.IDENT_TIMEOUT;
    private Duration commandLimit;
    private volatile HostsAccess access;
    private volatile FtpletContext context;

    public TcpWrappersFtplet() {
    }

    /** With a ready decision maker (its table paths and collaborators win over the properties). */
    public TcpWrappersFtplet(HostsAccess access) {
        this.access = access;
    }

    /** The daemon name rules are matched against; vsftpd by default. */
    public void setDaemon(String daemon) {
        this.daemon = daemon;
    }

    public void setAllowFile(String path) {
        this.allowFile = Path.of(path);
    }

    public void setDenyFile(String path) {
        this.denyFile = Path.of(path);
    }

    /**
     * Whether IPv4 clients reach the server through a dual-stack IPv6 socket, so that libwrap would
     * see {@code ::ffff:a.b.c.d} (only %-expansions differ): "yes", "no" or "auto" (the default:
     * yes for a listener bound to the wildcard or an IPv6 address, unless java.net.preferIPv4Stack).
     */
    public void setIpv6Listener(String mode) {
        switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> ipv6Listener = null;
            case "yes", "true" -> ipv6Listener = Boolean.TRUE;
            case "no", "false" -> ipv6Listener = Boolean.FALSE;
            default -> throw new IllegalArgumentException("ipv6Listener must be yes, no or auto: " + mode);
        }
    }

    public void setIdentTimeoutSeconds(int seconds) {
        this.identTimeout = Duration.ofSeconds(seconds);
    }

    /** Kill spawn, aclexec and twist commands after this long (libwrap waits forever; 0 = forever). */
    public void setCommandTimeoutSeconds(int seconds) {
        this.commandLimit = seconds <= 0 ? null : Duration.ofSeconds(seconds);
    }

    private HostsAccess access() {
        HostsAccess current = access;
        if (current == null) {
            synchronized (this) {
                if (access == null) {
                    access = HostsAccess.builder().allowFile(allowFile).denyFile(denyFile)
                            .identTimeout(identTimeout).shell(new SystemShell(commandLimit)).build();
                }
                current = access;
            }
        }
        return current;
    }

    @Override
    public void init(FtpletContext ftpletContext) {
        this.context = ftpletContext;
        access();
    }

    @Override
    public void destroy() {
    }

    @Override
    public FtpletResult onConnect(FtpSession session) throws FtpException, IOException {
        ClientInfo client = ClientInfo.of(session.getClientAddress(), session.getServerAddress())
                .withIpv6Listener(dualStack(session));
        HostsAccess hostsAccess = access();
        Verdict verdict = hostsAccess.decide(daemon, client);
        byte[] banner = verdict.banner();
        if (banner.length > 0) {
            session.write(new TextReply(220, new String(banner, StandardCharsets.UTF_8)));
        }
        switch (verdict.access()) {
            case ALLOW:
                session.setAttribute(VERDICT_ATTRIBUTE, verdict);
                return FtpletResult.DEFAULT;
            case DENY:
                LOG.info("CONNECT: Client \"{}\", \"Connection refused: tcp_wrappers denial.\" ({})",
                        client.client().getAddress().getHostAddress(), verdict);
                session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
                        "Service not available."));
                return FtpletResult.DISCONNECT;
            case TWIST:
                LOG.info("twist {} to {}", client.client().getAddress().getHostAddress(), verdict.twistCommand());
                try (OutputStream toClient = new ReplyStream(session)) {
                    new SystemShell(commandLimit).runAttached(verdict.twistCommand(), verdict.environment(), toClient);
                }
                return FtpletResult.DISCONNECT;
            case DROP:
            default:
                return FtpletResult.DISCONNECT;
        }
    }

    private boolean dualStack(FtpSession session) {
        if (ipv6Listener != null) {
            return ipv6Listener;
        }
        if (Boolean.getBoolean("java.net.preferIPv4Stack")) {
            return false;
        }
        if (context instanceof FtpServerContext server && session.getServerAddress() != null) {
            for (Listener listener : server.getListeners().values()) {
                if (listener.getPort() == session.getServerAddress().getPort()) {
                    String bound = listener.getServerAddress();
                    return bound == null || bound.isBlank() || bound.indexOf(':') >= 0;
                }
            }
        }
        return false;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) {
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) {
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onDisconnect(FtpSession session) {
        return FtpletResult.DEFAULT;
    }

    /** A reply whose wire form is exactly its text (no code prefix added). */
    private record TextReply(int code, String text) implements FtpReply {
        @Override
        public int getCode() {
            return code;
        }

        @Override
        public String getMessage() {
            return text;
        }

        @Override
        public long getSentTime() {
            return 0;
        }

        @Override
        public boolean isPositive() {
            return code < 400;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The twist command's output, written to the client as it comes, on UTF-8 boundaries. */
    private static final class ReplyStream extends OutputStream {
        private final FtpSession session;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        ReplyStream(FtpSession session) {
            this.session = session;
        }

        @Override
        public void write(int b) throws IOException {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            pending.write(b, off, len);
            if (pending.size() >= 4096) {
                send(false);
            }
        }

        @Override
        public void flush() throws IOException {
            send(false);
        }

        @Override
        public void close() throws IOException {
            send(true);
        }

        private void send(boolean all) throws IOException {
            byte[] bytes = pending.toByteArray();
            int end = all ? bytes.length : completeUtf8Prefix(bytes);
            if (end == 0) {
                return;
            }
            pending.reset();
            pending.write(bytes, end, bytes.length - end);
            try {
                session.write(new TextReply(220, new String(bytes, 0, end, StandardCharsets.UTF_8)));
            } catch (FtpException e) {
                throw new IOException(e);
            }
        }

        /** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
        private static int completeUtf8Prefix(byte[] b) {
            int n = b.length;
            for (int back = 1; back <= Math.min(3, n); back++) {
                int c = b[n - back] & 0xFF;
                if (c < 0x80) {
                    return n;
                }
                if (c >= 0xC0) {
                    int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                    return need > back ? n - back : n;
                }
            }
            return n;
        }
    }
}
