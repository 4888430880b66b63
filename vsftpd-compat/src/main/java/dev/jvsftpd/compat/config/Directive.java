package dev.jvsftpd.compat.config;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One vsftpd.conf directive: a row of {@link Directives}.
 *
 * @param name           the exact, case-sensitive name vsftpd matches
 * @param type           how the value is parsed
 * @param defaultValue   upstream's compiled-in default as config text; null means unset
 * @param dialectDefault compiled defaults that differ in a dialect
 * @param dialects       the builds that know this directive (others reject it as unknown)
 * @param meaning        one or two sentences for docs and error hints
 * @param support        whether jvsftpd acts on it yet
 */
public record Directive(String name, Type type, String defaultValue, Map<Dialect, String> dialectDefault,
                        Set<Dialect> dialects, String meaning, Support support) {

    public enum Type { BOOL, UINT, STRING }

    public enum Support {
        /** jvsftpd does what vsftpd does with it. */
        IMPLEMENTED,
        /** Accepted with vsftpd's meaning, not acted on yet: named in the startup warning when set. */
        NOT_YET,
        /** A knob of vsftpd's process model (sandboxes, privilege separation) with nothing to do in a JVM. */
        NOT_APPLICABLE
    }

    public Directive {
        dialectDefault = Map.copyOf(dialectDefault);
        dialects = Set.copyOf(dialects);
    }

    static Directive of(String name, Type type, String defaultValue, String meaning) {
        return new Directive(name, type, defaultValue, Map.of(), EnumSet.allOf(Dialect.class), meaning, Support.NOT_YET);
    }

    /** The compiled-in default of this dialect's build, as config text (null: unset). */
    public String defaultValue(Dialect dialect) {
        return dialectDefault.containsKey(dialect) ? dialectDefault.get(dialect) : defaultValue;
    }

    public boolean existsIn(Dialect dialect) {
        return dialects.contains(dialect);
    }

    Directive withDefault(Dialect dialect, String value) {
        Map<Dialect, String> defaults = new EnumMap<>(Dialect.class);
        defaults.putAll(dialectDefault);
        defaults.put(dialect, value);
        return new Directive(name, type, defaultValue, defaults, dialects, meaning, support);
    }

    Directive onlyIn(Dialect dialect) {
        return new Directive(name, type, defaultValue, dialectDefault, EnumSet.of(dialect), meaning, support);
    }

    Directive supported(Support level) {
        return new Directive(name, type, defaultValue, dialectDefault, dialects, meaning, level);
    }
}
