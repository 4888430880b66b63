package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starting bin/jvsftpd and the real vsftpd. */
final class Servers {
    static final Path VSFTPD = Path.of("/usr/sbin/vsftpd");

    private Servers() {
    }

    /** The environment bin/jvsftpd gets: this JVM's Java 17 as JAVA_HOME, the default dialect, no JAVA_OPTS. */
    static void jvsftpdEnvironment(Map<String, String> env) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JVSFTPD_DIALECT");
        env.remove("VSFTPD_LOAD_CONF");
    }

    static List<String> jvsftpdCommand(Path home, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/jvsftpd").toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts bin/jvsftpd with the given arguments and waits until it listens on 127.0.0.1:port. */
    static Daemon jvsftpd(Path home, Path workDir, int port, String... args) throws IOException, InterruptedException {
        Daemon d = Daemon.start("jvsftpd", jvsftpdCommand(home, args), workDir,
                Files.createTempFile(workDir, "jvsftpd", ".log"), Servers::jvsftpdEnvironment);
        try {
            return d.awaitPort(port);
        } catch (RuntimeException | Error | InterruptedException e) {
            d.stop();
            throw e;
        }
    }

    /** Starts /usr/sbin/vsftpd (must be installed: the test fails otherwise) and waits for its port. */
    static Daemon vsftpd(Path workDir, int port, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(VSFTPD), VSFTPD + " is required for the transcript comparison "
                + "(apt-get install vsftpd; .ci/run does it)");
        List<String> cmd = new ArrayList<>();
        cmd.add(VSFTPD.toString());
        cmd.addAll(List.of(args));
        Daemon d = Daemon.start("vsftpd", cmd, workDir, Files.createTempFile(workDir, "vsftpd", ".log"),
                env -> env.remove("VSFTPD_LOAD_CONF"));
        try {
            return d.awaitPort(port);
        } catch (RuntimeException | Error | InterruptedException e) {
            d.stop();
            throw e;
        }
    }
}
