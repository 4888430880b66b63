package dev.jvsftpd.compat.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real system account for a test, made with useradd and chpasswd and removed with userdel:
 * local logins go through the real PAM stack and the real shadow file. Names are unique per run
 * so a crashed run leaves nothing that collides with the next. Shared with the distribution's
 * end-to-end tests through this module's test jar.
 */
public final class TestAccount implements AutoCloseable {
    public final String name;
    public final String password;
    public final Path home;
    public final int uid;

    private TestAccount(String name, String password, Path home, int uid) {
        this.name = name;
        this.password = password;
        this.home = home;
        this.uid = uid;
    }

    /** A user with a home (mode 755, owned by the user) and a login shell. */
    public static TestAccount create(String role) throws IOException {
        return create(role, "/bin/sh");
    }

    public static TestAccount create(String role, String shell) throws IOException {
        String name = "jvt" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36) + role;
        String password = "pw-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        run("useradd", "--create-home", "--shell", shell, name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> quietlyRemove(name)));
        Process chpasswd = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
        chpasswd.getOutputStream().write((name + ":" + password + "\n").getBytes(StandardCharsets.UTF_8));
        chpasswd.getOutputStream().close();
        waitFor(chpasswd, "chpasswd");
        Path home = Path.of("/home", name);
        Files.setAttribute(home, "unix:mode", 0755);
        return new TestAccount(name, password, home, (Integer) Files.getAttribute(home, "unix:uid"));
    }

    /** A file in the home, owned by the user, mode 644. */
    public Path file(String fileName, String content) throws IOException {
        Path file = Files.writeString(home.resolve(fileName), content, StandardCharsets.US_ASCII);
        Files.setAttribute(file, "unix:uid", uid);
        Files.setAttribute(file, "unix:mode", 0644);
        return file;
    }

    @Override
    public void close() {
        quietlyRemove(name);
    }

    private static void quietlyRemove(String name) {
        try {
            run("userdel", "--remove", name);
        } catch (IOException e) {
            // already gone
        }
    }

    static void run(String... command) throws IOException {
        waitFor(new ProcessBuilder(List.of(command)).redirectErrorStream(true).start(), String.join(" ", command));
    }

    private static void waitFor(Process process, String what) throws IOException {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(what + " failed: " + new String(process.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        }
    }
}
