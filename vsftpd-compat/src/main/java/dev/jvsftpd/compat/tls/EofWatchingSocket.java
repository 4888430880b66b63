package dev.jvsftpd.compat.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * A data socket as JSSE sees it when it layers TLS over it, watching for the TCP end of stream.
 * JSSE reports a peer that closes without a TLS close_notify the same way as one that sends it
 * (unless the JVM-wide com.sun.net.ssl.requireCloseNotify is set), but vsftpd's
 * strict_ssl_read_eof and strict_ssl_write_shutdown are about exactly that difference. JSSE reads
 * a record at a time and stops at close_notify, so it only ever reads the TCP end of stream when
 * the close_notify did not come.
 */
final class EofWatchingSocket extends Socket {
    private final Socket plain;
    private final InputStream in;
    private volatile boolean sawEof;
    private volatile boolean closedByTls;

    /** @param failAtEof end of stream throws instead (strict_ssl_read_eof: the transfer fails) */
    EofWatchingSocket(Socket plain, boolean failAtEof) throws IOException {
        this.plain = plain;
        InputStream raw = plain.getInputStream();
        this.in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = raw.read(buffer, offset, length);
                if (n < 0) {
                    sawEof = true;
                    if (failAtEof) {
                        throw new IOException("DATA connection terminated without SSL shutdown."
                                + " Buggy client! Integrity of upload cannot be asserted.");
                    }
                }
                return n;
            }

            @Override
            public int available() throws IOException {
                return raw.available();
            }

            @Override
            public void close() throws IOException {
                raw.close();
            }
        };
    }

    /** Whether the socket was closed by someone other than JSSE on top of it: the data timeout. */
    boolean closedUnderneath() {
        return plain.isClosed() && !closedByTls;
    }

    /** Whether the peer's TCP end of stream was read, that is, it closed without close_notify. */
    boolean sawEof() {
        return sawEof;
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return plain.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        closedByTls = true;
        plain.close();
    }

    @Override
    public boolean isClosed() {
        return plain.isClosed();
    }

    @Override
    public boolean isConnected() {
        return plain.isConnected();
    }

    @Override
    public boolean isBound() {
        return plain.isBound();
    }

    @Override
    public void shutdownInput() throws IOException {
        plain.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        plain.shutdownOutput();
    }

    @Override
    public boolean isInputShutdown() {
        return plain.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return plain.isOutputShutdown();
    }

    @Override
    public InetAddress getInetAddress() {
        return plain.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return plain.getLocalAddress();
    }

    @Override
    public int getPort() {
        return plain.getPort();
    }

    @Override
    public int getLocalPort() {
        return plain.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return plain.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return plain.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        plain.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return plain.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        plain.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return plain.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        plain.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return plain.getSoLinger();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        plain.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return plain.getKeepAlive();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        plain.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return plain.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        plain.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return plain.getReceiveBufferSize();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        plain.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return plain.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        plain.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return plain.getReuseAddress();
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        plain.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return plain.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return plain.supportedOptions();
    }

    @Override
    public String toString() {
        return plain.toString();
    }
}
