package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host name checks with real lookups on both sides. A child JVM runs in a private mount namespace
 * (unshare -m, as root) with the reference's private /etc/hosts and "hosts: files" bind-mounted over
 * the machine's, so no DNS is asked. There libwrap resolves names itself through glibc and we use
 * the default {@link SystemHostResolver}; the verdicts and %n/%h/%s expansions must agree, and the
 * name rows of the reference's table must come out as documented.
 */
class NameLookupNamespaceTest {

    @TempDir
    Path dir;

    @Test
    void defaultResolverAgreesWithLibwrapsOwnLookups() throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), Fixture.HOSTS);
        Path nsswitch = Files.writeString(dir.resolve("nsswitch.conf"), "hosts: files\n");
        Path work = Files.createDirectory(dir.resolve("work"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "mount --bind \"$1\" /etc/hosts && mount --bind \"$2\" /etc/nsswitch.conf && shift 2 && exec \"$@\"";
        ProcessBuilder builder = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh",
                hosts.toString(), nsswitch.toString(), java, "-cp", System.getProperty("java.class.path"),
                NameLookupProbe.class.getName(), work.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("probe.out").toFile());
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("probe.out"), StandardCharsets.UTF_8);
        assertTrue(finished, "probe did not finish: " + output);
        assertEquals(0, process.exitValue(), output);

        Map<String, String[]> results = new HashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t");
            if (f.length != 3) {
                continue;
            }
            results.put(f[0], f);
            if (!f[1].equals(f[2])) {
                disagreements.add(line);
            }
        }
        int expected = NameLookupProbe.CLIENTS.size()
                * (NameLookupProbe.PATTERNS.size() + NameLookupProbe.DAEMONS.size() + NameLookupProbe.EXPANSIONS.size());
        assertEquals(expected, results.size(), output);
        assertEquals(List.of(), disagreements, String.join("\n", disagreements));

        // the reference's name rows (A.13 34-44), here with real lookups
        assertAccess(results, "client 127.0.0.1 LOCAL", "ALLOW");
        assertAccess(results, "client 127.0.0.8 LOCAL", "ALLOW");
        assertAccess(results, "client 127.0.0.5 LOCAL", "DENY");
        assertAccess(results, "client 127.0.0.1 ALL EXCEPT LOCAL", "DENY");
        assertAccess(results, "client ::1 localhost", "ALLOW");
        assertAccess(results, "client 127.0.0.5 KNOWN", "ALLOW");
        assertAccess(results, "client 127.0.0.9 KNOWN", "DENY");
        assertAccess(results, "client 127.0.0.6 KNOWN", "DENY");
        assertAccess(results, "client 127.0.0.9 UNKNOWN", "ALLOW");
        assertAccess(results, "client 127.0.0.6 UNKNOWN", "DENY");
        assertAccess(results, "client 127.0.0.11 UNKNOWN", "ALLOW");
        assertAccess(results, "client 127.0.0.6 PARANOID", "ALLOW");
        assertAccess(results, "client 127.0.0.9 PARANOID", "DENY");
        assertAccess(results, "client 127.0.0.6 ALL EXCEPT PARANOID", "DENY");
        assertAccess(results, "client 127.0.0.6 127.0.0.7", "DENY");
        assertAccess(results, "client 127.0.0.5 host5", "DENY");
        assertAccess(results, "client 127.0.0.10 .example.com", "ALLOW");
        assertAccess(results, "client mapped:127.0.0.5 .example.com", "ALLOW");
        // %h and %s show addresses until a lookup happened, then names
        assertEquals("ALLOW 127.0.0.5 vsftpd@127.0.0.1 host5.example.com localhost host5.example.com vsftpd@localhost host5.example.com",
                results.get("client 127.0.0.5 expand %h %s %n %N %h %s %c")[1]);
        assertEquals("ALLOW paranoid", results.get("client 127.0.0.6 expand %n")[1]);
        assertEquals("ALLOW unknown", results.get("client 127.0.0.9 expand %n")[1]);
        // Debian's libwrap also calls a name paranoid when its forward lookup reports another canonical name
        assertEquals("ALLOW paranoid", results.get("client 127.0.0.12 expand %n")[1]);
    }

    private static void assertAccess(Map<String, String[]> results, String label, String access) {
        assertTrue(results.get(label)[1].startsWith(access + " "), label + ": " + String.join(" | ", results.get(label)));
    }
}
