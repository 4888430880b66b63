package dev.jvsftpd.compat.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.fs.Jail;
import dev.jvsftpd.compat.unix.UnixIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every verdict of vsftpd-deny-file-probes.tsv (real Debian and upstream vsftpd 3.0.3,
 * deny_file × SIZE argument) against {@link AccessRules#denied}, in a jail rebuilt from the
 * file's own header. Any disagreement fails, with the rows that disagree.
 */
class DenyFileProbesTest {
    private static final String RESOURCE = "vsftpd-deny-file-probes.tsv";
    private static final UnixIdentity ROOT = new UnixIdentity(0, 0, Set.of());

    @TempDir
    static Path root;

    static Probes probes;
    static Jail jail;

    record Row(int line, Dialect binary, String cwd, String pattern, String argument, boolean denied) {
        @Override
        public String toString() {
            return "line " + line + ": " + binary.displayName() + " cwd=" + cwd + " deny_file=" + pattern
                    + " SIZE " + argument + " -> " + (denied ? "denied" : "allowed");
        }
    }

    record Probes(List<String> header, List<Row> rows) {
    }

    @BeforeAll
    static void load() throws IOException {
        probes = read();
        buildJail(probes.header(), root);
        jail = new Jail(root);
    }

    @Test
    void everyObservedVerdictIsReproduced() {
        Map<Dialect, Integer> counted = new EnumMap<>(Dialect.class);
        List<String> mismatches = new ArrayList<>();
        for (Row row : probes.rows()) {
            AccessRules rules = new AccessRules(row.binary(), row.pattern(), null, null, null,
                    NameResolver.in(jail, ROOT));
            if (rules.denied(row.cwd(), row.argument()) != row.denied()) {
                mismatches.add(row.toString());
            }
            counted.merge(row.binary(), 1, Integer::sum);
        }
        // the file promises 3231 rows per binary; a short read would make the replay meaningless
        assertEquals(Map.of(Dialect.DEBIAN, 3231, Dialect.UPSTREAM, 3231), counted);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches:\n" + String.join("\n", mismatches));
    }

    @Test
    void theJailHasWhatTheHeaderDescribes() throws IOException {
        assertTrue(Files.isSymbolicLink(root.resolve("sub/up.lnk")));
        assertEquals("../a.mp3", Files.readSymbolicLink(root.resolve("sub/up.lnk")).toString());
        assertTrue(Files.isRegularFile(root.resolve("sp ace")));
        assertTrue(Files.isDirectory(root.resolve(".private")));
        assertTrue(Files.isRegularFile(root.resolve(".private/f")));
        assertTrue(Files.isSymbolicLink(root.resolve("dangling.mp3")));
    }

    private static Probes read() throws IOException {
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (InputStream in = DenyFileProbesTest.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean columns = false;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith("#")) {
                    header.add(line.substring(1));
                    continue;
                }
                if (!columns) {
                    columns = true; // the column-name line
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(number, Dialect.valueOf(f[0].toUpperCase()), f[1], f[2], f[3],
                        switch (f[4]) {
                            case "denied" -> true;
                            case "allowed" -> false;
                            default -> throw new IllegalStateException("line " + line + ": verdict " + f[4]);
                        }));
            }
        }
        return new Probes(header, rows);
    }

    private static final Pattern LINK = Pattern.compile("(\\S+) -> (\\S+)");
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    /**
     * The header's "Jail contents" block: paths (a trailing {@code /} is a directory, quotes
     * protect spaces), then "symlinks:" lines of {@code name -> target}.
     */
    static void buildJail(List<String> header, Path into) throws IOException {
        boolean inBlock = false;
        boolean inLinks = false;
        int made = 0;
        for (String raw : header) {
            String line = raw.strip();
            if (line.startsWith("Jail contents")) {
                inBlock = true;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            if (!line.startsWith("/") && !line.startsWith("\"") && !line.startsWith("symlinks:")) {
                if (inLinks || made > 0) {
                    break; // the block has ended
                }
                continue;
            }
            if (line.startsWith("symlinks:")) {
                inLinks = true;
                line = line.substring("symlinks:".length());
            }
            if (inLinks) {
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    Path link = into.resolve(m.group(1).substring(1));
                    Files.createDirectories(link.getParent());
                    Files.createSymbolicLink(link, Path.of(m.group(2)));
                    made++;
                }
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            while (m.find()) {
                String path = m.group(1) != null ? m.group(1) : m.group(2);
                Path target = into.resolve(path.substring(1));
                if (path.endsWith("/")) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, "content of " + path + "\n");
                }
                made++;
            }
        }
        if (made < 25) {
            throw new IllegalStateException("jail header not understood: " + made + " entries");
        }
    }
}
