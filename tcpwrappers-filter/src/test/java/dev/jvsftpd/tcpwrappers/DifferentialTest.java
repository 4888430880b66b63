package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of hosts.allow / hosts.deny pairs (rules, lists, EXCEPT, wildcards, masks,
 * IPv6, names, users, /file lists, options, comments, continuations, broken lines) fed to our
 * implementation and to the real libwrap for the same loopback connections, from IPv4, IPv4-mapped
 * and IPv6 clients. Verdicts, setenv values, spawn command output and banner bytes must be
 * identical. Seeded, so a failure reproduces.
 */
class DifferentialTest {

    private static final long SEED = 0x7c9_2a11L;
    private static final int TABLE_PAIRS = 800;
    /** Each corpus case is bounded; the whole run must also end in time. */
    private static final long MAX_MILLIS = 120_000;

    /** Client endpoint, the host name libwrap's lookups would give, and the ident user. */
    record Client(String address, String name, String user) {
    }

    private static final List<Client> CLIENTS = List.of(
            new Client("127.0.0.5", "host5.example.com", "unknown"),
            new Client("127.0.0.6", "paranoid", "unknown"),
            new Client("127.0.0.9", "unknown", "unknown"),
            new Client("127.0.0.10", "Host10.Example.COM", "alice"),
            new Client("127.0.0.8", "nodots", "unknown"),
            new Client("127.0.0.1", "localhost", "unknown"),
            new Client("127.0.0.200", "a.b", "Bob.Smith"),
            new Client("mapped:127.0.0.5", "host5.example.com", "unknown"),
            new Client("mapped:127.0.0.9", "unknown", "alice"),
            new Client("::1", "localhost", "alice"));

    private static final String[] DAEMONS = {
        "vsftpd", "VSFTPD", "vsftp?", "vs*", "ALL", "sshd", "in.ftpd", ".ftpd", "${PORT}", "+${PORT}", "0${PORT}",
        "21", "KNOWN", "vsftpd@127.0.0.1", "vsftpd@localhost", "vsftpd@127.0.0.0/8", "ALL@[::1]", "vsftpd@[::1]",
        "vsftpd@LOCAL", "vsftpd@KNOWN", "vsftpd@127.0.0.2", "ALL@ALL", "vs*@*", "@x", "vsftpd@@x", "vsftpd**",
        "vsftpd@127.0.0.1/255.0.0.0", "vsftpd@.0.0.1", "vsftpd@*", "UNKNOWN", "vsftpd@PARANOID", "v*d",
    };

    private static final String[] HOSTS = {
        "ALL", "KNOWN", "UNKNOWN", "LOCAL", "PARANOID", "127.0.0.5", "127.0.0.6", "127.0.0.1", "127.", "127.0.0.",
        "127.0.0", "127.0.0.5.", "12", "127.0.0.0/255.255.255.0", "127.0.0.0/24", "127.0.0.0/8", "127.0.0.4/31",
        "127.0.0.0/0", "0.0.0.0/0", "0.0.0.0/0.0.0.0", "127.0.0.5/32", "127.0.0.5/255.255.255.255",
        "127.0.0.0/24abc", "127.0.0.0/33", "127.0.0.0/0377.0.0.0", "0177.0.0.5/32", "127.0.0.8/29",
        "127.0.0.*", "127.0.0.?", "127.*.5", "*", "127.0.0.1*", "127.0.0.5**", "*5", "?::1", "???", "*.*",
        "[::1]", "[::1]/128", "[::]/0", "[::2]/64", "[::2]/127", "[::1]/", "[::1]/abc", "[::ffff:127.0.0.5]",
        "[::ffff:127.0.0.0]/120", "::1", "[::1]x", "[0::1]", "[::0.0.0.1]", "[::1", ".example.com", ".com",
        ".EXAMPLE.COM", "host5.example.com", "HOST5.", "host5", "*.example.com", "h*5.example.co?", ".0.0.5",
        "localhost", "LOCALHOST", "nodots", "Host10.Example.COM", "host10.example.com", ".example.*", "a.",
        ".b", "@netgroup", "@127.0.0.5", "${DIR}/listA", "${DIR}/listB", "${DIR}/listC", "${DIR}/nonexistent",
        "127.0.0.200", "127.0.0.192/26", "127.0.0.0/255.255.255.128", ".1", "*1", "*:*", "::ffff:*",
        "127.0.0.5/0.0.0.0", "127.0.0.5/255.255.255.254", "127.0.0.4/255.255.255.254", "127.0.0.0/08",
        "127.0.0.0/+8", "127.0.0.0/-8", "127.0.0.0/4294967320", "[::1]/4294967424", "unknown", "paranoid",
    };

    private static final String[] USERS = {"ALL", "KNOWN", "UNKNOWN", "alice", "ALICE", "a*", "bob.smith", "*.*",
        "unknown", "Bob.", ".smith", "?"};

