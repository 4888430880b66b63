package dev.jvsftpd.compat.tls;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.cert.Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS on a data connection that PROT P (or AUTH SSL) asked for, done the way vsftpd does it
 * after the {@code 150}: a server-side handshake on the accepted or connected socket, with the
 * session's own TLS context, then vsftpd's checks:
 * <ul>
 * <li>require_ssl_reuse: the handshake must have resumed a TLS session of this FTP session. The
 *     JVM says so through the session's creation time: a resumed session (TLS 1.2 session id or
 *     ticket, TLS 1.3 pre-shared key, stateful or stateless) keeps the creation time of the
 *     session it continues, a full handshake creates a new one during the handshake. The
 *     per-session context ({@link ServerTls}) makes sure there is nothing else to resume.</li>
 * <li>a client that showed a certificate on the control connection must show the same one.</li>
 * </ul>
 * Its end follows vsftpd's too: a close_notify is sent, then the peer's is awaited (vsftpd's
 * second SSL_shutdown); a peer that just closes fails the transfer with strict_ssl_write_shutdown,
 * and an upload that ends without close_notify fails with strict_ssl_read_eof.
 */
public final class SecureData implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SecureData.class);

    /** The handshake failed: vsftpd dies with {@code 500 OOPS: <reason>} on the control connection. */
    public static final class HandshakeFailedException extends IOException {
        private final String reason;

        HandshakeFailedException(String reason, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
        }

        /** The text after {@code 500 OOPS: }. */
        public String reason() {
            return reason;
        }
    }

    /** The handshake worked but vsftpd's checks refuse the connection: a {@code 522}. */
    public static final class RefusedException extends IOException {
        private final boolean endsSession;

        RefusedException(String reply, boolean endsSession) {
            super(reply);
            this.endsSession = endsSession;
        }

        /** The text of the 522 reply. */
        public String replyText() {
            return getMessage();
        }

        /** With require_ssl_reuse vsftpd hangs up after the 522. */
        public boolean endsSession() {
            return endsSession;
        }
    }

    private final Socket plain;
    private final EofWatchingSocket watched;
    private final SSLSocket tls;
    private final TlsSettings settings;

    private SecureData(Socket plain, EofWatchingSocket watched, SSLSocket tls, TlsSettings settings) {
        this.plain = plain;
        this.watched = watched;
        this.tls = tls;
        this.settings = settings;
    }

    /**
     * Runs the server side of the handshake on {@code plain} and checks it.
     *
     * @param control the control connection's TLS session (for the certificate comparison)
     * @param client  the client's address, for debug_ssl lines
     */
    public static SecureData accept(Socket plain, FtpsState ftps, Optional<SSLSession> control, String client)
            throws HandshakeFailedException, RefusedException {
        ServerTls server = ftps.server();
        SSLContext context = ftps.context();
        if (server == null) {
            throw new IllegalStateException("data protection without TLS on the control connection");
        }
        TlsSettings settings = server.settings();
        EofWatchingSocket watched;
        SSLSocket tls;
        long started = System.currentTimeMillis();
        try {
            watched = new EofWatchingSocket(plain, settings.data().strictReadEof());
            tls = (SSLSocket) context.getSocketFactory().createSocket(watched,
                    plain.getInetAddress().getHostAddress(), plain.getPort(), true);
            tls.setUseClientMode(false);
            tls.setSSLParameters(server.parameters(context));
            tls.startHandshake();
        } catch (IOException | RuntimeException e) {
            closeQuietly(plain);
            throw new HandshakeFailedException(TlsFailure.describe(e), e);
        }
        SSLSession session = tls.getSession();
        boolean reused = session.getCreationTime() < started;
        debug(settings, client, FtpsState.describe(session, reused));
        Optional<String> refusal = refusal(settings, reused, control.flatMap(FtpsState::clientCertificate),
                FtpsState.clientCertificate(session));
        if (refusal.isPresent()) {
            debug(settings, client, refusal.get());
            closeQuietly(tls);
            boolean fatal = settings.data().requireReuse();
            throw new RefusedException(fatal ? "SSL connection failed: session reuse required"
                    : "SSL connection failed", fatal);
        }
        return new SecureData(plain, watched, tls, settings);
    }

    /**
     * vsftpd's checks after a data handshake, as a pure decision: the reason for refusing, if any.
     * A refused reuse is always fatal-worthy; a certificate mismatch only matters when the control
     * connection showed a certificate.
     */
    static Optional<String> refusal(TlsSettings settings, boolean reused, Optional<Certificate> controlCertificate,
                                    Optional<Certificate> dataCertificate) {
        if (settings.data().requireReuse() && !reused) {
            return Optional.of("No SSL session reuse on data channel.");
        }
        if (controlCertificate.isPresent()) {
            if (dataCertificate.isEmpty()) {
                return Optional.of("Missing cert on data channel.");
            }
            if (!controlCertificate.get().equals(dataCertificate.get())) {
                return Optional.of("DIFFERENT cert on data channel.");
            }
        }
        return Optional.empty();
    }

    /** The protected socket, for the transfer to read from or write to. */
    public Socket socket() {
        return tls;
    }

    /**
     * Ends the connection as vsftpd's ssl_data_close does: sends close_notify and waits for the
     * peer's (the data timeout bounds the wait). Throws when strict_ssl_write_shutdown asks for a
     * proper TLS close and the peer did not give one, or when the socket was closed under us.
     */
    public void finish() throws IOException {
        boolean clean = true;
        try {
            tls.shutdownOutput();
        } catch (IOException e) {
            clean = false;
        }
        try {
            InputStream in = tls.getInputStream();
            byte[] discard = new byte[4096];
            while (in.read(discard) >= 0) {
                // vsftpd's SSL_shutdown discards what still arrives too
            }
            clean &= !watched.sawEof();
        } catch (IOException e) {
            // JSSE closes the socket itself after a failed read; only the data timeout closes it from below
            if (watched.closedUnderneath()) {
                throw e;
            }
            clean = false;
        }
        if (!clean) {
            debug(settings, plain.getInetAddress().getHostAddress(), "DATA connection terminated without SSL shutdown.");
            if (settings.data().strictWriteShutdown()) {
                throw new IOException("the client closed the data connection without a TLS shutdown");
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(plain);
    }

    private static void debug(TlsSettings settings, String client, String line) {
        if (settings.debug()) {
            LOG.info("DEBUG: Client \"{}\", \"{}\"", client, line);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }
}
