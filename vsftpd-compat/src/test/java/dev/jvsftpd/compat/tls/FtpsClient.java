package dev.jvsftpd.compat.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A control connection that sends exact lines and can start TLS on itself and on data
 * connections, resuming the control session or not: what Commons Net's FTPSClient cannot do.
 */
final class FtpsClient implements AutoCloseable {
    final int port;
    final SSLContext tls;
    private final Socket plain;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    FtpsClient(int port, SSLContext tls) throws IOException {
        this.port = port;
        this.tls = tls;
        this.plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        plain.setSoTimeout(10_000);
        use(plain);
    }

    /** A client context trusting the test CA, with a client certificate when {@code cert} is given. */
    static SSLContext context(TestPki pki, String cert, String protocol) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", ServerCredentials.load("RSA", pki.path("ca.pem"), pki.path("ca.key")).chain().get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        KeyManagerFactory keys = null;
        if (cert != null) {
            ServerCredentials client = ServerCredentials.load("RSA", pki.path(cert + ".pem"), pki.path(cert + ".key"));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("me", client.key(), "x".toCharArray(), client.chain().toArray(new X509Certificate[0]));
            keys = KeyManagerFactory.getInstance("SunX509");
            keys.init(store, "x".toCharArray());
        }
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    /** The next reply, multi-line ones joined with \n; "<EOF>" when the server hung up. */
    String reply() throws IOException {
        String first = line();
        if (first == null) {
            return "<EOF>";
        }
        StringBuilder all = new StringBuilder(first);
        if (first.length() > 3 && first.charAt(3) == '-') {
            String end = first.substring(0, 3) + " ";
            String next;
            do {
                next = line();
                if (next == null) {
                    return all.append("\n<EOF>").toString();
                }
                all.append('\n').append(next);
            } while (!next.startsWith(end));
        }
        return all.toString();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
        } catch (IOException e) {
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    String send(String command) throws IOException {
        write(command);
        return reply();
    }

    void write(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Starts TLS on the control connection (after 234, or at once on an implicit port). */
    FtpsClient startTls() throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
        secure.setUseClientMode(true);
        secure.startHandshake();
        use(secure);
        return this;
    }

    /** AUTH TLS, the handshake, and an anonymous login. */
    FtpsClient anonymousOverTls() throws IOException {
        reply();
        expect("234 Proceed with negotiation.", send("AUTH TLS"));
        startTls();
        send("USER ftp");
        expect("230 Login successful.", send("PASS x"));
        return this;
    }

    int epsv() throws IOException {
        String reply = send("EPSV");
        expect("229 ", reply.substring(0, 4));
        return Integer.parseInt(reply.replaceAll(".*\\|\\|\\|(\\d+)\\|\\)", "$1"));
    }

    /**
     * A TLS data connection to {@code dataPort}; with {@code resume} the engine is named after the
     * control connection, so the JVM offers the control session for resumption.
     */
    DataLink secureData(int dataPort, boolean resume) throws Exception {
        Socket data = new Socket();
        data.connect(new InetSocketAddress("127.0.0.1", dataPort), 5000);
        data.setSoTimeout(10_000);
        SSLContext context = resume ? tls : context(TestPki.shared(), null, "TLS");
        javax.net.ssl.SSLEngine engine = context.createSSLEngine("127.0.0.1", port);
        engine.setUseClientMode(true);
        return new DataLink(data, engine);
    }

    Socket raw() {
        return socket;
    }

    static void expect(String expected, String actual) throws IOException {
        if (!actual.startsWith(expected)) {
            throw new IOException("expected " + expected + " but got " + actual);
        }
    }

    @Override
    public void close() throws IOException {
        plain.close();
    }
}
