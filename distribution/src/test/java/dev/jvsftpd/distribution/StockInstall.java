package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A copy of the real Apache FtpServer 1.2.1 binary distribution (Maven Central's
 * org.apache.ftpserver:ftpserver:1.2.1:zip:bin, unpacked by maven-dependency-plugin) with our
 * jars in common/lib, run by its own bin/ftpd.sh.
 */
final class StockInstall {
    private static final Pattern ARTIFACT = Pattern.compile("(.+?)-\\d[^-]*(-SNAPSHOT)?\\.jar");
    /** The slf4j binding of our zip: the stock install has its own (reload4j). */
    private static final Set<String> OURS_ONLY = Set.of("logback-classic", "logback-core");

    final Path home;

    private StockInstall(Path home) {
        this.home = home;
    }

    /** The unpacked stock distribution, as passed by failsafe. */
    static Path pristine() {
        String p = System.getProperty("stock.ftpserver.home");
        if (p == null) {
            fail("system property stock.ftpserver.home is not set (run through maven-failsafe: mvn verify)");
        }
        Path home = Path.of(p);
        assertTrue(Files.isRegularFile(home.resolve("bin/ftpd.sh")), "the stock FtpServer is not unpacked at " + home);
        return home;
    }

    /**
     * The jars of our lib/ that a stock install lacks: every artifact it does not ship already,
     * except our logging binding. These are what the admin guide says to copy.
     */
    static List<Path> jarsToAdd(Path ourLib, Path stockLib) throws IOException {
        Set<String> stock = artifacts(stockLib).stream().map(StockInstall::artifact).collect(Collectors.toSet());
        return artifacts(ourLib).stream()
                .filter(jar -> !stock.contains(artifact(jar)) && !OURS_ONLY.contains(artifact(jar)))
                .toList();
    }

    /** Copies the pristine install to {@code into} and adds our jars from the unpacked jvsftpd zip. */
    static StockInstall create(Path into, Path jvsftpdHome) throws IOException {
        Path pristine = pristine();
        try (Stream<Path> files = Files.walk(pristine)) {
            for (Path source : files.toList()) {
                Path target = into.resolve(pristine.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Path lib = into.resolve("common/lib");
        for (Path jar : jarsToAdd(jvsftpdHome.resolve("lib"), lib)) {
            Files.copy(jar, lib.resolve(jar.getFileName()));
        }
        return new StockInstall(into);
    }

    Path lib() {
        return home.resolve("common/lib");
    }

    /** Writes res/conf/{@code name} and runs {@code sh bin/ftpd.sh res/conf/name} until 127.0.0.1:port accepts. */
    Daemon start(String name, String xml, int port) throws IOException, InterruptedException {
        return start(name, xml, port, Map.of());
    }

    /** As {@link #start(String, String, int)}, with these variables added to ftpd.sh's environment. */
    Daemon start(String name, String xml, int port, Map<String, String> variables) throws IOException, InterruptedException {
        Files.writeString(home.resolve("res/conf").resolve(name), xml, StandardCharsets.UTF_8);
        Daemon d = Daemon.start("ftpd.sh", List.of("sh", "bin/ftpd.sh", "res/conf/" + name), home,
                Files.createTempFile(home, "ftpd-sh", ".out"), env -> {
                    environment(env);
                    env.putAll(variables);
                });
        try {
            return d.awaitPort(port);
        } catch (RuntimeException | Error | InterruptedException e) {
            d.stop();
            throw new AssertionError(e.getMessage() + "\nres/log/ftpd.log:\n" + log(), e);
        }
    }

    /** This JVM's Java; nothing that would change what is tested (ftpd.sh puts $CLASSPATH first). */
    static void environment(Map<String, String> env) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.keySet().removeIf(v -> v.startsWith("JVSFTPD_") || List.of("CLASSPATH", "JAVACMD", "FTPD_HOME",
                "JAVA_TOOL_OPTIONS", "JAVA_OPTS", "VSFTPD_LOAD_CONF").contains(v));
    }

    /** FtpServer's own log (reload4j, common/classes/log4j.properties): where our startup lines go. */
    String log() {
        try {
            Path log = home.resolve("res/log/ftpd.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "<no res/log/ftpd.log>";
        } catch (IOException e) {
            return "<cannot read res/log/ftpd.log: " + e + ">";
        }
    }

    private static List<Path> artifacts(Path lib) throws IOException {
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static String artifact(Path jar) {
        Matcher m = ARTIFACT.matcher(jar.getFileName().toString());
        return m.matches() ? m.group(1) : jar.getFileName().toString();
    }
}
