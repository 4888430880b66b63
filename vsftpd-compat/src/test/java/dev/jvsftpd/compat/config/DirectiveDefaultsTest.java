package dev.jvsftpd.compat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.Directive.Type;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The directive table against reference section 2, transcribed independently of
 * {@link Directives} into directive-defaults.tsv.
 */
class DirectiveDefaultsTest {
    /** One TSV row; a dialect maps to null when that build does not know the directive. */
    record Row(String name, Type type, Map<Dialect, String> defaults) {
        boolean existsIn(Dialect dialect) {
            return defaults.get(dialect) != null;
        }
    }

    private static final List<Row> ROWS = readTable();

    private static List<Row> readTable() {
        try (InputStream in = DirectiveDefaultsTest.class.getResourceAsStream("directive-defaults.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            for (String line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                assertEquals(5, cells.length, "malformed row: " + line);
                Map<Dialect, String> defaults = new EnumMap<>(Dialect.class);
                defaults.put(Dialect.UPSTREAM, cells[2].equals("-") ? null : cells[2]);
                defaults.put(Dialect.DEBIAN, cells[3].equals("-") ? null : cells[3]);
                defaults.put(Dialect.RHEL, cells[4].equals("-") ? null : cells[4]);
                rows.add(new Row(cells[0], Type.valueOf(cells[1].toUpperCase(Locale.ROOT)), defaults));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> defaultsPerDialect() {
        return ROWS.stream().flatMap(row -> Stream.of(Dialect.values())
                .filter(row::existsIn)
                .map(dialect -> Arguments.of(row.name(), dialect, row.type(), row.defaults().get(dialect))));
    }

    static Stream<Arguments> absentFromDialect() {
        return ROWS.stream().flatMap(row -> Stream.of(Dialect.values())
                .filter(dialect -> !row.existsIn(dialect))
                .map(dialect -> Arguments.of(row.name(), dialect)));
    }

    @ParameterizedTest(name = "{1}: {0} = {3}")
    @MethodSource("defaultsPerDialect")
    void compiledDefaultMatchesReference(String name, Dialect dialect, Type type, String expected) {
        Directive directive = Directives.lookup(name, dialect).orElseThrow(
                () -> new AssertionError(name + " missing from the " + dialect + " table"));
        assertEquals(type, directive.type(), name + " type");
        VsftpdConfig defaults = VsftpdConfig.defaults(dialect);
        switch (type) {
            case BOOL -> assertEquals(expectedBool(expected), defaults.bool(directive));
            case UINT -> assertEquals(expectedUint(expected), defaults.uint(directive));
            case STRING -> assertEquals(expected.equals("(none)") ? null : expected, defaults.string(directive));
        }
    }

    @ParameterizedTest(name = "{1} does not know {0}")
    @MethodSource("absentFromDialect")
    void dialectOnlyDirectiveIsUnrecognisedElsewhere(String name, Dialect dialect) {
        assertTrue(Directives.lookup(name, dialect).isEmpty());
        // "=1" is a valid value for every type, so only the name can be at fault.
        OopsException e = assertThrows(OopsException.class, () -> ConfigFixtures.apply(dialect, name + "=1"));
        assertEquals("unrecognised variable in config file: " + name, e.vsftpdText());
    }

    @Test
    void upstreamHasTheReferenceCount() {
        Map<Type, Long> byType = Directives.all().stream()
                .filter(d -> d.existsIn(Dialect.UPSTREAM))
                .collect(Collectors.groupingBy(Directive::type, Collectors.counting()));
        assertEquals(Map.of(Type.BOOL, 80L, Type.UINT, 20L, Type.STRING, 32L), byType);
        // The transcription itself must agree with the reference's stated count.
        assertEquals(132, ROWS.stream().filter(r -> r.existsIn(Dialect.UPSTREAM)).count());
    }

    @Test
    void dialectBuildsAddTheirOwnDirectives() {
        assertEquals(132 + 3, Directives.all().stream().filter(d -> d.existsIn(Dialect.DEBIAN)).count());
        assertEquals(132 + 12, Directives.all().stream().filter(d -> d.existsIn(Dialect.RHEL)).count());
    }

    @Test
    void tableNamesExactlyTheReferenceDirectives() {
        Set<String> table = Directives.all().stream().map(Directive::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reference = ROWS.stream().map(Row::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ROWS.size(), reference.size(), "duplicate rows in directive-defaults.tsv");
        assertEquals(reference, table);
        for (Row row : ROWS) {
            Directive directive = Directives.all().stream().filter(d -> d.name().equals(row.name())).findFirst().orElseThrow();
            for (Dialect dialect : Dialect.values()) {
                assertEquals(row.existsIn(dialect), directive.existsIn(dialect), row.name() + " in " + dialect);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void defaultsHaveNoExplicitSettings(Dialect dialect) {
        VsftpdConfig defaults = VsftpdConfig.defaults(dialect);
        assertTrue(defaults.explicitSettings().isEmpty());
        assertEquals(dialect, defaults.dialect());
    }

    @Test
    void gettersRefuseTheWrongType() {
        VsftpdConfig defaults = VsftpdConfig.defaults(Dialect.DEBIAN);
        assertThrows(IllegalArgumentException.class, () -> defaults.uint(Directives.LISTEN));
        assertThrows(IllegalArgumentException.class, () -> defaults.bool(Directives.FTPD_BANNER));
        assertFalse(defaults.bool(Directives.LISTEN));
    }

    private static boolean expectedBool(String text) {
        return switch (text) {
            case "YES" -> true;
            case "NO" -> false;
            default -> throw new AssertionError("bad bool in directive-defaults.tsv: " + text);
        };
    }

    /** The reference writes modes in C notation: a leading 0 is octal. */
    private static long expectedUint(String text) {
        return text.length() > 1 && text.startsWith("0") ? Long.parseLong(text, 8) : Long.parseLong(text);
    }
}
