package dev.jvsftpd.compat.log;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What vsftpd's {@code openlog("vsftpd", LOG_PID|LOG_NDELAY, LOG_FTP)} plus {@code syslog()}
 * put on the local syslog socket, as glibc frames it: {@code <PRI>Mmm dd hh:mm:ss vsftpd[pid]: text}.
 *
 * <p>Limitation: Java 17 has Unix-domain <em>stream</em> sockets only, so this connects a stream
 * socket and ends each message with NUL (glibc's own framing when it falls back to a stream).
 * journald's and rsyslog's /dev/log are datagram sockets and refuse the connection; then, as when
 * the socket is missing, lines are dropped after one warning per JVM.
 */
final class Syslog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Syslog.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** LOG_FTP: vsftpd prefers it to LOG_DAEMON wherever it exists; Debian's binary sends <94>/<92>. */
    static final int FACILITY_FTP = 11;
    static final int LOG_WARNING = 4;
    static final int LOG_INFO = 6;
    // glibc's "%h %e %T": English month, space-padded day, no year.
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.US);

    private final Path socket;
    private final long pid;
    private final Clock clock;
    private SocketChannel channel;

    Syslog(Path socket, long pid, Clock clock) {
        this.socket = socket;
        this.pid = pid;
        this.clock = clock;
        connect(); // LOG_NDELAY: connect now, while the socket path is still reachable
    }

    /** The message bytes for one line, without the stream terminator. */
    static String message(String text, boolean warning, Instant now, ZoneId zone, long pid) {
        int priority = FACILITY_FTP * 8 + (warning ? LOG_WARNING : LOG_INFO);
        return "<" + priority + ">" + DATE.format(now.atZone(zone)) + " vsftpd[" + pid + "]: " + text;
    }

    /** Sends one line; vsftpd does not replace unprintable bytes on this path. Never throws. */
    synchronized void send(String text, boolean warning) {
        byte[] body = message(text, warning, clock.instant(), clock.getZone(), pid).getBytes(StandardCharsets.UTF_8);
        ByteBuffer framed = ByteBuffer.allocate(body.length + 1).put(body).put((byte) 0).flip();
        // One reconnect, as glibc does when the syslog daemon was restarted.
        for (int attempt = 0; attempt < 2; attempt++) {
            if (channel == null && !connect()) {
                return;
            }
            try {
                framed.rewind();
                while (framed.hasRemaining()) {
                    channel.write(framed);
                }
                return;
            } catch (IOException e) {
                close();
            }
        }
    }

    private boolean connect() {
        try {
            SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                opened.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                opened.close();
                throw e;
            }
            channel = opened;
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            if (WARNED.compareAndSet(false, true)) {
                if (!Files.exists(socket)) {
                    LOG.warn("syslog_enable=YES but {} does not exist: syslog lines are dropped", socket);
                } else {
                    LOG.warn("syslog_enable=YES but {} does not accept a stream connection ({}); Java 17 cannot send"
                            + " Unix datagrams, so syslog lines are dropped", socket, e.toString());
                }
            }
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing left to do with a broken log socket.
            }
            channel = null;
        }
    }
}
