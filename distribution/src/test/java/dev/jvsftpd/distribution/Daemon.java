package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A server started as a real child process (bin/jvsftpd or /usr/sbin/vsftpd), its output in a
 * log file. Closing it sends SIGTERM to it and every descendant, waits a bounded time, then kills.
 */
final class Daemon implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    final String name;
    final List<String> command;
    final Path log;
    private final Process process;
    private Integer exitStatus;

    private Daemon(String name, List<String> command, Path log, Process process) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.process = process;
    }

    static Daemon start(String name, List<String> command, Path workDir, Path log,
            Consumer<Map<String, String>> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment.accept(pb.environment());
        return new Daemon(name, command, log, pb.start());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until 127.0.0.1:port accepts a connection; fails (with the log) if the process exits or time runs out. */
    Daemon awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(name + " exited with status " + process.exitValue() + " before listening on 127.0.0.1:"
                        + port + "\ncommand: " + command + "\noutput:\n" + output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return this;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        fail(name + " did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT.toSeconds()
                + "s\ncommand: " + command + "\noutput:\n" + output());
        return this;
    }

    /** Everything the process wrote so far (stdout and stderr). */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "<cannot read " + log + ": " + e + ">";
        }
    }

    /** SIGTERM to the process and its descendants, bounded wait, then SIGKILL. Returns the exit status. */
    int stop() throws InterruptedException {
        if (exitStatus != null) {
            return exitStatus;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        boolean exited = process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().orTimeout(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).exceptionally(t -> null).join();
            }
        }
        exitStatus = process.isAlive() ? -1 : process.exitValue();
        if (!exited) {
            fail(name + " did not exit within " + STOP_TIMEOUT.toSeconds() + "s of SIGTERM and was killed\noutput:\n"
                    + output());
        }
        return exitStatus;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
