package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real zip, unpacked, and its bin/jvsftpd run as a child process: layout, launcher,
 * command line, exit statuses, and downloads with curl, lftp and ftp(1).
 */
class DistributionIT {
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path shared;
    static Path home;
    static Path anonRoot;
    static Path emptyDir;

    @TempDir
    Path tmp;

    @BeforeAll
    static void unpack() throws IOException {
        home = Install.unpack(Files.createDirectory(shared.resolve("install")));
        anonRoot = FtpTree.create(shared.resolve("ftp-root"));
        emptyDir = Files.createDirectory(shared.resolve("empty"));
        FtpTree.mode(emptyDir, "rwxr-xr-x");
    }

    @Test
    void zipLayout() throws IOException {
        String top = Install.distName() + "/";
        Map<String, Integer> modes = Install.unixModes(Install.zip());
        for (String entry : List.of("bin/jvsftpd", "bin/jvsftpd-selinux", "conf/vsftpd.conf", "conf/jvsftpd-demo.conf", "conf/logback.xml",
                "conf/ftpd-jvsftpd.xml", "conf/ftpd-jvsftpd-beans.xml", "systemd/jvsftpd.service", "docs/admin-guide.md")) {
            assertTrue(modes.containsKey(top + entry), "the zip lacks " + top + entry + "; it has " + modes.keySet());
        }
        assertEquals(0755, modes.get(top + "bin/jvsftpd"), "mode of bin/jvsftpd in the zip");
        assertEquals(0644, modes.get(top + "conf/vsftpd.conf"), "mode of conf/vsftpd.conf in the zip");
        for (String entry : modes.keySet()) {
            assertTrue(entry.startsWith(top), "entry outside " + top + ": " + entry);
        }

        List<String> jars;
        try (Stream<Path> s = Files.list(home.resolve("lib"))) {
            jars = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        String version = System.getProperty("jvsftpd.version");
        for (String prefix : List.of("vsftpd-compat-" + version + ".jar", "ftpserver-core-1.2.1.jar", "ftplet-api-1.2.1.jar",
                "mina-core-", "slf4j-api-", "logback-classic-", "logback-core-")) {
            assertEquals(1, jars.stream().filter(j -> j.startsWith(prefix)).count(),
                    "lib/ must hold exactly one " + prefix + "*; it has " + jars);
        }
        for (String forbidden : List.of("junit", "opentest4j", "apiguardian", "commons-net", "reload4j", "log4j",
                "slf4j-simple", "slf4j-reload4j", "distribution")) {
            assertTrue(jars.stream().noneMatch(j -> j.startsWith(forbidden)), "lib/ must not hold " + forbidden + ": " + jars);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/jvsftpd")), "bin/jvsftpd is not executable once unpacked");
        String script = Files.readString(home.resolve("bin/jvsftpd"), StandardCharsets.UTF_8);
        assertTrue(script.startsWith("#!/bin/sh\n"), "bin/jvsftpd must be a POSIX sh script");
        assertFalse(script.contains("\r"), "bin/jvsftpd has CR characters");
    }

    @Test
    void versionFlagPrintsVersionAndExitsZero() throws Exception {
        Cmd.Result r = Cmd.run(Servers.jvsftpdCommand(home, "-v"), tmp, CLIENT_TIMEOUT, Servers::jvsftpdEnvironment, null);
        assertEquals(0, r.status(), r.describe());
        assertTrue((r.stdout() + r.stderr()).toLowerCase().contains("version"), "-v prints no version\n" + r.describe());
    }

    @Test
    void selinuxToolsRunFromTheirOwnLauncher() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("selinux-state"));
        List<String> getsebool = List.of(home.resolve("bin/jvsftpd-selinux").toString(), "getsebool", "ftpd_anon_write");
        Cmd.Result r = Cmd.run(getsebool, tmp, CLIENT_TIMEOUT, env -> {
            Servers.jvsftpdEnvironment(env);
            env.put("JVSFTPD_SELINUX", "emulate");
            env.put("JVSFTPD_SELINUX_STATE", state.toString());
        }, null);
        assertEquals(0, r.status(), r.describe());
        assertEquals("ftpd_anon_write --> off\n", r.stdout(), r.describe());
    }

