package dev.jvsftpd.compat.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.log.TransferEvent.Access;
import dev.jvsftpd.compat.log.TransferEvent.Direction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Debian's real vsftpd 3.0.3 (the oracle) on loopback with dual logging and
 * log_ftp_protocol, drives two anonymous sessions (curl, then commons-net), and requires that the
 * formatters, fed the same facts, write the same lines. Only the time and pid come from vsftpd's
 * lines, and the transfer rate (timing-dependent) is masked where it is not 0.00.
 * Runs as root, as CI does; vsftpd must be installed.
 */
class RealVsftpdLogTest {
    private static final Path VSFTPD = Path.of("/usr/sbin/vsftpd");
    private static final String IP = "127.0.0.1";
    private static final String PASSWORD = "joe user@x";
    private static final String IDENTITY = "joe_user@x";
    private static final ZoneId ZONE = ZoneId.systemDefault(); // vsftpd logs local time
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final Pattern VSFTPD_LINE = Pattern.compile("(.{24}) \\[pid (\\d+)\\] (.*)");
    private static final String RATE = "\\d+\\.\\d\\dKbyte/sec$";

    @TempDir
    Path dir;

    private Process vsftpd;

    @AfterEach
    void stopVsftpd() throws InterruptedException {
        if (vsftpd != null) {
            // Only after a failure are sessions left: end them by pid, then the listener, which reaps.
            vsftpd.descendants().forEach(ProcessHandle::destroy);
            vsftpd.destroy();
            if (!vsftpd.waitFor(5, TimeUnit.SECONDS)) {
                vsftpd.destroyForcibly();
            }
        }
    }

