package dev.jvsftpd.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the transcript scenarios from the classpath resource transcripts.txt. A scenario's
 * leading {@code set name=value} lines are config settings both servers get for that scenario.
 */
final class Scenarios {
    record Scenario(String name, Map<String, String> settings, List<String> commands) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Scenarios() {
    }

    static List<Scenario> load(String resource) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        Map<String, Map<String, String>> settingsByName = new LinkedHashMap<>();
        try (InputStream in = Scenarios.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    String name = line.substring(1, line.length() - 1);
                    if (byName.containsKey(name)) {
                        throw new IllegalStateException(resource + ":" + lineNo + ": duplicate scenario " + name);
                    }
                    current = new ArrayList<>();
                    byName.put(name, current);
                    settingsByName.put(name, new LinkedHashMap<>());
                } else if (current == null) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": command before the first [scenario]");
                } else if (line.startsWith("set ") && current.isEmpty()) {
                    String setting = line.substring(4);
                    int eq = setting.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalStateException(resource + ":" + lineNo + ": set needs name=value");
                    }
                    settingsByName.get(lastKey(byName)).put(setting.substring(0, eq), setting.substring(eq + 1));
                } else {
                    current.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Scenario> list = new ArrayList<>();
        byName.forEach((n, c) -> list.add(new Scenario(n, Map.copyOf(settingsByName.get(n)), List.copyOf(c))));
        if (list.isEmpty()) {
            throw new IllegalStateException(resource + " has no scenarios");
        }
        return list;
    }

    private static String lastKey(Map<String, ?> map) {
        String last = null;
        for (String key : map.keySet()) {
            last = key;
        }
        return last;
    }
}
