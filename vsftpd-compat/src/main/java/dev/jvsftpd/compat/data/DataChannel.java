package dev.jvsftpd.compat.data;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

/**
 * One session's data connection, set up by PASV/EPSV or PORT/EPRT and used by one transfer.
 * jvsftpd does this itself rather than through FtpServer's IODataConnectionFactory because
 * vsftpd's rules need what that class hides: a separate accept timeout, the offending address of
 * a passive connection from another host ({@code 425 Security: Bad IP connecting.}), and a fixed
 * source port (connect_from_port_20) that does not break concurrent transfers.
 */
public final class DataChannel implements Closeable {
    /** vsftpd retries a busy passive port this many times. */
    private static final int BIND_ATTEMPTS = 9;

    private final DataSettings settings;
    private final IntPredicate mayListenOn;
    private final IntPredicate mayConnectTo;
    private ServerSocket listening;
    private InetSocketAddress activeTarget;

    /**
     * @param mayListenOn  whether a passive port may be bound (SELinux's name_bind), else it is
     *                     skipped like a port the kernel refused
     * @param mayConnectTo whether an active connection to a client port may be made (name_connect)
     */
    public DataChannel(DataSettings settings, IntPredicate mayListenOn, IntPredicate mayConnectTo) {
        this.settings = settings;
        this.mayListenOn = mayListenOn;
        this.mayConnectTo = mayConnectTo;
    }

    /** The data-connection directives this channel follows. */
    public DataSettings settings() {
        return settings;
    }

    /** Every passive port tried was refused by policy: vsftpd gives up the session there. */
    public static final class BindRefused extends IOException {
        BindRefused() {
            super("no passive port could be bound");
        }
    }

    /** Thrown when a passive connection arrives from a host other than the control client. */
    public static final class BadIpException extends IOException {
        BadIpException(InetAddress from) {
            super("data connection from " + from.getHostAddress() + " refused: not the control connection's host");
        }
    }

    /** PASV/EPSV: listens on {@code local} on a random port of the passive range. */
    public int listen(InetAddress local) throws IOException {
        close();
        int span = settings.pasvMaxPort() - settings.pasvMinPort() + 1;
        IOException last = null;
        for (int attempt = 0; attempt < Math.min(BIND_ATTEMPTS, span); attempt++) {
            int port = settings.pasvMinPort() + ThreadLocalRandom.current().nextInt(span);
            if (!mayListenOn.test(port)) {
                last = new BindRefused();
                continue;
            }
            ServerSocket socket = new ServerSocket();
            try {
                socket.bind(new InetSocketAddress(local, port), 1);
                listening = socket;
                return port;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException("empty passive port range");
    }

    /** PORT/EPRT: the next transfer connects to {@code target}. */
    public void connectTo(InetSocketAddress target) {
        close();
        activeTarget = target;
    }

    public boolean ready() {
        return listening != null || activeTarget != null;
    }

    /**
     * Opens the connection for a transfer: accepts the client (passive) or connects to it
     * (active). The channel is spent afterwards, as in vsftpd.
     *
     * @param client   the control connection's peer, for the passive address check
     * @param local    the control connection's local address, the source of active connections
     */
    public Socket open(InetAddress client, InetAddress local) throws IOException {
        try {
            return listening != null ? accept(client) : connect(local);
        } finally {
            close();
        }
    }

    private Socket accept(InetAddress client) throws IOException {
        listening.setSoTimeout(settings.acceptTimeoutMillis());
        Socket socket;
        try {
            socket = listening.accept();
        } catch (SocketTimeoutException e) {
            throw new IOException("no data connection within accept_timeout", e);
        }
        if (!settings.pasvPromiscuous() && !Addresses.sameHost(socket.getInetAddress(), client)) {
            InetAddress from = socket.getInetAddress();
            socket.close();
            throw new BadIpException(from);
        }
        return socket;
    }

    private Socket connect(InetAddress local) throws IOException {
        Socket socket = new Socket();
        try {
            if (settings.activeSourcePort() > 0) {
                // SO_REUSEADDR lets concurrent sessions all connect from port 20, as vsftpd does.
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(local, settings.activeSourcePort()));
            }
            if (!mayConnectTo.test(activeTarget.getPort())) {
                throw new IOException("connecting to port " + activeTarget.getPort() + " refused by policy");
            }
            socket.connect(activeTarget, settings.connectTimeoutMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        activeTarget = null;
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException e) {
                // nothing to release beyond the socket itself
            }
            listening = null;
        }
    }
}
