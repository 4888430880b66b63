package dev.jvsftpd.compat.log;

import dev.jvsftpd.compat.config.Directives;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * One session's log outputs, chosen from the config as vsftpd does (reference 11):
 * <pre>
 *   xferlog file : (xferlog_enable or dual_log_enable) and (dual_log_enable or xferlog_std_format)
 *   vsftpd file  : (xferlog_enable or dual_log_enable) and (dual_log_enable or not xferlog_std_format)
 *                  and not syslog_enable
 *   syslog       : syslog_enable
 * </pre>
 * The xferlog file gets transfers only; the vsftpd file and syslog get every event. Files are
 * opened when the session starts (with the server's privileges), appended to, and created 0600.
 * Each file line has unprintable bytes replaced by {@code ?} and is written under an exclusive
 * fcntl lock unless no_log_lock. Writing never throws: like vsftpd, a failed lock or write just
 * loses the line. Thread-safe.
 */
public final class VsftpdLog implements AutoCloseable {
    /** The local syslog socket glibc uses. */
    public static final Path DEV_LOG = Path.of("/dev/log");

    // FileChannel.lock() is per JVM and file: two sessions locking the same file at once would get
    // OverlappingFileLockException, and closing one channel drops the process's fcntl locks. So all
    // file writes and closes in this JVM take turns; the fcntl lock is for other processes.
    private static final Object FILE_WRITES = new Object();
    private static final FileAttribute<Set<PosixFilePermission>> MODE_0600 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final long pid;
    private final Clock clock;
    private final boolean lock;
    private final boolean protocol;
    private final FileChannel xferlog;
    private final FileChannel vsftpdLog;
    private final Syslog syslog;
    private boolean closed;

    private VsftpdLog(long pid, Clock clock, boolean lock, boolean protocol, FileChannel xferlog,
            FileChannel vsftpdLog, Syslog syslog) {
        this.pid = pid;
        this.clock = clock;
        this.lock = lock;
        this.protocol = protocol;
        this.xferlog = xferlog;
        this.vsftpdLog = vsftpdLog;
        this.syslog = syslog;
    }

    /**
     * Opens the session's outputs. {@code pid} is what vsftpd prints as {@code [pid N]}:
     * {@code ProcessHandle.current().pid()}.
     *
     * @throws OopsException {@code failed to open xferlog log file:<path>} or
     *                       {@code failed to open vsftpd log file:<path>}, for the session's 500 OOPS
     */
    public static VsftpdLog open(VsftpdConfig config, long pid) {
        return open(config, pid, Clock.systemDefaultZone(), DEV_LOG);
    }

    /** {@link #open(VsftpdConfig, long)} with the time source (and zone) and the syslog socket given. */
    static VsftpdLog open(VsftpdConfig config, long pid, Clock clock, Path syslogSocket) {
        boolean dual = config.bool(Directives.DUAL_LOG_ENABLE);
        boolean std = config.bool(Directives.XFERLOG_STD_FORMAT);
        boolean toSyslog = config.bool(Directives.SYSLOG_ENABLE);
        boolean files = config.bool(Directives.XFERLOG_ENABLE) || dual;

        FileChannel xferlog = null;
        FileChannel vsftpdLog = null;
        // Same order as vsftpd: a session that can open neither reports the xferlog file.
        if (files && (dual || std)) {
            xferlog = openFile(config.string(Directives.XFERLOG_FILE), "failed to open xferlog log file:");
        }
        if (files && (dual || !std) && !toSyslog) {
            try {
                vsftpdLog = openFile(config.string(Directives.VSFTPD_LOG_FILE), "failed to open vsftpd log file:");
            } catch (OopsException e) {
                closeQuietly(xferlog);
                throw e;
            }
        }
        Syslog syslog = toSyslog ? new Syslog(syslogSocket, pid, clock) : null;
        boolean protocol = config.bool(Directives.LOG_FTP_PROTOCOL);
        return new VsftpdLog(pid, clock, !config.bool(Directives.NO_LOG_LOCK), protocol, xferlog, vsftpdLog, syslog);
    }

    /** True if FTP command/response events would be written anywhere; lets callers skip building them. */
    public boolean logsProtocol() {
        return protocol && (vsftpdLog != null || syslog != null);
    }

    public boolean writesXferlog() {
        return xferlog != null;
    }

    public boolean writesVsftpdLog() {
        return vsftpdLog != null;
    }

    public boolean writesSyslog() {
        return syslog != null;
    }

    /** Logs a finished (or failed) transfer attempt. */
    public synchronized void log(TransferEvent e) {
        if (closed) {
            return;
        }
        if (xferlog != null) {
            write(xferlog, XferlogFormat.line(e, clock.getZone()));
        }
        if (vsftpdLog != null) {
            write(vsftpdLog, VsftpdLogFormat.line(e, clock.getZone(), pid));
        }
        if (syslog != null) {
            syslog.send(VsftpdLogFormat.body(e), false);
        }
    }

    /** Logs a session event stamped now; protocol events only with log_ftp_protocol. */
    public synchronized void log(SessionEvent e) {
        if (closed) {
            return;
        }
        boolean protocolEvent = e.what() == SessionEvent.What.FTP_COMMAND || e.what() == SessionEvent.What.FTP_RESPONSE;
        if (protocolEvent && !protocol) {
            return;
        }
        if (vsftpdLog != null) {
            write(vsftpdLog, VsftpdLogFormat.line(e, clock.instant(), clock.getZone(), pid));
        }
        if (syslog != null) {
            // vsftpd raises the priority for failed logins only.
            syslog.send(VsftpdLogFormat.body(e), e.what() == SessionEvent.What.LOGIN && !e.ok());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(xferlog);
        closeQuietly(vsftpdLog);
        if (syslog != null) {
            syslog.close();
        }
    }

    private static FileChannel openFile(String path, String oops) {
        // An empty or unset setting is a null string in vsftpd, and its message says so.
        if (path == null || path.isEmpty()) {
            throw new OopsException(oops + "(null)", "the log file setting is empty");
        }
        try {
            return FileChannel.open(Path.of(path),
                    EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                    MODE_0600);
        } catch (IOException | RuntimeException e) {
            throw new OopsException(oops + path, e.toString());
        }
    }

    private void write(FileChannel channel, String line) {
        byte[] text = LogText.printable(line);
        ByteBuffer buffer = ByteBuffer.allocate(text.length + 1).put(text).put((byte) '\n').flip();
        synchronized (FILE_WRITES) {
            FileLock held = null;
            try {
                if (lock) {
                    held = channel.lock(); // whole file, waits: fcntl F_SETLKW like vsftpd
                }
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException | RuntimeException ignored) {
                // vsftpd drops the line when the lock fails and ignores write errors (disk full).
            } finally {
                if (held != null) {
                    try {
                        held.release();
                    } catch (IOException ignored) {
                        // Closing the channel releases it at the latest.
                    }
                }
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        synchronized (FILE_WRITES) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to do: the session is ending.
            }
        }
    }
}
