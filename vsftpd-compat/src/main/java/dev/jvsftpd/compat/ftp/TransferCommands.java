package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.ASCII_DOWNLOAD_ENABLE;
import static dev.jvsftpd.compat.config.Directives.ASCII_UPLOAD_ENABLE;
import static dev.jvsftpd.compat.config.Directives.CHOWN_UPLOADS;
import static dev.jvsftpd.compat.config.Directives.CHOWN_UPLOAD_MODE;
import static dev.jvsftpd.compat.config.Directives.CHOWN_USERNAME;
import static dev.jvsftpd.compat.config.Directives.DELETE_FAILED_UPLOADS;
import static dev.jvsftpd.compat.config.Directives.FILE_OPEN_MODE;
import static dev.jvsftpd.compat.config.Directives.LOCK_UPLOAD_FILES;
import static dev.jvsftpd.compat.config.Directives.TRANS_CHUNK_SIZE;

import dev.jvsftpd.compat.data.DataChannel;
import dev.jvsftpd.compat.data.DataWatchdog;
import dev.jvsftpd.compat.data.FileLocks;
import dev.jvsftpd.compat.data.Transfer;
import dev.jvsftpd.compat.data.Transfer.Conversion;
import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.log.TransferEvent;
import dev.jvsftpd.compat.log.TransferEvent.Access;
import dev.jvsftpd.compat.log.TransferEvent.Direction;
import dev.jvsftpd.compat.policy.FilePolicy;
import dev.jvsftpd.compat.session.SessionState;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.tls.SecureData;
import dev.jvsftpd.compat.unix.FileMode;
import dev.jvsftpd.compat.unix.UnixAccount;
import dev.jvsftpd.compat.unix.UnixFiles;
import dev.jvsftpd.selinux.policy.Operation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** RETR, STOR, APPE and STOU in vsftpd's order: data channel check, file, 150, transfer, 226. */
final class TransferCommands {
    private static final Logger LOG = LoggerFactory.getLogger(TransferCommands.class);

    private TransferCommands() {
    }

    /** What a transfer does once the data socket is open; it reports bytes moved to {@code progress}. */
    @FunctionalInterface
    interface DataWork {
        void run(Socket socket, AtomicLong progress) throws IOException;
    }

    static void retr(Exchange x) {
        if (!dataChannelReady(x)) {
            return;
        }
        SessionState state = x.state();
        VsftpdUser user = x.user();
        boolean convert = state.ascii() && x.config().bool(ASCII_DOWNLOAD_ENABLE);
        if (state.ascii() && state.restOffset() != 0) {
            x.reply(550, "No support for resume of ASCII transfer.");
            return;
        }
        Instant start = Instant.now();
        if (x.downloadRefused(x.argument())) {
            Outcome refused = Outcome.refused(550, "Permission denied.");
            logTransfer(x, Direction.DOWNLOAD, x.argument(), start, refused);
            finish(x, refused);
            return;
        }
        Resolution file = x.resolve(x.argument(), true);
        FileChannel channel = openForReading(x, file).orElse(null);
        if (channel == null) {
            Outcome refused = Outcome.refused(550, "Failed to open file.");
            logTransfer(x, Direction.DOWNLOAD, x.argument(), start, refused);
            finish(x, refused);
            return;
        }
        try (channel; FileLocks.Held lock = lockIfConfigured(x, file.realPath(), true)) {
            long size = channel.size();
            channel.position(Math.min(state.restOffset(), size));
            String opening = "Opening " + (convert ? "ASCII" : "BINARY") + " mode data connection for "
                    + x.argument() + " (" + size + " bytes).";
            Outcome outcome = transfer(x, opening, (socket, progress) -> Transfer.copy(Channels.newInputStream(channel),
                    socket.getOutputStream(), true, user.maxRate(), x.config().uint(TRANS_CHUNK_SIZE),
                    convert ? Conversion.LF_TO_CRLF : Conversion.NONE, progress),
                    "Failure reading local file.", "Failure writing network stream.");
            logTransfer(x, Direction.DOWNLOAD, x.argument(), start, outcome);
            finish(x, outcome);
        } catch (IOException e) {
            x.reply(451, "Failure reading local file.");
        }
    }

