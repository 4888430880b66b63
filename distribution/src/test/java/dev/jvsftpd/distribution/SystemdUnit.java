package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A systemd unit file read as systemd.syntax(7) says, for the subset a plain unit uses: sections,
 * {@code Key=value} lines, {@code #} and {@code ;} comments. Anything else (continuation lines,
 * quoting in command lines) fails the test rather than being guessed at.
 */
record SystemdUnit(Path file, List<Entry> entries) {
    record Entry(String section, String key, String value, int line) {
    }

    SystemdUnit {
        entries = List.copyOf(entries);
    }

    static SystemdUnit parse(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String section = null;
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            if (t.endsWith("\\")) {
                fail(file + ":" + n + ": continuation lines are not expected in our unit");
            }
            if (t.startsWith("[") && t.endsWith("]")) {
                section = t.substring(1, t.length() - 1);
            } else if (t.contains("=") && section != null) {
                int eq = t.indexOf('=');
                entries.add(new Entry(section, t.substring(0, eq).strip(), t.substring(eq + 1).strip(), n));
            } else {
                fail(file + ":" + n + ": not a section or Key=value line: " + line);
            }
        }
        return new SystemdUnit(file, entries);
    }

    /** Every value of a key, in order ("" resets the list, as systemd does for ExecStart=). */
    List<String> values(String section, String key) {
        List<String> values = new ArrayList<>();
        for (Entry e : entries) {
            if (e.section().equals(section) && e.key().equals(key)) {
                if (e.value().isEmpty()) {
                    values.clear();
                } else {
                    values.add(e.value());
                }
            }
        }
        return values;
    }

    Optional<String> value(String section, String key) {
        List<String> values = values(section, key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** The one ExecStart= command, its special prefixes (-@:+!) removed, split into words. */
    List<String> execStart() {
        List<String> commands = values("Service", "ExecStart");
        if (commands.size() != 1) {
            fail(file + ": expected exactly one ExecStart=, found " + commands);
        }
        String command = commands.get(0).replaceFirst("^[-@:+!]+", "");
        if (command.contains("\"") || command.contains("'") || command.contains("$") || command.contains("%")) {
            fail(file + ": ExecStart= uses quoting, variables or specifiers: " + command);
        }
        return List.of(command.split("\\s+"));
    }
}
