package dev.jvsftpd.compat.tls;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MINA's SslFilter on the control connection, set up as vsftpd sets up its control SSL: its own
 * context per session, vsftpd's protocols and suites, the client certificate request. It also
 * does three things vsftpd does and the plain filter does not:
 * <ul>
 * <li>lets chosen replies through in clear: the {@code 234} to AUTH, which the client must read
 *     before it starts the handshake;</li>
 * <li>answers a failed handshake with {@code 500 OOPS: <reason>} in clear and hangs up (a plain
 *     FTP client on an implicit port, garbage after AUTH, a refused client certificate), instead
 *     of logging a stack trace: the failure costs that connection and nothing else;</li>
 * <li>under debug_ssl, logs the negotiated version and suite.</li>
 * </ul>
 */
public final class ControlTlsFilter extends SslFilter {
    /** The filter's name in the session's chain. */
    public static final String NAME = "jvsftpd-tls";
    /** What vsftpd's idle alarm leaves in OpenSSL's error queue when it cuts a silent handshake short. */
    static final String SILENT_HANDSHAKE = "error:00000000:lib(0)::reason(0)";
    private static final Logger LOG = LoggerFactory.getLogger(ControlTlsFilter.class);

    private final ServerTls server;
    private final SSLParameters parameters;
    private final Set<Object> inClear = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private volatile boolean described;
    /** The OOPS sent after a failed handshake; from then on nothing else may reach the wire. */
    private volatile Object failure;

    private ControlTlsFilter(ServerTls server, SSLContext context) {
        super(context);
        // MINA's default (non-blocking) TLS handler leaves a command that arrives together with
        // the client's TLS 1.3 Finished undelivered until more bytes come; the blocking one does not
        setUseNonBlockingPipeline(false);
        this.server = server;
        this.parameters = server.parameters(context);
    }

    /**
     * AUTH: puts the filter first in the session's chain and lets {@code reply} (the 234) pass it
     * in clear. The caller writes the reply after this returns, so nothing the client sends after
     * reading it can reach the session before the filter.
     */
    public static void startExplicit(IoSession session, ServerTls server, Object reply) {
        ControlTlsFilter filter = install(session, server);
        filter.inClear.add(reply);
        addFirst(session, filter);
    }

    /** implicit_ssl: the handshake comes first, the greeting after it. */
    public static void startImplicit(IoSession session, ServerTls server) {
        addFirst(session, install(session, server));
    }

    /**
     * The filter, right behind it a guard (MINA reports a handshake that fails in one of its
     * delegated tasks, a refused client certificate, to the next filter rather than to this one),
     * and in front of it a gate: when a handshake fails, MINA's TLS handler sometimes writes a
     * buffer of zeros where an alert should be, and after the OOPS nothing may follow it. vsftpd
     * sends its OOPS line and nothing else.
     */
    private static void addFirst(IoSession session, ControlTlsFilter filter) {
        session.getFilterChain().addFirst(NAME, filter);
        session.getFilterChain().addAfter(NAME, NAME + "-guard", filter.new HandshakeGuard());
        session.getFilterChain().addFirst(NAME + "-gate", filter.new OutputGate());
    }

    private final class OutputGate extends IoFilterAdapter {
        @Override
        public void filterWrite(NextFilter next, IoSession session, WriteRequest request) {
            Object sent = failure;
            boolean junk = request.getMessage() instanceof IoBuffer buffer && buffer.hasRemaining()
                    && buffer.get(buffer.position()) == 0;
            if (!junk && (sent == null || request.getOriginalMessage() == sent)) {
                next.filterWrite(session, request);
            } else {
                // a TLS record never starts with 0, nor does an FTP reply
                request.getFuture().setWritten();
            }
        }
    }

    private final class HandshakeGuard extends IoFilterAdapter {
        @Override
        public void exceptionCaught(NextFilter next, IoSession session, Throwable cause) {
            if (cause instanceof SSLException && !session.containsAttribute(SSL_SECURED)) {
                refuse(session, TlsFailure.describe(cause));
            } else {
                next.exceptionCaught(session, cause);
            }
        }
    }

    private static ControlTlsFilter install(IoSession session, ServerTls server) {
        SSLContext context = server.newSessionContext();
        FtpsState.of(session).protectControl(server, context);
        return new ControlTlsFilter(server, context);
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress address) {
        SSLEngine engine = sslContext.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(parameters);
        return engine;
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        if (inClear.remove(request.getOriginalMessage())) {
            next.filterWrite(session, request);
        } else {
            super.filterWrite(next, session, request);
        }
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        boolean secured = session.containsAttribute(SSL_SECURED);
        try {
            super.messageReceived(next, session, message);
        } catch (SSLException | IllegalStateException e) {
            if (secured) {
                // vsftpd's SSL_read fails and the session ends; there is no clear channel left to explain it
                LOG.info("control connection from {}: TLS failed: {}", session.getRemoteAddress(), e.getMessage());
                session.closeNow();
            } else {
                refuse(session, TlsFailure.describe(e));
            }
            return;
        }
        if (!described && server.settings().debug() && session.containsAttribute(SSL_SECURED)) {
            described = true;
            FtpsState.controlSession(session).ifPresent(tls -> LOG.info("DEBUG: Client \"{}\", \"{}\"",
                    ((InetSocketAddress) session.getRemoteAddress()).getAddress().getHostAddress(),
                    FtpsState.describe(tls, false)));
        }
    }

    /** A client that never completes the handshake is cut off at idle_session_timeout, as vsftpd's alarm does. */
    @Override
    public void sessionIdle(NextFilter next, IoSession session, IdleStatus status) throws Exception {
        if (!session.containsAttribute(SSL_SECURED)) {
            refuse(session, SILENT_HANDSHAKE);
            return;
        }
        super.sessionIdle(next, session, status);
    }

    /** vsftpd writes its OOPS in clear when SSL_accept fails, then exits. */
    private void refuse(IoSession session, String reason) {
        if (failure != null || session.isClosing()) {
            return;
        }
        LOG.info("control connection from {}: TLS handshake failed: {}", session.getRemoteAddress(), reason);
        DefaultFtpReply oops = new DefaultFtpReply(500, "OOPS: " + reason);
        failure = oops;
        inClear.add(oops);
        session.write(oops);
        session.closeOnFlush();
    }
}
