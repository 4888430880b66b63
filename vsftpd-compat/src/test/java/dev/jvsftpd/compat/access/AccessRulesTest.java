package dev.jvsftpd.compat.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.ConfigParser;
import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.fs.Jail;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy object end to end: config strings in, verdicts out. Expectations marked [RUN] were
 * observed on the Debian binary in {@link ObservedJail} (anonymous session, NLST/SIZE/RETR);
 * the rest restate the reference (sections 5.2 to 5.6).
 */
class AccessRulesTest {
    private static final List<String> ROOT_ENTRIES = List.of("a.mp3", "a.mp3.mp3", "aaa", "d2", "d3",
            "link.mp3", "lnk", "loop1", "loop2", "priv", "pub", "readme", "sub", "x.txt", "x.txt.txt");
    private static final List<String> SUB_ENTRIES = List.of("up.lnk", "x.mp3", "y.txt");

    @TempDir
    static Path root;

    static Jail jail;

    @BeforeAll
    static void build() throws IOException {
        ObservedJail.build(root);
        jail = new Jail(root);
    }

    private static AccessRules rules(Dialect dialect, String... settings) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(dialect);
        for (String setting : settings) {
            ConfigParser.applySetting(setting, VsftpdConfig.Source.commandLine(), builder);
        }
        return AccessRules.of(builder.build(), jail, ObservedJail.FTP);
    }

    private static List<String> kept(List<String> entries, Predicate<String> keep) {
        return entries.stream().filter(keep).toList();
    }

    private static List<String> shown(AccessRules rules, String cwd, List<String> entries) {
        return kept(entries, rules.hiddenIn(cwd).negate());
    }

    @Test
    void nothingIsCheckedWhenUnset() {
        AccessRules none = rules(Dialect.DEBIAN);
        assertFalse(none.denied("/", "a.mp3"));
        assertFalse(none.hidden("/", "a.mp3"));
        assertTrue(none.uploadAllowed("/", "new.bin"));
        assertTrue(none.downloadAllowed("/", "a.mp3"));
    }

    // [RUN] deny_file=, hide_file=, download_file= with nothing after '=' deny, hide and refuse
    // nothing, though the substring fallback would match an empty pattern everywhere.
    @Test
    void emptyPatternsAreUnset() {
        AccessRules empty = rules(Dialect.DEBIAN, "deny_file=", "hide_file=", "upload_file=", "download_file=");
        assertNull(empty.denyFile());
        assertFalse(empty.denied("/", "readme"));
        assertFalse(empty.denied("/", "nodir/x"));
        assertEquals(ROOT_ENTRIES, shown(empty, "/", ROOT_ENTRIES));
        assertTrue(empty.downloadAllowed("/", "readme"));
        assertTrue(empty.uploadAllowed("/", "new.bin"));
    }

    @Test
    void debianTrimsThePatternBeforeUse() {
        AccessRules trimmed = rules(Dialect.DEBIAN, "deny_file= *.mp3 ");
        assertEquals("*.mp3", trimmed.denyFile());
        assertTrue(trimmed.denied("/", "a.mp3"));
    }

    // Section 5.3's table, Debian against upstream on the same arguments (cwd /).
    @Test
    void debianAndUpstreamDisagreeWhereTheReferenceSays() {
        record Case(String pattern, String argument, boolean upstream, boolean debian) {
        }
        for (Case c : List.of(
                new Case("*.mp3", "a.mp3.mp3", false, true),
                new Case("*.mp3", "/nodir/x.mp3", true, false),
                new Case("{x.mp3}", "sub/x.mp3", false, true),
                new Case("/sub/*", "sub/x.mp3", false, true),
                new Case("/sub/*", "./sub/x.mp3", false, true),
                new Case("/sub/*", "/sub/x.mp3", true, true),
                new Case("?", "..", false, true),
                new Case("*/x.mp3", "sub/x.mp3", true, false),
                new Case("*sub*", "sub/x.mp3", true, false),
                new Case("*..*", "..", true, false),
                new Case("*..*", "../pub", true, false),
                new Case("*..*", "../a.mp3", true, false),
                new Case("*.mp3", "lnk", false, true),
                new Case("*.mp3", "link.mp3", true, false),
                new Case("x.mp3", "sub/x.mp3", true, true),       // substring fallback
                new Case("ub/x.m", "sub/x.mp3", true, true))) {   // fallback on the raw argument
            assertEquals(c.upstream(), rules(Dialect.UPSTREAM, "deny_file=" + c.pattern()).denied("/", c.argument()),
                    "upstream " + c);
            assertEquals(c.debian(), rules(Dialect.DEBIAN, "deny_file=" + c.pattern()).denied("/", c.argument()),
                    "debian " + c);
        }
    }

    // [RUN] hide_file=*.mp3, NLST of / and sub from cwd / and from cwd /sub: Debian resolves each
    // entry name against the session cwd, not against the listed directory.
    @Test
    void debianHidesByNamesResolvedInTheSessionCwd() {
        AccessRules hide = rules(Dialect.DEBIAN, "hide_file=*.mp3");
        assertEquals(List.of("aaa", "d2", "d3", "link.mp3", "loop1", "loop2", "priv", "pub", "readme", "sub",
                "x.txt", "x.txt.txt"), shown(hide, "/", ROOT_ENTRIES));
        assertEquals(List.of("up.lnk", "y.txt"), shown(hide, "/", SUB_ENTRIES));
        assertEquals(List.of("y.txt"), shown(hide, "/sub", SUB_ENTRIES));
        assertEquals(List.of("aaa", "d2", "d3", "lnk", "loop1", "loop2", "priv", "pub", "readme", "sub",
                "x.txt", "x.txt.txt"), shown(hide, "/sub", ROOT_ENTRIES));
    }

    // Section 5.3 [RUN]: hide_file={*.mp3,.private}.
    @Test
    void hideFileDebianAgainstUpstream() {
        AccessRules debian = rules(Dialect.DEBIAN, "hide_file={*.mp3,.private}");
        AccessRules upstream = rules(Dialect.UPSTREAM, "hide_file={*.mp3,.private}");
        assertTrue(debian.hidden("/", "a.mp3.mp3"));
        assertTrue(debian.hidden("/", "lnk"));
        assertFalse(debian.hidden("/", "link.mp3"));
        assertFalse(upstream.hidden("/", "a.mp3.mp3"));
        assertFalse(upstream.hidden("/", "lnk"));
        assertTrue(upstream.hidden("/", "link.mp3"));
        assertTrue(upstream.hidden("/", ".private"));
        assertTrue(debian.hidden("/", ".private"));
    }

    @Test
    void hiddenUsesTheSubstringFallback() {
        assertTrue(rules(Dialect.UPSTREAM, "hide_file=mp3").hidden("/", "a.mp3.txt"));
        assertTrue(rules(Dialect.DEBIAN, "hide_file=mp3").hidden("/", "a.mp3.txt"));
    }

    // [RUN] NLST <pattern>: the deny_file matcher and name view, without the substring fallback.
    @Test
    void debianListPatterns() {
        AccessRules debian = rules(Dialect.DEBIAN);
        assertEquals(List.of("a.mp3", "a.mp3.mp3", "lnk"), kept(ROOT_ENTRIES, debian.listPattern("/", "*.mp3")));
        assertEquals(List.of("a.mp3", "lnk"), kept(ROOT_ENTRIES, debian.listPattern("/", "a.mp3")));
        assertEquals(List.of(), kept(ROOT_ENTRIES, debian.listPattern("/", "mp3")));
        assertEquals(List.of("a.mp3", "link.mp3", "lnk", "readme"),
                kept(ROOT_ENTRIES, debian.listPattern("/", "{a.mp3,readme}")));
        assertEquals(List.of(), kept(ROOT_ENTRIES, debian.listPattern("/", "*aa")));
        assertEquals(List.of(), kept(ROOT_ENTRIES, debian.listPattern("/", "?")));
        assertEquals(List.of(), kept(List.of(".", ".."), debian.listPattern("/", ".*")));   // NLST -a .*
        assertEquals(List.of("x.mp3"), kept(SUB_ENTRIES, debian.listPattern("/", "x.mp3")));
        assertEquals(List.of("up.lnk", "x.mp3"), kept(SUB_ENTRIES, debian.listPattern("/sub", "*.mp3")));
        assertEquals(List.of("a.mp3", "a.mp3.mp3", "link.mp3"),
                kept(ROOT_ENTRIES, debian.listPattern("/sub", "*.mp3")));
    }

    @Test
    void upstreamListPatternsSeeTheRawName() {
        AccessRules upstream = rules(Dialect.UPSTREAM);
        assertEquals(List.of("a.mp3", "link.mp3"), kept(ROOT_ENTRIES, upstream.listPattern("/", "*.mp3")));
        assertEquals(List.of(".", ".."), kept(List.of(".", ".."), upstream.listPattern("/", ".*")));
        assertEquals(List.of(), kept(ROOT_ENTRIES, upstream.listPattern("/", "mp3")));
    }

    // [RUN] download_file=*.txt: RETR needs a match; SIZE is not affected; deny_file still wins.
    @Test
    void downloadFileIsAnAllowList() {
        AccessRules txt = rules(Dialect.DEBIAN, "download_file=*.txt");
        assertFalse(txt.downloadAllowed("/", "readme"));
        assertTrue(txt.downloadAllowed("/", "x.txt"));
        assertTrue(txt.downloadAllowed("/", "x.txt.txt"));
        assertFalse(txt.denied("/", "readme"));
        AccessRules both = rules(Dialect.DEBIAN, "download_file=*.txt", "deny_file=x.txt.txt");
        assertFalse(both.downloadAllowed("/", "x.txt.txt"));
        assertTrue(both.downloadAllowed("/", "x.txt"));
    }

    // Section 5.6: upload_file, with the same matcher, fallback and name view.
    @Test
    void uploadFileIsAnAllowList() {
        AccessRules txt = rules(Dialect.DEBIAN, "upload_file=*.txt");
        assertTrue(txt.uploadAllowed("/", "new.txt"));
        assertTrue(txt.uploadAllowed("/sub", "new.txt"));
        assertTrue(txt.uploadAllowed("/", "sub/new.txt"));
        assertFalse(txt.uploadAllowed("/", "new.bin"));
        assertFalse(txt.uploadAllowed("/", "nodir/new.txt"));  // realpath fails: no pattern match
        assertTrue(rules(Dialect.DEBIAN, "upload_file=.txt").uploadAllowed("/", "nodir/new.txt")); // substring
        assertTrue(txt.downloadAllowed("/", "readme"));          // upload_file leaves RETR alone
        AccessRules both = rules(Dialect.DEBIAN, "upload_file=*.txt", "deny_file=secret*");
        assertFalse(both.uploadAllowed("/", "secret.txt"));
    }

    @Test
    void upstreamHasNoUploadOrDownloadLists() {
        AccessRules upstream = rules(Dialect.UPSTREAM, "deny_file=*.mp3");
        assertNull(upstream.uploadFile());
        assertNull(upstream.downloadFile());
        assertTrue(upstream.uploadAllowed("/", "new.bin"));
        assertFalse(upstream.uploadAllowed("/", "new.mp3"));
        assertFalse(upstream.downloadAllowed("/", "a.mp3"));
    }

    @Test
    void matchesHasNoSubstringFallback() {
        AccessRules upstream = rules(Dialect.UPSTREAM);
        assertFalse(upstream.matches("/", "sub/x.mp3", "x.mp3"));
        assertTrue(upstream.matches("/", "x.mp3", "x.mp3"));
    }

    // RHEL, from the reference's description (section 5.3; not run): no realpath; '/' patterns see
    // the cwd-prefixed typed path, '{' patterns the typed string, others its basename.
    @Test
    void rhelNameView() {
        AccessRules abs = rules(Dialect.RHEL, "deny_file=/sub/*");
        assertTrue(abs.denied("/sub", "x.mp3"));
        assertTrue(abs.denied("/", "sub/x.mp3"));
        assertFalse(abs.denied("/", "./sub/x.mp3"));    // typed, not normalised
        AccessRules mp3 = rules(Dialect.RHEL, "deny_file=*.mp3");
        assertTrue(mp3.denied("/", "sub/a.mp3.mp3"));
        assertFalse(mp3.denied("/", "lnk"));            // symlinks are not followed
        assertTrue(mp3.denied("/", "/nodir/x.mp3"));
        assertTrue(rules(Dialect.RHEL, "deny_file={x.mp3}").denied("/", "sub/x.mp3"));
        assertFalse(rules(Dialect.RHEL, "deny_file=*..*").denied("/", "../pub")); // basename "pub"
        assertEquals(Optional.of("/sub/x"), NameView.rhel("/sub").of("x", "/*"));
        assertEquals(Optional.of("/x"), NameView.rhel("/").of("x", "/*"));
        assertEquals(Optional.of("a/b"), NameView.rhel("/").of("a/b", "{b}"));
        assertEquals(Optional.of("b"), NameView.rhel("/").of("a/b", "b"));
        assertEquals(Optional.of("a/"), NameView.rhel("/").of("a/", "b"));
    }

    @Test
    void theViewFollowsTheDialect() {
        assertEquals(NameView.RAW, rules(Dialect.UPSTREAM).view("/"));
        assertEquals(Optional.of("x.mp3"), rules(Dialect.DEBIAN).view("/").of("sub/x.mp3", "*"));
        assertEquals(Optional.of("/sub/x.mp3"), rules(Dialect.DEBIAN).view("/").of("sub/x.mp3", "/*"));
        assertEquals(Optional.of("/sub/x.mp3"), rules(Dialect.DEBIAN).view("/").of("sub/x.mp3", "{*}"));
        assertEquals(Optional.of("/"), rules(Dialect.DEBIAN).view("/sub").of("..", "x"));
        assertEquals(Optional.empty(), rules(Dialect.DEBIAN).view("/").of("nodir/x", "*"));
    }
}