    @Test
    void sameLinesAsVsftpd() throws Exception {
        assertTrue(Files.isExecutable(VSFTPD), VSFTPD + " is missing: apt-get install vsftpd");
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("pub.txt"), "0123456789");
        Files.setPosixFilePermissions(root.resolve("pub.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        // Anonymous uploads need a directory the ftp account (created by the vsftpd package) owns.
        Path up = Files.createDirectory(root.resolve("up"));
        UserPrincipal ftp = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("ftp");
        Files.setOwner(up, ftp);
        Path xferlog = dir.resolve("xferlog");
        Path vsftpdLog = dir.resolve("vsftpd.log");
        int port = freePort();
        Path conf = dir.resolve("vsftpd.conf");
        Files.writeString(conf, String.join("\n",
                "listen=YES", "listen_address=127.0.0.1", "listen_port=" + port, "background=NO",
                "anonymous_enable=YES", "anon_root=" + root, "write_enable=YES", "anon_upload_enable=YES",
                "anon_mkdir_write_enable=YES", "anon_other_write_enable=YES",
                "xferlog_enable=YES", "dual_log_enable=YES", "log_ftp_protocol=YES",
                "xferlog_file=" + xferlog, "vsftpd_log_file=" + vsftpdLog, ""));
        vsftpd = new ProcessBuilder(VSFTPD.toString(), conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("vsftpd.out").toFile()).start();
        awaitListening(port);

        // Session 1: a plain download with curl.
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", "-u", "anonymous:" + PASSWORD,
                "-o", dir.resolve("got.txt").toString(), "ftp://127.0.0.1:" + port + "/pub.txt")
                .redirectErrorStream(true).start();
        assertTrue(curl.waitFor(15, TimeUnit.SECONDS));
        assertEquals(0, curl.exitValue(), new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        // Session 2: the other WHATs, a failed download, an ASCII upload with a space in its name.
        FTPClient client = new FTPClient();
        client.setDefaultTimeout(10_000);
        client.connect(IP, port);
        assertTrue(client.login("anonymous", PASSWORD));
        client.enterLocalPassiveMode();
        client.sendCommand("noop");
        client.features();
        assertTrue(client.changeWorkingDirectory("up"));
        assertTrue(client.setFileType(FTP.BINARY_FILE_TYPE));
        assertFalse(client.retrieveFile("../missing.txt", new ByteArrayOutputStream()));
        assertTrue(client.setFileType(FTP.ASCII_FILE_TYPE));
        assertTrue(client.storeFile("new file.txt", new ByteArrayInputStream("hello world".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(client.makeDirectory("d1"));
        assertTrue(client.rename("new file.txt", "d1/moved.txt"));
        assertTrue(client.deleteFile("d1/moved.txt"));
        assertTrue(client.removeDirectory("d1"));
        client.logout();
        client.disconnect();
        awaitSessionsEnded(); // after QUIT each session writes its last line and exits
        stopVsftpd();
        vsftpd = null;

        // The xferlog: only the time stamp is taken from vsftpd.
        List<String> realXfer = Files.readAllLines(xferlog, StandardCharsets.ISO_8859_1);
        List<Fact> transfers = List.of(
                t -> anon(Direction.DOWNLOAD, true, "/pub.txt", false, 10, t),
                t -> anon(Direction.DOWNLOAD, false, "/up/../missing.txt", false, 0, t),
                t -> anon(Direction.UPLOAD, true, "/up/new file.txt", true, 11, t));
        assertEquals(transfers.size(), realXfer.size(), String.join("\n", realXfer));
        for (int i = 0; i < transfers.size(); i++) {
            String real = realXfer.get(i);
            Instant when = parseDate(real.substring(0, 24));
            assertEquals(real, file(XferlogFormat.line(transfers.get(i).at(when), ZONE)));
        }

        // The vsftpd log, protocol lines aside: everything in order, with vsftpd's time and pid.
        List<String> realLines = Files.readAllLines(vsftpdLog, StandardCharsets.ISO_8859_1);
        List<Object> events = List.of(
                SessionEvent.connect(IP),
                SessionEvent.login(IP, "ftp", true, LogText.anonymousIdentity(PASSWORD)),
                (Fact) t -> anon(Direction.DOWNLOAD, true, "/pub.txt", false, 10, t),
                SessionEvent.connect(IP),
                SessionEvent.login(IP, "ftp", true, LogText.anonymousIdentity(PASSWORD)),
                (Fact) t -> anon(Direction.DOWNLOAD, false, LogText.sessionPath("/up", "../missing.txt"), false, 0, t),
                (Fact) t -> anon(Direction.UPLOAD, true, LogText.sessionPath("/up", "new file.txt"), true, 11, t),
                SessionEvent.mkdir(IP, "ftp", true, "/up/d1"),
                SessionEvent.rename(IP, "ftp", true, "/up/new file.txt", "/up/d1/moved.txt"),
                SessionEvent.delete(IP, "ftp", true, "/up/d1/moved.txt"),
                SessionEvent.rmdir(IP, "ftp", true, "/up/d1"));
        List<String> realEvents = new ArrayList<>();
        List<String> realProtocol = new ArrayList<>();
        for (String line : realLines) {
            (line.contains("] FTP command: ") || line.contains("] FTP response: ") ? realProtocol : realEvents).add(line);
        }
        assertEquals(events.size(), realEvents.size(), String.join("\n", realEvents));
        for (int i = 0; i < events.size(); i++) {
            String real = realEvents.get(i);
            Matcher m = VSFTPD_LINE.matcher(real);
            assertTrue(m.matches(), real);
            Instant when = parseDate(m.group(1));
            long pid = Long.parseLong(m.group(2));
            String ours = events.get(i) instanceof Fact fact
                    ? VsftpdLogFormat.line(fact.at(when), ZONE, pid)
                    : VsftpdLogFormat.line((SessionEvent) events.get(i), when, ZONE, pid);
            assertEquals(real.replaceAll(RATE, "<rate>Kbyte/sec"), file(ours).replaceAll(RATE, "<rate>Kbyte/sec"));
        }

        // Protocol lines: a selection, as bodies (pids differ between vsftpd's processes).
        List<String> realBodies = realProtocol.stream().map(l -> {
            Matcher m = VSFTPD_LINE.matcher(l);
            assertTrue(m.matches(), l);
            return m.group(3);
        }).toList();
        for (SessionEvent e : List.of(
                SessionEvent.ftpResponse(IP, null, "220 (vsFTPd 3.0.3)"),
                SessionEvent.ftpCommand(IP, null, "USER anonymous"),
                SessionEvent.ftpResponse(IP, "anonymous", "331 Please specify the password."),
                SessionEvent.ftpCommand(IP, "anonymous", "PASS " + PASSWORD),
                SessionEvent.ftpResponse(IP, "ftp", "230 Login successful."),
                SessionEvent.ftpCommand(IP, "ftp", "noop"),
                SessionEvent.ftpResponse(IP, "ftp", "211-Features:"),
                SessionEvent.ftpResponse(IP, "ftp", " EPSV\r\n"),
                SessionEvent.ftpCommand(IP, "ftp", "RETR ../missing.txt"),
                SessionEvent.ftpCommand(IP, "ftp", "STOR new file.txt"),
                SessionEvent.ftpResponse(IP, "ftp", "221 Goodbye."))) {
            String ours = file(VsftpdLogFormat.body(e));
            assertTrue(realBodies.contains(ours), ours + " not among:\n" + String.join("\n", realBodies));
        }
    }

    /** A transfer whose time is only known from vsftpd's line. */
    interface Fact {
        TransferEvent at(Instant when);
    }

    private static TransferEvent anon(Direction direction, boolean complete, String path, boolean ascii, long bytes,
            Instant when) {
        return new TransferEvent(direction, complete, IP, "ftp", Access.ANONYMOUS,
                LogText.anonymousIdentity(PASSWORD), path, ascii, bytes, when, when);
    }

    /** What the sink would put in a file for this line. */
    private static String file(String line) {
        return new String(LogText.printable(line), StandardCharsets.ISO_8859_1);
    }

    private static Instant parseDate(String text) {
        Instant when = LocalDateTime.parse(text, DATE).atZone(ZONE).toInstant();
        assertTrue(Duration.between(when, Instant.now()).abs().toMinutes() < 5, "vsftpd's time stamp " + text);
        return when;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void awaitSessionsEnded() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (vsftpd.descendants().findAny().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    // Watches the kernel's socket table rather than connecting: a probe connection would be logged.
    private void awaitListening(int port) throws Exception {
        String local = String.format("0100007F:%04X", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String row : Files.readAllLines(Path.of("/proc/net/tcp"))) {
                String[] f = row.trim().split("\\s+");
                if (f.length > 3 && f[1].equals(local) && f[3].equals("0A")) {
                    return;
                }
            }
            assertTrue(vsftpd.isAlive(), "vsftpd exited: " + Files.readString(dir.resolve("vsftpd.out")));
            Thread.sleep(20);
        }
        throw new AssertionError("vsftpd did not listen on " + port);
    }
}
