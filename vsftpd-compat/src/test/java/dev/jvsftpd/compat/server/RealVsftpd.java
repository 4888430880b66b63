package dev.jvsftpd.compat.server;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real vsftpd 3.0.3 (Debian's /usr/sbin/vsftpd) on a loopback port with a config of the
 * test's, as the oracle that jvsftpd's replies are compared with. Missing vsftpd is a failure,
 * not a skip: CI installs the package.
 */
final class RealVsftpd implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/vsftpd");

    final int port;
    private final Process process;

    private RealVsftpd(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts vsftpd on {@code lines} plus loopback, foreground and a private empty secure_chroot_dir. */
    static RealVsftpd start(Path workDir, List<String> lines) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install vsftpd (.ci/run does)");
        }
        int port = freePort();
        Path empty = Files.createDirectories(workDir.resolve("vsftpd-empty"));
        List<String> all = new ArrayList<>(List.of("listen=YES", "listen_address=127.0.0.1", "listen_port=" + port,
                "background=NO", "secure_chroot_dir=" + empty, "pasv_min_port=30000", "pasv_max_port=39999"));
        all.addAll(lines);
        Path config = workDir.resolve("vsftpd-" + port + ".conf");
        Files.write(config, all, StandardCharsets.ISO_8859_1);
        Process process = new ProcessBuilder(BINARY.toString(), config.toString())
                .redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("vsftpd-" + port + ".out").toFile()).start();
        RealVsftpd vsftpd = new RealVsftpd(port, process);
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return vsftpd;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("vsftpd exited: " + Files.readString(workDir.resolve("vsftpd-" + port + ".out")));
                }
                sleep(50);
            }
        }
        vsftpd.close();
        throw new IOException("vsftpd did not listen on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