    private static final String[] OPTIONS = {
        "allow", "deny", "ALLOW", "allow ", "allow=", "allow = ", "=allow", "allow x", "deny", "DENY",
        "setenv X %a", "setenv X %h-%c-%s-%n-%H-%A-%d", "setenv Y %u %c", "setenv X  a b  ", "setenv X=y",
        "setenv Y", "setenv =X z", "setenv X a\\:b", "setenv Y %r-%R-%%-%z-%", "setenv X [a:b]",
        "severity auth.notice", "severity info", "severity bogus", "severity auth.", "keepalive", "keepalive 3",
        "umask 022", "umask 999", "umask 0778", "nice 5x", "rfc931 0", "rfc931 5", "rfc931", "linger 5",
        "linger -1", "linger x", "bogus", "", " ", "user nosuchuser",
        "group nosuchgroup", "user", "twist echo hi", "banners ${DIR}/banners", "banners ${DIR}/nobanners",
        "allow # c", "setenv X %N %s", "setenv X %s %N",
    };

    /** Options that start a shell: both libwrap (forking the test JVM) and we run them, so they are rarer. */
    private static final String[] SHELL_OPTIONS = {
        "aclexec true", "aclexec false", "spawn echo a=%a h=%h c=%c s=%s n=%n >> ${OUT}",
        "spawn echo %d %u %H %N >> ${OUT}", "spawn=echo eq >> ${OUT}",
    };

    private static final String[] SEPARATORS = {" ", ",", ", ", "\t", " , ", "  "};

    @TempDir
    Path dir;

    @Test
    void corpusAgreesWithLibwrap() throws IOException {
        Files.writeString(dir.resolve("listA"), "127.0.0.5 [::1]\n.example.com\tnodots\n");
        Files.writeString(dir.resolve("listB"), "KNOWN");
        Files.writeString(dir.resolve("listC"), "127.0.0.0/24 @x " + dir.resolve("nonexistent") + " LOCAL,x\n");
        Files.createDirectory(dir.resolve("banners"));
        Files.write(dir.resolve("banners").resolve("vsftpd"),
                "Hello %a from %h\nfor %c [odd\n100%\n\u00e9t\u00e9 %d\n".getBytes(StandardCharsets.ISO_8859_1));
        Path ours = dir.resolve("spawn-j.txt");
        Path theirs = dir.resolve("spawn-o.txt");

        Random random = new Random(SEED);
        long start = System.currentTimeMillis();
        int cases = 0;
        int allowed = 0;
        int withEffects = 0;
        List<String> mismatches = new ArrayList<>();
        long oracleNanos = 0;
        long oursNanos = 0;
        try (Fixture fixture = new Fixture(dir)) {
            for (int pair = 0; pair < TABLE_PAIRS && System.currentTimeMillis() - start < MAX_MILLIS; pair++) {
                String allowText = table(random, false);
                String denyText = table(random, true);
                Map<String, Path[]> written = new HashMap<>();
                for (Client client : CLIENTS) {
                    // the tables differ per listener only by the port number; written once per listener
                    String port = Integer.toString(fixture.port(client.address()));
                    int tablePair = pair;
                    Path[] tables = written.computeIfAbsent(port, p -> new Path[] {
                        write(dir, "allow-o-" + p, allowText, p, theirs), write(dir, "deny-o-" + p, denyText, p, theirs),
                        write(dir, "allow-j-" + tablePair + "-" + p, allowText, p, ours),
                        write(dir, "deny-j-" + tablePair + "-" + p, denyText, p, ours)});
                    Path allowO = tables[0];
                    Path denyO = tables[1];
                    Path allowJ = tables[2];
                    Path denyJ = tables[3];
                    Files.deleteIfExists(ours);
                    Files.deleteIfExists(theirs);
                    LibWrap.LIBC.unsetenv("X");
                    LibWrap.LIBC.unsetenv("Y");
                    try (LibWrap.Connection c = fixture.connect(client.address())) {
                        long t0 = System.nanoTime();
                        LibWrap.tables(allowO, denyO);
                        LibWrap.Outcome real = LibWrap.hostsAccess(c, "vsftpd", client.name(), "localhost", client.user());
                        String realX = LibWrap.LIBC.getenv("X");
                        String realY = LibWrap.LIBC.getenv("Y");

                        ClientInfo info = Fixture.info(c, client.address())
                                .withClientName(client.name()).withServerName("localhost").withUser(client.user());
                        long t1 = System.nanoTime();
                        Verdict verdict = fixture.access(allowJ, denyJ, true).decide("vsftpd", info);
                        oracleNanos += t1 - t0;
                        oursNanos += System.nanoTime() - t1;

                        cases++;
                        allowed += real.allowed() ? 1 : 0;
                        String spawnedO = Files.exists(theirs) ? Files.readString(theirs, StandardCharsets.ISO_8859_1) : null;
                        String spawnedJ = Files.exists(ours) ? Files.readString(ours, StandardCharsets.ISO_8859_1) : null;
                        if (spawnedO != null || realX != null || realY != null || real.clientReceived().length > 0) {
                            withEffects++;
                        }
                        List<String> diffs = new ArrayList<>();
                        if (real.allowed() != (verdict.access() == Verdict.Access.ALLOW)) {
                            diffs.add("verdict libwrap=" + (real.allowed() ? "ALLOW" : "DENY") + " ours=" + verdict.access());
                        }
                        if (!Objects.equals(realX, verdict.environment().get("X"))) {
                            diffs.add("X libwrap=" + realX + " ours=" + verdict.environment().get("X"));
                        }
                        if (!Objects.equals(realY, verdict.environment().get("Y"))) {
                            diffs.add("Y libwrap=" + realY + " ours=" + verdict.environment().get("Y"));
                        }
                        if (!Objects.equals(spawnedO, spawnedJ)) {
                            diffs.add("spawn libwrap=" + spawnedO + " ours=" + spawnedJ);
                        }
                        if (!Arrays.equals(real.clientReceived(), verdict.banner())) {
                            diffs.add("banner libwrap=" + new String(real.clientReceived(), StandardCharsets.ISO_8859_1)
                                    + " ours=" + new String(verdict.banner(), StandardCharsets.ISO_8859_1));
                        }
                        if (!diffs.isEmpty() && mismatches.size() < 25) {
                            mismatches.add("pair " + pair + " client " + client + " " + diffs
                                    + "\n  allow: " + show(allowText) + "\n  deny:  " + show(denyText));
                        }
                        if (!diffs.isEmpty() && mismatches.size() >= 25) {
                            break;
                        }
                    }
                }
                for (Path[] tables : written.values()) {
                    Files.delete(tables[2]);
                    Files.delete(tables[3]);
                }
            }
        }
        System.out.printf("libwrap differential: %d cases, %d allowed, %d denied, %d with option effects, %d mismatches%n",
                cases, allowed, cases - allowed, withEffects, mismatches.size());
        System.out.printf("time: libwrap %d ms, ours %d ms, total %d ms%n", oracleNanos / 1_000_000, oursNanos / 1_000_000,
                System.currentTimeMillis() - start);
        assertEquals(List.of(), mismatches, String.join("\n", mismatches));
        assertTrue(cases >= TABLE_PAIRS * CLIENTS.size() / 2, "corpus ran only " + cases + " cases in time");
    }

