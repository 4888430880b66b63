package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real vsftpd 3.0.3 and bin/jvsftpd, on the same anonymous tree and the same config (only
 * listen_port and the passive range differ), must answer the same raw command scripts
 * (src/test/resources/transcripts.txt) with the same transcript, once the greeting's name and
 * version and the passive port numbers are normalised.
 *
 * <p>Both transcripts of every scenario are written to target/transcripts/ for inspection.
 */
class TranscriptIT {
    @TempDir
    static Path tmp;

    private static Path home;
    private static Path anonRoot;
    private static Path empty;
    private static ServerPair shared;

    static List<Scenarios.Scenario> scenarios() {
        return Scenarios.load("transcripts.txt");
    }

    /** vsftpd and jvsftpd on the same config; only listen_port and the passive range differ. */
    private static final class ServerPair implements AutoCloseable {
        private Daemon vsftpd;
        private Daemon jvsftpd;
        private int vsftpdPort;
        private int jvsftpdPort;
        private Throwable jvsftpdStartFailure;

        static ServerPair start(Map<String, String> settings) throws Exception {
            ServerPair pair = new ServerPair();
            Path dir = Files.createTempDirectory(tmp, "pair");
            pair.vsftpdPort = Ports.free();
            Ports.Range vsftpdPasv = Ports.pasvRange();
            Conf base = Conf.anonymous(anonRoot, pair.vsftpdPort, vsftpdPasv, empty);
            settings.forEach(base::set);
            pair.vsftpd = Servers.vsftpd(dir, pair.vsftpdPort, base.write(dir.resolve("vsftpd.conf")).toString());
            pair.jvsftpdPort = Ports.free();
            Ports.Range jvsftpdPasv = Ports.pasvRange(vsftpdPasv);
            Path jvsftpdConf = base.copy()
                    .set("listen_port", pair.jvsftpdPort)
                    .set("pasv_min_port", jvsftpdPasv.min())
                    .set("pasv_max_port", jvsftpdPasv.max())
                    .write(dir.resolve("jvsftpd.conf"));
            try {
                pair.jvsftpd = Servers.jvsftpd(home, dir, pair.jvsftpdPort, jvsftpdConf.toString());
            } catch (Throwable t) {
                // keep going: the vsftpd half still runs; every comparison then fails with this reason
                pair.jvsftpdStartFailure = t;
            }
            return pair;
        }

        @Override
        public void close() throws InterruptedException {
            try {
                if (jvsftpd != null) {
                    jvsftpd.stop();
                }
            } finally {
                if (vsftpd != null) {
                    vsftpd.stop();
                }
            }
        }
    }

    @BeforeAll
    static void startBoth() throws Exception {
        home = Install.unpack(Files.createDirectory(tmp.resolve("install")));
        anonRoot = FtpTree.create(tmp.resolve("ftp-root"));
        empty = Files.createDirectory(tmp.resolve("empty"));
        FtpTree.mode(empty, "rwxr-xr-x");
        shared = ServerPair.start(Map.of());
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
        if (shared != null) {
            shared.close();
        }
    }

    /** The harness itself, against vsftpd alone: login, a passive binary download, byte-exact. */
    @Test
    void harnessReadsVsftpd() throws IOException {
        List<String> t = Transcript.record(shared.vsftpdPort, List.of("USER anonymous", "PASS x", "TYPE I", "PASV",
                "RETR pub/bin.dat", "EPSV", "NLST pub", "QUIT"));
        String joined = String.join("\n", t);
        assertEquals("< 220 (vsFTPd 3.0.3)", t.get(0), joined);
        assertTrue(t.contains("< 230 Login successful."), joined);
        assertTrue(t.contains("[data: 70000 bytes, sha256 " + Transcript.sha256(FtpTree.BINARY) + "]"), joined);
        assertTrue(t.contains("< 150 Opening BINARY mode data connection for pub/bin.dat (70000 bytes)."), joined);
        assertTrue(t.contains("[data] pub/hello.txt\\r"), joined);
        assertEquals("<closed>", t.get(t.size() - 1), joined);
        assertTrue(shared.vsftpd.isAlive(), "vsftpd died:\n" + shared.vsftpd.output());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameTranscriptAsVsftpd(Scenarios.Scenario scenario) throws Exception {
        if (scenario.settings().isEmpty()) {
            compare(shared, scenario);
        } else {
            try (ServerPair own = ServerPair.start(scenario.settings())) {
                compare(own, scenario);
            }
        }
    }

    private static void compare(ServerPair pair, Scenarios.Scenario scenario) throws IOException {
        List<String> expected = Transcript.record(pair.vsftpdPort, scenario.commands());
        save(scenario.name() + ".vsftpd.txt", expected);
        assertEquals("< 220 (vsFTPd 3.0.3)", expected.get(0), "vsftpd greeting; transcript:\n" + expected);

        if (pair.jvsftpdStartFailure != null) {
            fail("bin/jvsftpd did not start, nothing to compare; vsftpd's transcript is in target/transcripts/"
                    + scenario.name() + ".vsftpd.txt", pair.jvsftpdStartFailure);
        }
        List<String> actual = Transcript.record(pair.jvsftpdPort, scenario.commands());
        save(scenario.name() + ".jvsftpd.txt", actual);

        List<String> e = Transcript.normalise(expected);
        List<String> a = Transcript.normalise(actual);
        assertEquals(String.join("\n", e) + "\n", String.join("\n", a) + "\n",
                "scenario [" + scenario.name() + "]: jvsftpd's transcript (actual) differs from vsftpd 3.0.3's"
                        + " (expected), first at " + firstDifference(e, a) + "; both are in target/transcripts/");
        assertTrue(pair.jvsftpd.isAlive(), "jvsftpd died:\n" + pair.jvsftpd.output());
    }
    private static String firstDifference(List<String> expected, List<String> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        return "line " + (i + 1) + ": vsftpd [" + (i < expected.size() ? expected.get(i) : "<end>") + "] jvsftpd ["
                + (i < actual.size() ? actual.get(i) : "<end>") + "]" + (i > 0 ? " after [" + expected.get(i - 1) + "]" : "");
    }

    private static void save(String name, List<String> transcript) throws IOException {
        String buildDir = System.getProperty("jvsftpd.build.dir", "target");
        Path dir = Files.createDirectories(Path.of(buildDir, "transcripts"));
        Files.writeString(dir.resolve(name), String.join("\n", transcript) + "\n", StandardCharsets.UTF_8);
    }
}
