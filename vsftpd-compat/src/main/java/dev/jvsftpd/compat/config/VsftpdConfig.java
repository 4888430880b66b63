package dev.jvsftpd.compat.config;

import dev.jvsftpd.compat.config.Directive.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one vsftpd configuration: every directive of {@link Directives} has a value,
 * its dialect's compiled default unless a source set it. Immutable; {@link Builder} applies
 * sources in vsftpd's order.
 */
public final class VsftpdConfig {
    private final Dialect dialect;
    private final Map<String, Object> values;
    private final Map<String, Source> explicit;

    private VsftpdConfig(Dialect dialect, Map<String, Object> values, Map<String, Source> explicit) {
        this.dialect = dialect;
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
        this.explicit = Collections.unmodifiableMap(new LinkedHashMap<>(explicit));
    }

    /** Where a setting came from: a file and line, or a {@code -o} argument (file null). */
    public record Source(String file, int line) {
        public static Source commandLine() {
            return new Source(null, 0);
        }

        @Override
        public String toString() {
            return file == null ? "command line" : file + ":" + line;
        }
    }

    /** The compiled-in defaults of a dialect's build. */
    public static VsftpdConfig defaults(Dialect dialect) {
        return new Builder(dialect).build();
    }

    public Dialect dialect() {
        return dialect;
    }

    public boolean bool(Directive directive) {
        return (Boolean) value(directive, Type.BOOL);
    }

    /** Unsigned 32-bit value, as vsftpd stores it. */
    public long uint(Directive directive) {
        return (Long) value(directive, Type.UINT);
    }

    /** Null when unset. */
    public String string(Directive directive) {
        return (String) value(directive, Type.STRING);
    }

    /** Directives a source set explicitly, with where; in the order they were first set. */
    public Map<String, Source> explicitSettings() {
        return explicit;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private Object value(Directive directive, Type expected) {
        if (directive.type() != expected) {
            throw new IllegalArgumentException(directive.name() + " is a " + directive.type());
        }
        return values.get(directive.name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VsftpdConfig other && dialect == other.dialect && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, values);
    }

    /** Accumulates settings; later ones win, as in vsftpd. */
    public static final class Builder {
        private final Dialect dialect;
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, Source> explicit = new LinkedHashMap<>();

        public Builder(Dialect dialect) {
            this.dialect = dialect;
            for (Directive directive : Directives.all()) {
                if (directive.existsIn(dialect)) {
                    values.put(directive.name(), ValueSyntax.parseDefault(directive, dialect));
                }
            }
        }

        private Builder(VsftpdConfig config) {
            this.dialect = config.dialect;
            this.values.putAll(config.values);
            this.explicit.putAll(config.explicit);
        }

        public Dialect dialect() {
            return dialect;
        }

        /** Sets a value already converted by {@link ValueSyntax} (Boolean, Long, or String/null). */
        Builder set(Directive directive, Object value, Source source) {
            values.put(directive.name(), value);
            explicit.putIfAbsent(directive.name(), source);
            return this;
        }

        public VsftpdConfig build() {
            return new VsftpdConfig(dialect, values, explicit);
        }
    }
}