    private static String show(String text) {
        String s = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    private static Path write(Path dir, String name, String text, String port, Path out) {
        Path p = dir.resolve(name);
        String content = text.replace("${PORT}", port).replace("${DIR}", dir.toString()).replace("${OUT}", out.toString());
        try {
            Files.write(p, content.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String pick(Random r, String[] pool) {
        return pool[r.nextInt(pool.length)];
    }

    private static String list(Random r, String[] pool, boolean clients) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(pick(r, SEPARATORS));
            }
            String token = pick(r, pool);
            if (clients && r.nextInt(10) == 0) {
                token = pick(r, USERS) + "@" + token;
            }
            s.append(token);
        }
        if (r.nextInt(5) == 0) {
            s.append(r.nextBoolean() ? " EXCEPT " : " except ").append(list(r, pool, clients));
        }
        if (r.nextInt(40) == 0) {
            s.insert(0, "EXCEPT ");
        }
        return s.toString();
    }

    private static String rule(Random r) {
        String rule = list(r, DAEMONS, false) + (r.nextBoolean() ? ":" : " : ") + list(r, HOSTS, true);
        if (r.nextInt(100) < 40) {
            int n = 1 + r.nextInt(3);
            StringBuilder options = new StringBuilder();
            for (int i = 0; i < n; i++) {
                options.append(i == 0 ? (r.nextBoolean() ? ": " : ":") : (r.nextBoolean() ? " : " : ":"));
                options.append(r.nextInt(25) == 0 ? pick(r, SHELL_OPTIONS) : pick(r, OPTIONS));
            }
            rule += options;
        }
        return rule;
    }

    private static String table(Random r, boolean deny) {
        StringBuilder t = new StringBuilder();
        int lines = r.nextInt(4);
        for (int i = 0; i < lines; i++) {
            int kind = r.nextInt(100);
            String line;
            if (kind < 4) {
                line = "# " + rule(r);
            } else if (kind < 7) {
                line = "  # vsftpd: ALL";
            } else if (kind < 9) {
                line = " \t ";
            } else if (kind < 11) {
                line = "vsftpd 127.0.0.5";
            } else if (kind < 12) {
                line = "vsftpd: 127.0.0.5 " + "x".repeat(2040);
            } else {
                line = rule(r);
            }
            if (r.nextInt(20) == 0 && line.length() > 2) {
                int cut = 1 + r.nextInt(line.length() - 1);
                line = line.substring(0, cut) + "\\\n" + line.substring(cut);
            }
            t.append(line).append(r.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        if (deny && r.nextInt(100) < 45) {
            t.append(r.nextBoolean() ? "ALL: ALL\n" : "ALL:ALL");
        }
        if (r.nextInt(30) == 0 && t.length() > 0 && t.charAt(t.length() - 1) == '\n') {
            t.setLength(t.length() - 1);
        }
        return t.toString();
    }
}
