package dev.jvsftpd.pam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Real accounts in the system user database, made with the shadow tools and removed again: at
 * close, and from a shutdown hook should the test JVM end first. Names are
 * {@code jvsftpd-t-<random>-<role>}; existing accounts are never touched. Tests run as root.
 */
final class TestAccounts implements AutoCloseable {
    private final String prefix = "jvsftpd-t-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    private final List<String> users = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final Thread hook = new Thread(this::removeAll);

    TestAccounts() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    String prefix() {
        return prefix;
    }

    /** A new user with its own group, the given shell and home directory (not created here). */
    String user(String role, String shell, String home) {
        String name = prefix + "-" + role;
        run("useradd", "-M", "-d", home, "-s", shell, name);
        users.add(name);
        return name;
    }

    String group(String role) {
        String name = prefix + "-" + role;
        run("groupadd", name);
        groups.add(name);
        return name;
    }

    void addToGroup(String user, String group) {
        run("usermod", "-a", "-G", group, user);
    }

    /** chpasswd with a hash method: YESCRYPT, SHA512, SHA256 or MD5. */
    void password(String user, String password, String method) {
        runWithInput(user + ":" + password + "\n", "chpasswd", "-c", method);
    }

    /** A raw shadow hash, e.g. "" for a blank password. */
    void hash(String user, String hash) {
        run("usermod", "-p", hash, user);
    }

    void lock(String user) {
        run("usermod", "-L", user);
    }

    /** chage: -E expire day, -d last change day, -M max, -W warn, -I inactive (-1 clears). */
    void chage(String user, String... args) {
        List<String> cmd = new ArrayList<>(List.of("chage"));
        cmd.addAll(List.of(args));
        cmd.add(user);
        run(cmd.toArray(String[]::new));
    }

    @Override
    public void close() {
        removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private synchronized void removeAll() {
        for (String u : users) {
            quietly("userdel", "-f", u);
        }
        users.clear();
        for (String g : groups) {
            quietly("groupdel", g);
        }
        groups.clear();
    }

    private static void quietly(String... cmd) {
        try {
            exec(null, cmd);
        } catch (RuntimeException e) {
            // best effort while cleaning up
        }
    }

    private static void run(String... cmd) {
        runWithInput(null, cmd);
    }

    private static void runWithInput(String input, String... cmd) {
        // other test JVMs may hold the passwd lock for a moment: retry then
        for (int attempt = 0; ; attempt++) {
            Result r = exec(input, cmd);
            if (r.code == 0) {
                return;
            }
            if (attempt >= 50 || !(r.err.contains("lock") || r.err.contains("try again"))) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (" + r.code + "): " + r.err);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Result(int code, String err) {
    }

    private static Result exec(String input, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), err);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
