package dev.jvsftpd.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real system account, made with useradd and chpasswd and removed with userdel, so that local
 * logins go through the real PAM stack (/etc/pam.d/vsftpd) and the real shadow file. The name is
 * unique per run; a shutdown hook removes it if the test JVM dies first.
 */
final class TestAccount implements AutoCloseable {
    final String name;
    final String password;
    final Path home;
    final int uid;

    private TestAccount(String name, String password, Path home, int uid) {
        this.name = name;
        this.password = password;
        this.home = home;
        this.uid = uid;
    }

    /** A user with /bin/sh (pam_shells) and a home of mode 755 owned by the user. */
    static TestAccount create(String role) throws IOException {
        String name = "jvd" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36) + role;
        String password = "pw-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        run(null, "useradd", "--create-home", "--shell", "/bin/sh", name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> quietlyRemove(name)));
        run(name + ":" + password + "\n", "chpasswd");
        Path home = Path.of("/home", name);
        Files.setAttribute(home, "unix:mode", 0755);
        return new TestAccount(name, password, home, (Integer) Files.getAttribute(home, "unix:uid"));
    }

    /** A file in the home, owned by the user, mode 644. */
    Path file(String name, String content) throws IOException {
        Path file = Files.writeString(home.resolve(name), content, StandardCharsets.US_ASCII);
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
            run(null, "userdel", "--remove", name);
        } catch (IOException e) {
            // already gone
        }
    }

    private static void run(String input, String... command) throws IOException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " interrupted", e);
        }
    }
}
