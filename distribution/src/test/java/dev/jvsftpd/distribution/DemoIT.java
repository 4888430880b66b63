package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/jvsftpd-demo.conf, run the way ./run-demo runs it, by an unprivileged user (nobody,
 * uid 65534) that owns its unpacked copy: run_as_launching_user=YES needs no root and no ftp account.
 */
class DemoIT {
    static final int NOBODY = 65534;
    static final String README = "This is the jvsftpd demo.\n";

    @TempDir
    Path tmp;

    @Test
    void demoConfigServesAsNobody() throws Exception {
        FtpTree.mode(tmp, "rwxr-xr-x");
        Path unpacked = Files.createDirectory(tmp.resolve("install"));
        Path home = Install.unpack(unpacked);
        chownTree(unpacked, NOBODY);

        Path demo = Files.createDirectories(tmp.resolve("demo-ftp/pub"));
        Files.writeString(demo.resolve("README.txt"), README, StandardCharsets.US_ASCII);
        FtpTree.mode(demo.resolve("README.txt"), "r--r--r--");
        FtpTree.mode(demo, "r-xr-xr-x");
        FtpTree.mode(demo.getParent(), "r-xr-xr-x");

        Path work = Files.createDirectory(tmp.resolve("work"));
        Files.setAttribute(work, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);

        int port = Ports.free();
        Ports.Range pasv = Ports.pasvRange();
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        cmd.addAll(Servers.jvsftpdCommand(home, home.resolve("conf/jvsftpd-demo.conf").toString(),
                "-oanon_root=" + demo.getParent(), "-olisten_port=" + port,
                "-opasv_min_port=" + pasv.min(), "-opasv_max_port=" + pasv.max()));
        Daemon d = Daemon.start("jvsftpd (demo, as nobody)", cmd, work, tmp.resolve("demo.log"), env -> {
            Servers.jvsftpdEnvironment(env);
            env.put("HOME", work.toString());
        });
        try (d) {
            d.awaitPort(port);
            Cmd.Result c = Cmd.run(List.of("curl", "-sS", "--max-time", "30", "ftp://127.0.0.1:" + port + "/pub/README.txt"),
                    work, Duration.ofSeconds(60));
            assertEquals(0, c.status(), c.describe() + "\nserver:\n" + d.output());
            assertEquals(README, c.stdout());
            long uid = (Integer) Files.getAttribute(Path.of("/proc", String.valueOf(d.pid())), "unix:uid");
            assertEquals(NOBODY, uid, "the demo server does not run as nobody");
            assertTrue(d.isAlive(), d.output());
        }
    }

    /**
     * The repository's ./run-demo itself (the zip exists after package, so it builds nothing): it
     * unpacks under distribution/target/, creates a read-only demo-ftp/ and execs bin/jvsftpd;
     * extra arguments reach jvsftpd, so the port can be moved off 2121.
     */
    @Test
    void runDemoScriptServesItsDemoTree() throws Exception {
        Path repo = Path.of(System.getProperty("jvsftpd.repo.dir", "..")).toAbsolutePath().normalize();
        Path script = repo.resolve("run-demo");
        assertTrue(Files.isExecutable(script), script + " is missing or not executable");
        int port = Ports.free();
        Ports.Range pasv = Ports.pasvRange();
        Daemon d = Daemon.start("run-demo", List.of("dash", script.toString(), "-olisten_port=" + port,
                "-opasv_min_port=" + pasv.min(), "-opasv_max_port=" + pasv.max()), tmp, tmp.resolve("run-demo.log"),
                Servers::jvsftpdEnvironment);
        try (d) {
            d.awaitPort(port);
            Cmd.Result c = Cmd.run(List.of("curl", "-sS", "--max-time", "30", "ftp://127.0.0.1:" + port + "/pub/README.txt"),
                    tmp, Duration.ofSeconds(60));
            assertEquals(0, c.status(), c.describe() + "\nserver:\n" + d.output());
            assertTrue(c.stdout().contains("jvsftpd demo"), c.describe());
            Path demo = repo.resolve("distribution/target/demo-ftp");
            assertEquals("r-xr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(demo)), "demo-ftp/ must not be writable");
            assertEquals("r-xr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(demo.resolve("pub"))), "demo-ftp/pub/ must not be writable");
        }
    }

    private static void chownTree(Path root, int uid) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