    private static Optional<FileChannel> openForReading(Exchange x, Resolution file) {
        if (!file.exists()) {
            return Optional.empty();
        }
        try {
            boolean regular = Files.isRegularFile(file.realPath());
            if (!FilePolicy.mayRead(x.user(), x.config(), FileMode.of(file.realPath()), regular)
                    || !x.selinuxAllows(Operation.READ, file.realPath())) {
                return Optional.empty();
            }
            return Optional.of(FileChannel.open(file.realPath(), StandardOpenOption.READ));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void stor(Exchange x) {
        upload(x, x.argument(), false, false);
    }

    static void appe(Exchange x) {
        upload(x, x.argument(), true, false);
    }

    /** STOU picks a free name: the argument (or STOU), else name.1, name.2 ... */
    static void stou(Exchange x) {
        String base = x.argument().isEmpty() ? "STOU" : x.argument();
        VsftpdUser user = x.user();
        String name = base;
        for (int suffix = 1; suffix <= 999 && x.resolve(name, false).exists();
             suffix++) {
            name = base + "." + suffix;
        }
        upload(x, name, false, true);
    }

    private static void upload(Exchange x, String name, boolean append, boolean unique) {
        if (!dataChannelReady(x)) {
            return;
        }
        SessionState state = x.state();
        VsftpdUser user = x.user();
        Instant start = Instant.now();
        if (x.uploadRefused(name)) {
            Outcome refused = Outcome.refused(550, "Permission denied.");
            logTransfer(x, Direction.UPLOAD, name, start, refused);
            finish(x, refused);
            return;
        }
        Resolution target = x.resolve(name, true);
        FileChannel channel = openForWriting(x, target, append, unique).orElse(null);
        if (channel == null) {
            Outcome refused = Outcome.refused(553, "Could not create file.");
            logTransfer(x, Direction.UPLOAD, name, start, refused);
            finish(x, refused);
            return;
        }
        boolean convert = state.ascii() && x.config().bool(ASCII_UPLOAD_ENABLE);
        try (channel; FileLocks.Held lock = lockIfConfigured(x, target.realPath(), false)) {
            if (append) {
                channel.position(channel.size());
            } else if (state.restOffset() > 0) {
                channel.position(state.restOffset());
            } else {
                channel.truncate(0);
            }
            String opening = unique ? "FILE: " + name : "Ok to send data.";
            Outcome outcome = transfer(x, opening, (socket, progress) -> Transfer.copy(socket.getInputStream(),
                    Channels.newOutputStream(channel), false, user.maxRate(), x.config().uint(TRANS_CHUNK_SIZE),
                    convert ? Conversion.STRIP_CR_BEFORE_LF : Conversion.NONE, progress),
                    "Failure writing to local file.", "Failure reading network stream.");
            if (!outcome.complete() && x.config().bool(DELETE_FAILED_UPLOADS)) {
                Files.deleteIfExists(target.realPath());
            }
            logTransfer(x, Direction.UPLOAD, name, start, outcome);
            finish(x, outcome);
        } catch (IOException e) {
            x.reply(451, "Failure writing to local file.");
        }
    }

    /**
     * Opens the upload target as the session's identity would: a new file gets the identity as
     * owner and file_open_mode less the umask (anonymous chown_uploads: chown_upload_mode and
     * chown_username); an existing one must be writable, and anonymous sessions may only
     * replace files with anon_other_write_enable.
     */
    private static Optional<FileChannel> openForWriting(Exchange x, Resolution target, boolean append,
                                                        boolean unique) {
        VsftpdUser user = x.user();
        if (!target.accessible() || target.virtualPath().equals("/")) {
            return Optional.empty();
        }
        Path path = target.realPath();
        try {
            FileMode directory = FileMode.of(path.getParent());
            boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
            FileMode existing = exists ? FileMode.of(path) : null;
            boolean allowed = append && exists ? FilePolicy.mayAppend(user, existing)
                    : !(unique && exists) && FilePolicy.mayStore(user, x.config(), directory, existing);
            Operation operation = !exists ? Operation.CREATE : append ? Operation.APPEND : Operation.WRITE;
            if (!allowed || !x.selinuxAllows(operation, path)) {
                return Optional.empty();
            }
            if (!exists) {
                createUpload(x, path, directory);
                x.services().selinux().created(path);
            }
            return Optional.of(FileChannel.open(path, StandardOpenOption.WRITE));
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("upload target {} not opened", path, e);
            return Optional.empty();
        }
    }

    private static void createUpload(Exchange x, Path path, FileMode directory) throws IOException {
        VsftpdUser user = x.user();
        int mode = FilePolicy.createMode((int) x.config().uint(FILE_OPEN_MODE), x.state().umask());
        UnixFiles.createFile(path, mode, user.identity(), directory);
        if (user.anonymousRules() && x.config().bool(CHOWN_UPLOADS)) {
            String ownerName = x.config().string(CHOWN_USERNAME);
            UnixAccount owner = x.services().accounts().byName(ownerName == null ? "" : ownerName)
                    .orElseThrow(() -> new IOException("chown_username " + ownerName + " does not exist"));
            UnixFiles.chown(path, owner.uid(), owner.gid());
            UnixFiles.chmod(path, (int) x.config().uint(CHOWN_UPLOAD_MODE));
        }
    }

    /** lock_upload_files: a shared lock for a download, an exclusive one before an upload truncates. */
    private static FileLocks.Held lockIfConfigured(Exchange x, Path file, boolean shared) throws IOException {
        return x.config().bool(LOCK_UPLOAD_FILES) ? FileLocks.lock(file, shared) : FileLocks.NONE;
    }

    /** vsftpd checks for a prepared data channel before anything else. */
    static boolean dataChannelReady(Exchange x) {
        if (x.state().dataChannel() == null || !x.state().dataChannel().ready()) {
            x.reply(425, "Use PORT or PASV first.");
            return false;
        }
        return !TlsCommands.refuseClearData(x);
    }

    /**
     * Opens the data connection, sends the 150, runs the work and answers 226, or vsftpd's
     * failure reply. The channel is spent either way and REST is forgotten.
     */
    /**
     * How a transfer ended: the final reply it earned (not sent yet, so the log line can go first,
     * as in vsftpd) and the bytes that crossed the data connection.
     */
    record Outcome(boolean complete, long bytes, Reply reply, boolean endsSession) {
        static Outcome refused(int code, String text) {
            return new Outcome(false, 0, Reply.of(code, text), false);
        }
    }

    /** Sends the outcome's final reply; a data timeout also ends the session. */
    static void finish(Exchange x, Outcome outcome) {
        x.reply(outcome.reply());
        if (outcome.endsSession()) {
            x.session().closeOnFlush();
        }
    }

    static Outcome transfer(Exchange x, String opening, DataWork work, String localFailure, String networkFailure) {
        return transfer(x, opening, work, "Transfer complete.", localFailure, networkFailure);
    }

    /**
     * Opens the data connection, sends the 150 and runs the work. The channel is spent either way
     * and REST is forgotten.
     */
    static Outcome transfer(Exchange x, String opening, DataWork work, String completed, String localFailure,
                            String networkFailure) {
        SessionState state = x.state();
        DataChannel channel = x.dataChannel();
        Socket socket;
        try {
            socket = channel.open(((InetSocketAddress) x.session().getRemoteAddress()).getAddress(),
                    ((InetSocketAddress) x.session().getLocalAddress()).getAddress());
        } catch (DataChannel.BadIpException e) {
            LOG.warn("{}", e.getMessage());
            state.restOffset(0);
            return Outcome.refused(425, "Security: Bad IP connecting.");
        } catch (IOException e) {
            state.restOffset(0);
            return Outcome.refused(425, "Failed to establish connection.");
        }
        x.reply(150, opening);
        state.runningTransfer(socket);
        DataWatchdog watchdog = new DataWatchdog(socket, channel.settings().dataTimeoutMillis());
        try (socket; watchdog) {
            SecureData secure;
            try {
                secure = TlsCommands.protect(x, socket);
            } catch (SecureData.RefusedException e) {
                return new Outcome(false, 0, Reply.of(522, e.replyText()), e.endsSession());
            } catch (SecureData.HandshakeFailedException e) {
                // vsftpd dies when the data handshake fails
                return new Outcome(false, 0, Reply.of(500, "OOPS: " + e.reason()), true);
            }
            work.run(secure != null ? secure.socket() : socket, watchdog.progress());
            if (secure != null) {
                secure.finish();
            } else {
                socket.shutdownOutput();
            }
            return new Outcome(true, watchdog.progress().get(), Reply.of(226, completed), false);
        } catch (Transfer.LocalFailure e) {
            return new Outcome(false, watchdog.progress().get(), Reply.of(451, localFailure), false);
        } catch (IOException e) {
            return watchdog.fired()
                    ? new Outcome(false, watchdog.progress().get(), Reply.of(421, "Data timeout. Reconnect. Sorry."), true)
                    : new Outcome(false, watchdog.progress().get(), Reply.of(426, networkFailure), false);
        } finally {
            state.runningTransfer(null);
            state.restOffset(0);
        }
    }

    /** One xferlog/vsftpd-log line per RETR/STOR/APPE/STOU attempt, failed ones included. */
    private static void logTransfer(Exchange x, Direction direction, String name, Instant start, Outcome outcome) {
        VsftpdUser user = x.user();
        Access access = switch (user.kind()) {
            case ANONYMOUS -> Access.ANONYMOUS;
            case GUEST -> Access.GUEST;
            case LOCAL -> Access.REAL;
        };
        x.log(new TransferEvent(direction, outcome.complete(), x.clientIp(), x.logUser(), access,
                access == Access.ANONYMOUS ? x.state().anonymousIdentity() : null, x.logPath(name),
                x.state().ascii(), outcome.bytes(), start, Instant.now()));
    }
}
