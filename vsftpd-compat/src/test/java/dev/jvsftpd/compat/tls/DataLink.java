package dev.jvsftpd.compat.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * The client side of a TLS data connection, driven through an SSLEngine. An SSLEngine can be
 * told the control connection's host and port, which is the key the JVM's client session cache
 * uses, so it offers the control session for resumption as FileZilla, curl and lftp do; a layered
 * SSLSocket would look the data port up instead. It also lets a test end the connection with or
 * without a TLS close_notify.
 */
final class DataLink implements AutoCloseable {
    private final Socket socket;
    private final SSLEngine engine;
    private final InputStream in;
    private final OutputStream out;
    private ByteBuffer netIn;
    private final ByteBuffer appIn;
    private boolean holdLastFlight;

    DataLink(Socket socket, SSLEngine engine) throws IOException {
        this.socket = socket;
        this.engine = engine;
        this.in = socket.getInputStream();
        this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        netIn.flip();
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize() * 2);
        appIn.flip();
    }

    /**
     * Keeps the client's last handshake flight (its Finished) back until the next write, so the
     * two arrive together as fast clients send them.
     */
    DataLink holdLastFlight() {
        holdLastFlight = true;
        return this;
    }

    void handshake() throws IOException {
        engine.beginHandshake();
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> wrap(ByteBuffer.allocate(0));
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (unwrap() < 0) {
                        throw new SSLException("the server closed during the handshake");
                    }
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** Reads until the server's close_notify; the bytes received. */
    String readAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            if (appIn.hasRemaining()) {
                byte[] chunk = new byte[appIn.remaining()];
                appIn.get(chunk);
                all.writeBytes(chunk);
            }
            if (engine.isInboundDone() || unwrap() < 0) {
                return all.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
    }

    /**
     * Sends a command on a control connection run through this link and returns the first reply
     * line; when TLS breaks down instead, "clear: " and what the server wrote in clear.
     */
    String command(String line) throws IOException {
        try {
            write(line + "\r\n");
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            while (!reply.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("\r\n")) {
                if (appIn.hasRemaining()) {
                    byte[] chunk = new byte[appIn.remaining()];
                    appIn.get(chunk);
                    reply.writeBytes(chunk);
                } else if (unwrap() < 0) {
                    return "<EOF>";
                }
            }
            String text = reply.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            return text.substring(0, text.indexOf("\r\n"));
        } catch (SSLException e) {
            return "clear: " + rawRest();
        }
    }

    /** The bytes not yet given to the engine and the rest of the stream, as text. */
    String rawRest() throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.write(netIn.array(), netIn.position(), netIn.remaining());
        try {
            rest.writeBytes(in.readAllBytes());
        } catch (IOException e) {
            // a reset after the last bytes: what came is what counts
        }
        return rest.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    void write(String text) throws IOException {
        wrap(ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    /** A proper end: close_notify, then TCP. */
    void closeNotify() throws IOException {
        engine.closeOutbound();
        while (!engine.isOutboundDone()) {
            wrap(ByteBuffer.allocate(0));
        }
        socket.shutdownOutput();
    }

    /** TCP FIN without a TLS close_notify: a truncation as far as TLS can tell. */
    void finWithoutCloseNotify() throws IOException {
        socket.shutdownOutput();
    }

    private void wrap(ByteBuffer data) throws IOException {
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        do {
            net.clear();
            SSLEngineResult result = engine.wrap(data, net);
            net.flip();
            out.write(net.array(), 0, net.limit());
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                break;
            }
        } while (data.hasRemaining());
        SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
        boolean lastFlight = status == SSLEngineResult.HandshakeStatus.FINISHED
                || status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;
        if (holdLastFlight && lastFlight && data.capacity() == 0) {
            holdLastFlight = false;
            return;
        }
        out.flush();
    }

    /** Unwraps one record into appIn; -1 at end of stream or once the engine is closed. */
    private int unwrap() throws IOException {
        while (true) {
            appIn.compact();
            SSLEngineResult result = engine.unwrap(netIn, appIn);
            appIn.flip();
            switch (result.getStatus()) {
                case OK -> {
                    return result.bytesProduced();
                }
                case CLOSED -> {
                    return -1;
                }
                case BUFFER_UNDERFLOW -> {
                    netIn.compact();
                    if (netIn.remaining() == 0) {
                        ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2);
                        netIn.flip();
                        bigger.put(netIn);
                        netIn = bigger;
                    }
                    int n = in.read(netIn.array(), netIn.position(), netIn.remaining());
                    if (n < 0) {
                        netIn.flip();
                        return -1;
                    }
                    netIn.position(netIn.position() + n);
                    netIn.flip();
                }
                default -> throw new SSLException("unexpected " + result);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
