package dev.jvsftpd.compat.tls;

import java.security.cert.Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * One FTP session's TLS state, in an IoSession attribute like the rest of the session state:
 * whether the control connection is protected (vsftpd's control_use_ssl), whether data
 * connections will be (data_use_ssl: PROT P, or AUTH SSL / AUTH TLS-P), and the session's own
 * TLS context once AUTH or implicit TLS started.
 */
public final class FtpsState {
    private static final String ATTRIBUTE = FtpsState.class.getName();

    private volatile ServerTls server;
    private volatile SSLContext context;
    private volatile boolean dataProtected;

    public static FtpsState of(IoSession session) {
        FtpsState state = (FtpsState) session.getAttribute(ATTRIBUTE);
        if (state == null) {
            state = new FtpsState();
            FtpsState raced = (FtpsState) session.setAttributeIfAbsent(ATTRIBUTE, state);
            state = raced != null ? raced : state;
        }
        return state;
    }

    /** Called when TLS starts on the control connection. */
    void protectControl(ServerTls server, SSLContext context) {
        this.server = server;
        this.context = context;
    }

    /** "Control connection is encrypted" (STAT); only then are PBSZ and PROT accepted. */
    public boolean controlProtected() {
        return context != null;
    }

    /** "Data connections will be encrypted" (STAT). */
    public boolean dataProtected() {
        return dataProtected;
    }

    public void dataProtected(boolean on) {
        this.dataProtected = on;
    }

    ServerTls server() {
        return server;
    }

    SSLContext context() {
        return context;
    }

    /** The control connection's TLS session, once its handshake is done. */
    public static Optional<SSLSession> controlSession(IoSession session) {
        return Optional.ofNullable((SSLSession) session.getAttribute(SslFilter.SSL_SECURED));
    }

    /** The certificate the client gave on a TLS session, if any. */
    static Optional<Certificate> clientCertificate(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length == 0 ? Optional.empty() : Optional.of(chain[0]);
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /** vsftpd's debug_ssl line after a handshake. */
    static String describe(SSLSession session, boolean reused) {
        return "SSL version: " + session.getProtocol() + ", SSL cipher: " + session.getCipherSuite()
                + (reused ? ", reused" : ", not reused")
                + (clientCertificate(session).isPresent() ? ", CERT PRESENTED" : ", no cert");
    }
}
