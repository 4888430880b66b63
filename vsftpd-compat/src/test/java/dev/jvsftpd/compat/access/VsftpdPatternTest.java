package dev.jvsftpd.compat.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The scan loop alone: matcher-cases.tsv, the iteration cap, the RHEL rules and hostile input. */
class VsftpdPatternTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = VsftpdPatternTest.class.getResourceAsStream("matcher-cases.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean columns = false;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (!columns) {
                    columns = true;
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(Arguments.of(text(f[0]), text(f[1]), yes(f[2]), yes(f[3]), f[4]));
            }
        }
        if (out.size() < 150) {
            throw new IllegalStateException("matcher-cases.tsv read short: " + out.size());
        }
        return out.stream();
    }

    private static String text(String cell) {
        return cell.equals("<empty>") ? "" : cell;
    }

    private static boolean yes(String cell) {
        return switch (cell) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new IllegalArgumentException(cell);
        };
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" ~ \"{1}\": upstream {2}, debian {3}")
    @MethodSource("cases")
    void tableCase(String name, String pattern, boolean upstream, boolean debian, String note) {
        assertEquals(upstream, VsftpdPattern.matches(name, pattern), "upstream " + note);
        assertEquals(upstream, VsftpdPattern.matches(Dialect.UPSTREAM, name, pattern, NameView.RAW), "upstream");
        assertEquals(debian, VsftpdPattern.matches(Dialect.DEBIAN, name, pattern, NameView.RAW), "debian " + note);
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    private static void bothFlavours(boolean expected, String name, String pattern) {
        assertEquals(expected, VsftpdPattern.matches(name, pattern), "upstream");
        assertEquals(expected, VsftpdPattern.matches(Dialect.DEBIAN, name, pattern, NameView.RAW), "debian");
    }

    // Section 5.5: every token costs one step; the 1000th step itself makes the match fail.
    // The star counts were also observed on the Debian binary (999 denies, 1000 and 1001 do not).
    @Test
    void starsUpToTheCap() {
        bothFlavours(true, "readme", repeat("*", 998));
        bothFlavours(true, "readme", repeat("*", 999));
        bothFlavours(false, "readme", repeat("*", 1000));
        bothFlavours(false, "readme", repeat("*", 1001));
        bothFlavours(false, "readme", repeat("*", 100_000));
    }

    @Test
    void questionMarksUpToTheCap() {
        bothFlavours(true, repeat("a", 999), repeat("?", 999));
        bothFlavours(false, repeat("a", 1000), repeat("?", 1000));
    }

    @Test
    void literalTokenPairsCountOnce() {
        // "a?" is one step: the literal and the token that ends it
        bothFlavours(true, repeat("ab", 999), repeat("a?", 999));
        bothFlavours(false, repeat("ab", 1000), repeat("a?", 1000));
        // a trailing literal with no token is a step of its own
        bothFlavours(true, repeat("ab", 998) + "c", repeat("a?", 998) + "c");
        bothFlavours(false, repeat("ab", 999) + "c", repeat("a?", 999) + "c");
    }

    // The brace recursion shares the counter: observed on the Debian binary with
    // deny_file=<n stars>{b,readme}: 996 denies readme, 997 does not.
    @Test
    void braceRecursionSharesTheCounter() {
        bothFlavours(true, "readme", repeat("*", 995) + "{b,readme}");
        bothFlavours(true, "readme", repeat("*", 996) + "{b,readme}");
        bothFlavours(false, "readme", repeat("*", 997) + "{b,readme}");
        // a failed alternative costs its steps too
        bothFlavours(true, "readme", repeat("*", 997) + "{readme,b}");
        bothFlavours(false, "readme", repeat("*", 998) + "{readme,b}");
    }

    @Test
    void deepBraceChainsStayOnTheStack() {
        bothFlavours(true, repeat("x", 499), repeat("{x}", 499));
        bothFlavours(false, repeat("x", 1000), repeat("{x}", 1000));
        bothFlavours(false, repeat("x", 5000), repeat("{x}", 5000));
    }

    @Test
    void theCapStopsTheViewFromBeingAskedAgain() {
        AtomicInteger asked = new AtomicInteger();
        NameView counting = (name, pattern) -> {
            asked.incrementAndGet();
            return Optional.of(name);
        };
        // 2000 alternatives after the cap is reached cost nothing more
        String alternatives = "{" + String.join(",", java.util.Collections.nCopies(2000, "nomatch")) + "}";
        assertFalse(VsftpdPattern.matches(Dialect.DEBIAN, "x", repeat("*", 999) + alternatives, counting));
        assertTrue(asked.get() <= 2, "view asked " + asked.get() + " times");
    }

    @Test
    void hostileInputIsCheap() {
        String longName = repeat("ab", 50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (Dialect dialect : Dialect.values()) {
                VsftpdPattern.matches(dialect, longName, repeat("*a", 2000) + "x", NameView.RAW);
                VsftpdPattern.matches(dialect, longName, repeat("{a,b,*}", 400), NameView.RAW);
                VsftpdPattern.matches(dialect, longName, repeat("*{a,b}?", 400), NameView.RAW);
                VsftpdPattern.matches(dialect, longName, "[" + '\u0000' + "-" + '\uffff' + "]", NameView.RAW);
            }
        });
    }

    @Test
    void theViewIsAskedForEveryAlternative() {
        List<String> seen = new ArrayList<>();
        NameView recording = (name, pattern) -> {
            seen.add(name + " ~ " + pattern);
            return Optional.of(name);
        };
        assertTrue(VsftpdPattern.matches(Dialect.DEBIAN, "a.mov", "*.{mp3,mov}", recording));
        assertEquals(List.of("a.mov ~ *.{mp3,mov}", "mov ~ mp3", "mov ~ mov"), seen);
    }

    @Test
    void anEmptyViewIsNoMatch() {
        NameView failing = (name, pattern) -> Optional.empty();
        for (Dialect dialect : Dialect.values()) {
            assertFalse(VsftpdPattern.matches(dialect, "a", "*", failing));
            assertFalse(VsftpdPattern.matches(dialect, "", "", failing));
        }
    }

    // RHEL's rewrite as section 5.3 describes it (not run: no RHEL binary here).
    @ParameterizedTest(name = "rhel \"{0}\" ~ \"{1}\" = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a.mp3.mp3 | *.mp3 | true",        // the trailing literal must end the name
        "aaa | *aa | true",
        "a.mp3.txt | *.mp3 | false",
        "a.mp3 | a*3 | true",
        "a.mp3.mp3 | a*3 | true",
        "abc | a[abc]c | true",             // classes
        "abc | a[a-c]c | true",
        "adc | a[a-c]c | false",
        "a-c | a[-]c | true",
        "x.mp3 | [wxy].mp3 | true",
        "z.mp3 | [wxy].mp3 | false",
        "a[c | a[c | true",                 // an unclosed class is literal
        "a | {a,b} | true",                 // a brace opening the pattern gets no implicit star
        "xa | {a,b} | false",
        "zqa | ?{a,b} | true",              // elsewhere, an implicit leading star
        "xyb | x{a,b} | false",             // ...but not right after a literal
        "xb | x{a,b} | true",
        "b.mov | *.{mp3,mov} | true",
        "x | {,x} | false",
        "bc | {a,,b}c | false",
    })
    void rhelRules(String name, String pattern, boolean expected) {
        assertEquals(expected, VsftpdPattern.matches(Dialect.RHEL, name, pattern, NameView.RAW));
    }

    @Test
    void rhelKeepsTheCap() {
        assertTrue(VsftpdPattern.matches(Dialect.RHEL, "readme", repeat("*", 999), NameView.RAW));
        assertFalse(VsftpdPattern.matches(Dialect.RHEL, "readme", repeat("*", 1000), NameView.RAW));
    }
}
