package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static Daemon vsftpd;
    private static Daemon jvsftpd;
    private static int vsftpdPort;
    private static int jvsftpdPort;
    private static Throwable jvsftpdStartFailure;

    static List<Scenarios.Scenario> scenarios() {
        return Scenarios.load("transcripts.txt");
    }

    @BeforeAll
    static void startBoth() throws Exception {
        Path home = Install.unpack(Files.createDirectory(tmp.resolve("install")));
        Path anonRoot = FtpTree.create(tmp.resolve("ftp-root"));
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        FtpTree.mode(empty, "rwxr-xr-x");

        vsftpdPort = Ports.free();
        Ports.Range vsftpdPasv = Ports.pasvRange();
        Conf base = Conf.anonymous(anonRoot, vsftpdPort, vsftpdPasv, empty);
        Path vsftpdConf = base.write(tmp.resolve("vsftpd.conf"));
        vsftpd = Servers.vsftpd(tmp, vsftpdPort, vsftpdConf.toString());

        jvsftpdPort = Ports.free();
        Ports.Range jvsftpdPasv = Ports.pasvRange(vsftpdPasv);
        Path jvsftpdConf = base.copy()
                .set("listen_port", jvsftpdPort)
                .set("pasv_min_port", jvsftpdPasv.min())
                .set("pasv_max_port", jvsftpdPasv.max())
                .write(tmp.resolve("jvsftpd.conf"));
        try {
            jvsftpd = Servers.jvsftpd(home, tmp, jvsftpdPort, jvsftpdConf.toString());
        } catch (Throwable t) {
            // keep going: the vsftpd half still runs; every comparison then fails with this reason
            jvsftpdStartFailure = t;
        }
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
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

    /** The harness itself, against vsftpd alone: login, a passive binary download, byte-exact. */
    @Test
    void harnessReadsVsftpd() throws IOException {
        List<String> t = Transcript.record(vsftpdPort, List.of("USER anonymous", "PASS x", "TYPE I", "PASV",
                "RETR pub/bin.dat", "EPSV", "NLST pub", "QUIT"));
        String joined = String.join("\n", t);
        assertEquals("< 220 (vsFTPd 3.0.3)", t.get(0), joined);
        assertTrue(t.contains("< 230 Login successful."), joined);
        assertTrue(t.contains("[data: 70000 bytes, sha256 " + Transcript.sha256(FtpTree.BINARY) + "]"), joined);
        assertTrue(t.contains("< 150 Opening BINARY mode data connection for pub/bin.dat (70000 bytes)."), joined);
        assertTrue(t.contains("[data] pub/hello.txt\\r"), joined);
        assertEquals("<closed>", t.get(t.size() - 1), joined);
        assertTrue(vsftpd.isAlive(), "vsftpd died:\n" + vsftpd.output());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameTranscriptAsVsftpd(Scenarios.Scenario scenario) throws IOException {
        List<String> expected = Transcript.record(vsftpdPort, scenario.commands());
        save(scenario.name() + ".vsftpd.txt", expected);
        assertEquals("< 220 (vsFTPd 3.0.3)", expected.get(0), "vsftpd greeting; transcript:\n" + expected);

        if (jvsftpdStartFailure != null) {
            fail("bin/jvsftpd did not start, nothing to compare; vsftpd's transcript is in target/transcripts/"
                    + scenario.name() + ".vsftpd.txt", jvsftpdStartFailure);
        }
        List<String> actual = Transcript.record(jvsftpdPort, scenario.commands());
        save(scenario.name() + ".jvsftpd.txt", actual);

        List<String> e = Transcript.normalise(expected);
        List<String> a = Transcript.normalise(actual);
        assertEquals(String.join("\n", e) + "\n", String.join("\n", a) + "\n",
                "scenario [" + scenario.name() + "]: jvsftpd's transcript (actual) differs from vsftpd 3.0.3's"
                        + " (expected), first at " + firstDifference(e, a) + "; both are in target/transcripts/");
        assertTrue(jvsftpd.isAlive(), "jvsftpd died:\n" + jvsftpd.output());
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
