package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a short-lived command (curl, lftp, ftp, bin/jvsftpd -v) with a bounded wait. */
final class Cmd {
    record Result(List<String> command, int status, String stdout, String stderr) {
        String describe() {
            return "command: " + command + "\nexit status: " + status + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private Cmd() {
    }

    static Result run(List<String> command, Path cwd, Duration timeout) throws IOException, InterruptedException {
        return run(command, cwd, timeout, env -> { }, null);
    }

    static Result run(List<String> command, Path cwd, Duration timeout, Consumer<Map<String, String>> environment,
            Path stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(cwd, "cmd", ".out");
        Path err = Files.createTempFile(cwd, "cmd", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                            : ProcessBuilder.Redirect.from(stdin.toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            environment.accept(pb.environment());
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                fail("timed out after " + timeout.toSeconds() + "s: " + command + "\nstdout:\n"
                        + Files.readString(out, StandardCharsets.ISO_8859_1) + "\nstderr:\n"
                        + Files.readString(err, StandardCharsets.ISO_8859_1));
            }
            return new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
