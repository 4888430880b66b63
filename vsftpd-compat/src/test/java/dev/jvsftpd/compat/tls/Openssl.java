package dev.jvsftpd.compat.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The openssl command line, for test certificates and as the oracle for cipher strings. */
final class Openssl {
    private Openssl() {
    }

    /** Runs {@code openssl args...} in {@code dir}; returns stdout, or throws with stderr when it fails. */
    static String run(Path dir, String... args) throws IOException {
        Result result = tryRun(dir, args);
        if (result.status() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + result.err());
        }
        return result.out();
    }

    record Result(int status, String out, String err) {
    }

    static Result tryRun(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl timed out");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
