package dev.jvsftpd.selinux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main class as the launcher runs it: a separate JVM, settings from the environment, real exit codes. */
class CliProcessTest {
    @TempDir
    Path tmp;

    private record Run(int rc, String out, String err) {
    }

    private Run jvsftpdSelinux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SelinuxCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JVSFTPD_SELINUX", "emulate");
        pb.environment().put("JVSFTPD_SELINUX_STATE", tmp.resolve("state").toString());
        pb.environment().put("JVSFTPD_SELINUX_ROOT", Files.createDirectories(tmp.resolve("root")).toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @Test
    void environmentStateAndExitCodes() throws Exception {
        assertEquals(new Run(0, "", ""), jvsftpdSelinux("setsebool", "-P", "ftpd_anon_write", "on"));
        assertEquals(new Run(0, "ftpd_anon_write --> on\n", ""), jvsftpdSelinux("getsebool", "ftpd_anon_write"));
        assertEquals(new Run(255, "", "Error getting active value for nope\n"), jvsftpdSelinux("getsebool", "nope"));
        assertEquals("ftpd_anon_write=1\n", Files.readString(tmp.resolve("state/booleans.local")));
    }
}
