package dev.jvsftpd.selinux.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable set of boolean values by canonical name; a name it does not hold is off. */
public record BooleanValues(Map<String, Boolean> values) {

    public BooleanValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static BooleanValues none() {
        return new BooleanValues(Map.of());
    }

    public boolean on(String name) {
        return values.getOrDefault(name, false);
    }

    public BooleanValues with(String name, boolean value) {
        Map<String, Boolean> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new BooleanValues(m);
    }

    /** Values for convenience in tests and callers: {@code BooleanValues.of("ftpd_anon_write")} turns that one on. */
    public static BooleanValues of(String... on) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String name : on) {
            m.put(name, true);
        }
        return new BooleanValues(m);
    }
}