    @Test
    void helpExitsZero() throws Exception {
        Cmd.Result r = Cmd.run(Servers.jvsftpdCommand(home, "--help"), tmp, CLIENT_TIMEOUT, Servers::jvsftpdEnvironment, null);
        assertEquals(0, r.status(), r.describe());
        assertTrue((r.stdout() + r.stderr()).contains("-o"), "--help does not mention -oname=value\n" + r.describe());
    }

    /** The launcher finds its install through a chain of symlinks (absolute and relative), run by dash. */
    @Test
    void launcherResolvesSymlinksUnderDash() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("usr/local/bin"));
        Path other = Files.createDirectories(tmp.resolve("opt"));
        Path first = Files.createSymbolicLink(other.resolve("jvsftpd-link"), home.resolve("bin/jvsftpd"));
        Path second = Files.createSymbolicLink(bin.resolve("jvsftpd"), bin.relativize(first));
        Cmd.Result viaLinks = Cmd.run(List.of(second.toString(), "-v"), tmp, CLIENT_TIMEOUT, Servers::jvsftpdEnvironment, null);
        assertEquals(0, viaLinks.status(), viaLinks.describe());

        Cmd.Result dash = Cmd.run(List.of("dash", second.toString(), "-v"), tmp, CLIENT_TIMEOUT,
                Servers::jvsftpdEnvironment, null);
        assertEquals(0, dash.status(), dash.describe());
        assertEquals(viaLinks.stdout(), dash.stdout());

        Cmd.Result relative = Cmd.run(List.of("dash", "jvsftpd", "-v"), bin, CLIENT_TIMEOUT,
                Servers::jvsftpdEnvironment, null);
        assertEquals(0, relative.status(), relative.describe());

        // without JAVA_HOME, java comes from PATH
        Cmd.Result fromPath = Cmd.run(List.of(second.toString(), "-v"), tmp, CLIENT_TIMEOUT, env -> {
            Servers.jvsftpdEnvironment(env);
            String javaBin = Path.of(env.remove("JAVA_HOME"), "bin").toString();
            env.put("PATH", javaBin + ":/usr/bin:/bin");
        }, null);
        assertEquals(0, fromPath.status(), fromPath.describe());
    }

    @Test
    void configErrorExitsTwoWithOops() throws Exception {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "listen=YES\npasv_enalbe=YES\n", StandardCharsets.US_ASCII);
        Cmd.Result r = Cmd.run(Servers.jvsftpdCommand(home, conf.toString()), tmp, CLIENT_TIMEOUT,
                Servers::jvsftpdEnvironment, null);
        assertEquals(2, r.status(), r.describe());
        assertTrue(r.stderr().lines().anyMatch(l -> l.equals("500 OOPS: unrecognised variable in config file: pasv_enalbe")),
                "stderr lacks the OOPS line\n" + r.describe());
    }

    @Test
    void unknownOptionExitsTwo() throws Exception {
        Cmd.Result r = Cmd.run(Servers.jvsftpdCommand(home, "-x"), tmp, CLIENT_TIMEOUT, Servers::jvsftpdEnvironment, null);
        assertEquals(2, r.status(), r.describe());
        assertTrue(r.stderr().lines().anyMatch(l -> l.equals("500 OOPS: unrecognise option: -x")),
                "stderr lacks the OOPS line\n" + r.describe());
    }

    /** A running bin/jvsftpd on the test tree, for one test; stopped (with its children) at the end. */
    interface WithServer {
        void run(Daemon server, int port, String url) throws Exception;
    }

    private void withJvsftpd(WithServer body) throws Exception {
        int port = Ports.free();
        Path conf = Conf.anonymous(anonRoot, port, Ports.pasvRange(), emptyDir).write(tmp.resolve("jvsftpd.conf"));
        try (Daemon d = Servers.jvsftpd(home, tmp, port, conf.toString())) {
            body.run(d, port, "ftp://127.0.0.1:" + port + "/");
            assertTrue(d.isAlive(), "jvsftpd died:\n" + d.output());
        }
    }

    private static Cmd.Result curl(Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
        cmd.addAll(List.of(args));
        return Cmd.run(cmd, cwd, CLIENT_TIMEOUT);
    }

    @Test
    void curlDownloads() throws Exception {
        withJvsftpd((d, port, url) -> {
            // EPSV first (curl's default), binary file
            Cmd.Result c = curl(tmp, "-o", "curl-bin.dat", url + "pub/bin.dat");
            assertEquals(0, c.status(), c.describe() + "\nserver:\n" + d.output());
            assertArrayEquals(FtpTree.BINARY, Files.readAllBytes(tmp.resolve("curl-bin.dat")), "curl pub/bin.dat");
            // PASV, text file
            c = curl(tmp, "--disable-epsv", url + "pub/hello.txt");
            assertEquals(0, c.status(), c.describe() + "\nserver:\n" + d.output());
            assertEquals(FtpTree.HELLO, c.stdout(), "curl (PASV) pub/hello.txt");
            // not world-readable: RETR gets 550, curl exits 78
            c = curl(tmp, "-o", "x", url + "secret.txt");
            assertEquals(78, c.status(), "curl of a non-world-readable file must fail with 78 (RETR 550)\n"
                    + c.describe());
        });
    }

    @Test
    void curlListings() throws Exception {
        withJvsftpd((d, port, url) -> {
            Cmd.Result c = curl(tmp, "--list-only", url + "pub/");
            assertEquals(0, c.status(), c.describe() + "\nserver:\n" + d.output());
            assertEquals(List.of("bin.dat", "hello.txt", "sub"), c.stdout().lines().sorted().toList(), c.describe());
            c = curl(tmp, url + "pub/");
            assertEquals(0, c.status(), c.describe() + "\nserver:\n" + d.output());
            assertTrue(c.stdout().lines().anyMatch(l -> l.startsWith("-rw-r--r--") && l.endsWith(" hello.txt")),
                    "LIST pub/ via curl\n" + c.describe());
        });
    }

    @Test
    void lftpDownloads() throws Exception {
        withJvsftpd((d, port, url) -> {
            // plain FTP: lftp would try AUTH TLS first
            Path dir = Files.createDirectory(tmp.resolve("lftp"));
            Cmd.Result l = Cmd.run(List.of("lftp",
                    "-e", "set cmd:fail-exit yes; set ftp:ssl-allow no; set net:max-retries 1; set net:timeout 20;"
                            + " get pub/bin.dat; get /pub/hello.txt; bye",
                    "-p", String.valueOf(port), "127.0.0.1"), dir, CLIENT_TIMEOUT);
            assertEquals(0, l.status(), l.describe() + "\nserver:\n" + d.output());
            assertArrayEquals(FtpTree.BINARY, Files.readAllBytes(dir.resolve("bin.dat")), "lftp pub/bin.dat");
            assertEquals(FtpTree.HELLO, Files.readString(dir.resolve("hello.txt")), "lftp /pub/hello.txt");
        });
    }

    @Test
    void ftpClientDownloads() throws Exception {
        withJvsftpd((d, port, url) -> {
            // ftp(1) is tnftp on Debian 12: passive, scripted on stdin; its exit status says little
            Path dir = Files.createDirectory(tmp.resolve("ftp"));
            Path script = Files.writeString(tmp.resolve("ftp-script"),
                    "user anonymous guest@\nbinary\nget pub/bin.dat bin.dat\ncd pub\nget hello.txt hello.txt\nquit\n");
            Cmd.Result f = Cmd.run(List.of("ftp", "-n", "-p", "127.0.0.1", String.valueOf(port)), dir, CLIENT_TIMEOUT,
                    env -> { }, script);
            assertTrue(Files.exists(dir.resolve("bin.dat")) && Files.exists(dir.resolve("hello.txt")),
                    "ftp(1) did not download both files\n" + f.describe() + "\nserver:\n" + d.output());
            assertArrayEquals(FtpTree.BINARY, Files.readAllBytes(dir.resolve("bin.dat")), "ftp(1) pub/bin.dat");
            assertEquals(FtpTree.HELLO, Files.readString(dir.resolve("hello.txt")), "ftp(1) pub/hello.txt");
        });
    }

    /** SIGTERM is a normal shutdown: exit status 0. The startup log says what is served and where. */
    @Test
    void logsWhereItListensAndExitsZeroOnSigterm() throws Exception {
        int port = Ports.free();
        Path conf = Conf.anonymous(anonRoot, port, Ports.pasvRange(), emptyDir).write(tmp.resolve("jvsftpd.conf"));
        Daemon d = Servers.jvsftpd(home, tmp, port, conf.toString());
        String startupLog;
        int status;
        try {
            Thread.sleep(500);
            startupLog = d.output();
        } finally {
            status = d.stop();
        }
        assertTrue(startupLog.contains("127.0.0.1") && startupLog.contains(String.valueOf(port)),
                "the startup log does not say where it listens (127.0.0.1, " + port + "):\n" + startupLog);
        assertEquals(0, status, "exit status after SIGTERM; output:\n" + d.output());
    }

    /** SIGHUP re-reads the last config file for new sessions, skipping bad lines, as vsftpd does. */
    @Test
    void sighupReloadsTheConfigForNewSessions() throws Exception {
        int port = Ports.free();
        Conf conf = Conf.anonymous(anonRoot, port, Ports.pasvRange(), emptyDir).set("ftpd_banner", "before reload");
        Path file = conf.write(tmp.resolve("reload.conf"));
        Daemon d = Servers.jvsftpd(home, tmp, port, file.toString());
        try (Socket before = new Socket("127.0.0.1", port)) {
            BufferedReader running = new BufferedReader(new InputStreamReader(before.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("220 before reload", running.readLine());
            conf.set("ftpd_banner", "after reload").set("no_such_directive", "YES").write(file);
            new ProcessBuilder("kill", "-HUP", Long.toString(d.pid())).start().waitFor();
            String greeting = null;
            for (int attempt = 0; attempt < 50 && !"220 after reload".equals(greeting); attempt++) {
                Thread.sleep(100);
                try (Socket after = new Socket("127.0.0.1", port)) {
                    greeting = new BufferedReader(new InputStreamReader(after.getInputStream(), StandardCharsets.UTF_8))
                            .readLine();
                }
            }
            assertEquals("220 after reload", greeting, d.output());
            assertTrue(d.isAlive(), "a bad line on reload must not end the server:\n" + d.output());
            assertTrue(d.output().contains("no_such_directive"), "the skipped line is logged:\n" + d.output());
            before.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("221 Goodbye.", running.readLine(), "the running session is untouched");
        } finally {
            d.stop();
        }
    }

    /** conf/vsftpd.conf as shipped: real vsftpd and jvsftpd both accept it and serve anonymous downloads. */
    @Test
    void shippedVsftpdConfWorksWithVsftpdAndJvsftpd() throws Exception {
        Path shipped = home.resolve("conf/vsftpd.conf");
        List<String> both = new ArrayList<>();
        for (String server : List.of("vsftpd", "jvsftpd")) {
            int port = Ports.free();
            Ports.Range pasv = Ports.pasvRange();
            String[] args = {shipped.toString(), "-olisten_address=127.0.0.1", "-olisten_port=" + port,
                "-obackground=NO", "-oanon_root=" + anonRoot, "-osecure_chroot_dir=" + emptyDir,
                "-ovsftpd_log_file=" + tmp.resolve(server + "-transfers.log"),
                "-oxferlog_file=" + tmp.resolve(server + "-xferlog"),
                "-opasv_min_port=" + pasv.min(), "-opasv_max_port=" + pasv.max()};
            try (Daemon d = server.equals("vsftpd") ? Servers.vsftpd(tmp, port, args)
                    : Servers.jvsftpd(home, tmp, port, args)) {
                Cmd.Result c = Cmd.run(List.of("curl", "-sS", "--max-time", "30", "ftp://127.0.0.1:" + port + "/pub/hello.txt"),
                        tmp, CLIENT_TIMEOUT);
                assertEquals(0, c.status(), server + " on conf/vsftpd.conf\n" + c.describe() + "\nserver:\n" + d.output());
                assertEquals(FtpTree.HELLO, c.stdout(), server);
                both.add(String.join("\n", Transcript.normalise(Transcript.record(port,
                        List.of("USER anonymous", "PASS x", "PWD", "CWD pub", "SIZE hello.txt", "MKD x", "QUIT")))));
            }
        }
        assertEquals(both.get(0), both.get(1), "vsftpd (expected) and jvsftpd (actual) on conf/vsftpd.conf");
    }
}
