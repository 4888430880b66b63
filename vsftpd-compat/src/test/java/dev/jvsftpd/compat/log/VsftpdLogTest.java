package dev.jvsftpd.compat.log;

import static dev.jvsftpd.compat.log.Events.IP;
import static dev.jvsftpd.compat.log.Events.SAMPLE_TIME;
import static dev.jvsftpd.compat.log.Events.UTC;
import static dev.jvsftpd.compat.log.Events.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.ConfigParser;
import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.log.TransferEvent.Direction;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VsftpdLogTest {
    private static final Clock CLOCK = Clock.fixed(SAMPLE_TIME, UTC);
    private static final long PID = 4242;
    private static final TransferEvent DOWNLOAD = anonymous(Direction.DOWNLOAD, true, "joe user@x", "/pub/p.txt",
            true, 8, SAMPLE_TIME, SAMPLE_TIME);

    @TempDir
    Path dir;

    private Path xferlog;
    private Path vsftpdLog;
    private Path syslogPath;
    private ServerSocketChannel syslogServer;

    @BeforeEach
    void setUp() throws IOException {
        xferlog = dir.resolve("xferlog");
        vsftpdLog = dir.resolve("vsftpd.log");
        syslogPath = dir.resolve("log.sock");
        syslogServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        syslogServer.bind(UnixDomainSocketAddress.of(syslogPath));
        syslogServer.configureBlocking(false);
    }

    @AfterEach
    void tearDown() throws IOException {
        syslogServer.close();
    }

    /** The rows of reference section 11, every combination spelled out rather than recomputed. */
    @ParameterizedTest(name = "xferlog_enable={0} xferlog_std_format={1} dual_log_enable={2} syslog_enable={3}")
    @CsvSource({
            // xfer, std, dual, syslog -> xferlog file, vsftpd file, syslog
            "NO,  NO,  NO,  NO,  false, false, false",
            "NO,  YES, NO,  NO,  false, false, false",
            "NO,  NO,  YES, NO,  true,  true,  false",
            "NO,  YES, YES, NO,  true,  true,  false",
            "YES, NO,  NO,  NO,  false, true,  false",
            "YES, YES, NO,  NO,  true,  false, false",
            "YES, NO,  YES, NO,  true,  true,  false",
            "YES, YES, YES, NO,  true,  true,  false",
            "NO,  NO,  NO,  YES, false, false, true",
            "NO,  YES, NO,  YES, false, false, true",
            "NO,  NO,  YES, YES, true,  false, true",
            "NO,  YES, YES, YES, true,  false, true",
            "YES, NO,  NO,  YES, false, false, true",
            "YES, YES, NO,  YES, true,  false, true",
            "YES, NO,  YES, YES, true,  false, true",
            "YES, YES, YES, YES, true,  false, true"})
    void sinkTable(String xfer, String std, String dual, String syslog, boolean wantXferlog, boolean wantVsftpdLog,
            boolean wantSyslog) throws IOException {
        try (VsftpdLog log = open("xferlog_enable=" + xfer, "xferlog_std_format=" + std, "dual_log_enable=" + dual,
                "syslog_enable=" + syslog)) {
            assertEquals(wantXferlog, log.writesXferlog());
            assertEquals(wantVsftpdLog, log.writesVsftpdLog());
            assertEquals(wantSyslog, log.writesSyslog());
            log.log(SessionEvent.connect(IP));
            log.log(SessionEvent.login(IP, "bob", false, null));
            log.log(DOWNLOAD);
        }

        if (wantXferlog) {
            assertEquals("Sat Nov 21 05:17:39 2026 1 127.0.0.1 8 /pub/p.txt a _ o a joe_user@x ftp 0 * c\n",
                    Files.readString(xferlog));
            assertEquals("rw-------", mode(xferlog));
        } else {
            assertFalse(Files.exists(xferlog));
        }
        if (wantVsftpdLog) {
            assertEquals("Sat Nov 21 05:17:39 2026 [pid 4242] CONNECT: Client \"127.0.0.1\"\n"
                    + "Sat Nov 21 05:17:39 2026 [pid 4242] [bob] FAIL LOGIN: Client \"127.0.0.1\"\n"
                    + "Sat Nov 21 05:17:39 2026 [pid 4242] [ftp] OK DOWNLOAD: Client \"127.0.0.1\", \"/pub/p.txt\", "
                    + "8 bytes, 0.08Kbyte/sec\n", Files.readString(vsftpdLog));
            assertEquals("rw-------", mode(vsftpdLog));
        } else {
            assertFalse(Files.exists(vsftpdLog));
        }
        SocketChannel connection = syslogServer.accept();
        if (wantSyslog) {
            assertNotNull(connection, "the sink connects when it opens, as LOG_NDELAY does");
            // Facility LOG_FTP: info is <94>, warning <92>, as Debian's vsftpd sends them.
            assertEquals(List.of(
                    "<94>Nov 21 05:17:39 vsftpd[4242]: CONNECT: Client \"127.0.0.1\"",
                    "<92>Nov 21 05:17:39 vsftpd[4242]: [bob] FAIL LOGIN: Client \"127.0.0.1\"",
                    "<94>Nov 21 05:17:39 vsftpd[4242]: [ftp] OK DOWNLOAD: Client \"127.0.0.1\", \"/pub/p.txt\", "
                            + "8 bytes, 0.08Kbyte/sec"), syslogMessages(connection));
        } else {
            assertNull(connection);
        }
    }

    @Test
    void appendsToAnExistingFileAndKeepsItsMode() throws IOException {
        Files.writeString(xferlog, "old line\n");
        Files.setPosixFilePermissions(xferlog, PosixFilePermissions.fromString("rw-r--r--"));
        try (VsftpdLog log = open("xferlog_enable=YES", "xferlog_std_format=YES")) {
            log.log(DOWNLOAD);
        }
        try (VsftpdLog log = open("xferlog_enable=YES", "xferlog_std_format=YES")) {
            log.log(DOWNLOAD);
        }
        String line = "Sat Nov 21 05:17:39 2026 1 127.0.0.1 8 /pub/p.txt a _ o a joe_user@x ftp 0 * c\n";
        assertEquals("old line\n" + line + line, Files.readString(xferlog));
        assertEquals("rw-r--r--", mode(xferlog));
    }

    @Test
    void unprintableBytesBecomeQuestionMarksInFilesButNotInSyslog() throws IOException {
        String path = "/caf\u00e9\t.txt";
        TransferEvent e = anonymous(Direction.DOWNLOAD, false, "a b", path, false, 0, SAMPLE_TIME, SAMPLE_TIME);
        try (VsftpdLog log = open("dual_log_enable=YES", "syslog_enable=YES")) {
            log.log(e);
        }
        assertEquals("Sat Nov 21 05:17:39 2026 1 127.0.0.1 0 /caf???.txt b _ o a a_b ftp 0 * i\n",
                Files.readString(xferlog));
        // vsftpd replaces bytes only when writing files; syslog gets the text as it is.
        assertEquals(List.of("<94>Nov 21 05:17:39 vsftpd[4242]: [ftp] FAIL DOWNLOAD: Client \"127.0.0.1\", \""
                + path + "\", 0.00Kbyte/sec"), syslogMessages(syslogServer.accept()));
    }

    @Test
    void protocolLinesOnlyWithLogFtpProtocol() throws IOException {
        try (VsftpdLog log = open("xferlog_enable=YES")) {
            assertFalse(log.logsProtocol());
            log.log(SessionEvent.ftpCommand(IP, null, "USER bob"));
        }
        try (VsftpdLog log = open("xferlog_enable=YES", "xferlog_std_format=YES", "log_ftp_protocol=YES")) {
            assertFalse(log.logsProtocol(), "the xferlog file never gets protocol lines");
        }
        assertEquals("", Files.readString(vsftpdLog));
        try (VsftpdLog log = open("xferlog_enable=YES", "log_ftp_protocol=YES")) {
            assertTrue(log.logsProtocol());
            log.log(SessionEvent.ftpCommand(IP, null, "USER bob"));
            log.log(SessionEvent.ftpResponse(IP, "bob", "331 Please specify the password."));
        }
        assertEquals("Sat Nov 21 05:17:39 2026 [pid 4242] FTP command: Client \"127.0.0.1\", \"USER bob\"\n"
                + "Sat Nov 21 05:17:39 2026 [pid 4242] [bob] FTP response: Client \"127.0.0.1\", "
                + "\"331 Please specify the password.\"\n", Files.readString(vsftpdLog));
    }

    @Test
    void openErrorsAreVsftpdsOops() {
        Path missing = dir.resolve("no-such-dir");
        OopsException xfer = assertThrows(OopsException.class, () -> open("xferlog_enable=YES",
                "xferlog_std_format=YES", "xferlog_file=" + missing.resolve("x.log")));
        assertEquals("500 OOPS: failed to open xferlog log file:" + missing.resolve("x.log"), xfer.oopsLine());
        assertTrue(xfer.detail().isPresent());

        OopsException vs = assertThrows(OopsException.class, () -> open("xferlog_enable=YES",
                "vsftpd_log_file=" + missing.resolve("v.log")));
        assertEquals("failed to open vsftpd log file:" + missing.resolve("v.log"), vs.vsftpdText());

        // Both broken: vsftpd opens, and so reports, the xferlog file first.
        OopsException both = assertThrows(OopsException.class, () -> open("dual_log_enable=YES",
                "xferlog_file=" + missing.resolve("x.log"), "vsftpd_log_file=" + missing.resolve("v.log")));
        assertEquals("failed to open xferlog log file:" + missing.resolve("x.log"), both.vsftpdText());

        // Debian's binary answers an empty xferlog_file= with this text.
        OopsException empty = assertThrows(OopsException.class, () -> open("dual_log_enable=YES", "xferlog_file="));
        assertEquals("failed to open xferlog log file:(null)", empty.vsftpdText());

        // A directory cannot be opened for appending.
        OopsException directory = assertThrows(OopsException.class, () -> open("xferlog_enable=YES",
                "vsftpd_log_file=" + dir));
        assertEquals("failed to open vsftpd log file:" + dir, directory.vsftpdText());
    }

    @Test
    void missingSyslogSocketDropsLinesQuietly() throws IOException {
        try (VsftpdLog log = VsftpdLog.open(config("syslog_enable=YES"), PID, CLOCK, dir.resolve("absent"))) {
            assertTrue(log.writesSyslog());
            log.log(SessionEvent.connect(IP));
            log.log(DOWNLOAD);
        }
        // A regular file is no socket either.
        Path plain = Files.writeString(dir.resolve("plain"), "");
        try (VsftpdLog log = VsftpdLog.open(config("syslog_enable=YES"), PID, CLOCK, plain)) {
            log.log(SessionEvent.connect(IP));
        }
        assertEquals("", Files.readString(plain));
    }

    @Test
    void syslogReconnectsOnceWhenTheDaemonWentAway() throws IOException {
        try (VsftpdLog log = open("syslog_enable=YES")) {
            syslogServer.accept().close(); // the daemon restarts
            log.log(SessionEvent.connect(IP));
            SocketChannel second = syslogServer.accept();
            assertNotNull(second);
            log.close();
            assertEquals(List.of("<94>Nov 21 05:17:39 vsftpd[4242]: CONNECT: Client \"127.0.0.1\""),
                    syslogMessages(second));
        }
    }

    @Test
    void nothingIsWrittenAfterClose() throws IOException {
        VsftpdLog log = open("xferlog_enable=YES");
        log.close();
        log.log(SessionEvent.connect(IP));
        log.close();
        assertEquals("", Files.readString(vsftpdLog));
    }

    @Test
    void concurrentSessionsOnOneFileKeepLinesWhole() throws Exception {
        // Two sessions' channels on one file in one JVM: FileChannel.lock alone would throw
        // OverlappingFileLockException here.
        int threads = 8;
        int perThread = 100;
        try (VsftpdLog first = open("xferlog_enable=YES"); VsftpdLog second = open("xferlog_enable=YES")) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                VsftpdLog log = t % 2 == 0 ? first : second;
                String user = "user" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.log(SessionEvent.mkdir(IP, user, true, "/d" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        List<String> lines = Files.readAllLines(vsftpdLog);
        assertEquals(threads * perThread, lines.size());
        for (String line : lines) {
            assertTrue(line.matches("Sat Nov 21 05:17:39 2026 \\[pid 4242\\] \\[user\\d\\] OK MKDIR: "
                    + "Client \"127\\.0\\.0\\.1\", \"/d\\d+\""), line);
        }
    }

    @Test
    void waitsForAnotherProcesssFcntlLockUnlessNoLogLock() throws Exception {
        Files.writeString(vsftpdLog, "");
        try (LockHolder holder = new LockHolder(vsftpdLog);
             VsftpdLog log = open("xferlog_enable=YES")) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> write = pool.submit(() -> log.log(SessionEvent.connect(IP)));
            Thread.sleep(300);
            assertFalse(write.isDone(), "the write must wait for the other process's lock");
            assertEquals("", Files.readString(vsftpdLog));
            holder.release();
            write.get(10, TimeUnit.SECONDS);
            pool.shutdown();
        }
        assertEquals(1, Files.readAllLines(vsftpdLog).size());

        try (LockHolder holder = new LockHolder(vsftpdLog);
             VsftpdLog log = open("xferlog_enable=YES", "no_log_lock=YES")) {
            log.log(SessionEvent.connect(IP)); // would hang with locking
            assertEquals(2, Files.readAllLines(vsftpdLog).size());
        }
    }

    private VsftpdLog open(String... settings) {
        List<String> all = new ArrayList<>(List.of("xferlog_file=" + xferlog, "vsftpd_log_file=" + vsftpdLog));
        all.addAll(Arrays.asList(settings));
        return VsftpdLog.open(config(all.toArray(String[]::new)), PID, CLOCK, syslogPath);
    }

    static VsftpdConfig config(String... settings) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(Dialect.DEBIAN);
        for (String setting : settings) {
            ConfigParser.applySetting(setting, VsftpdConfig.Source.commandLine(), builder);
        }
        return builder.build();
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    /** Reads a syslog connection to its end (the sink closed it) and splits at the NUL terminators. */
    private static List<String> syslogMessages(SocketChannel connection) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try (connection) {
            connection.configureBlocking(true);
            while (connection.read(buffer.clear()) > 0) {
                all.write(buffer.array(), 0, buffer.position());
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\0"), "each message ends with NUL");
        return Arrays.stream(text.split("\0")).collect(Collectors.toList());
    }

    /** A second JVM holding an fcntl write lock on a file until released: locks are per process. */
    private final class LockHolder implements AutoCloseable {
        private final Process process;

        LockHolder(Path file) throws IOException {
            Path source = dir.resolve("Locker.java");
            Files.writeString(source, String.join("\n",
                    "import java.nio.channels.FileChannel;",
                    "import java.nio.file.*;",
                    "public class Locker {",
                    "  public static void main(String[] a) throws Exception {",
                    "    try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);",
                    "         var lock = c.lock()) {",
                    "      System.out.println(\"locked\");",
                    "      System.in.read();",
                    "    }",
                    "  }",
                    "}"));
            String java = ProcessHandle.current().info().command().orElseThrow();
            process = new ProcessBuilder(java, source.toString(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
        }

        void release() throws Exception {
            process.getOutputStream().close();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
