package dev.jvsftpd.compat.config;

import static dev.jvsftpd.compat.config.ConfigFixtures.loadFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What jvsftpd adds to vsftpd's one-line errors: the detail names file and line and the likely
 * fix, while {@link OopsException#vsftpdText()} stays exactly vsftpd's.
 */
class ConfigHintsTest {
    @TempDir
    Path dir;

    private OopsException failsOnLine3(Dialect dialect, String line) {
        return loadFails(dialect, dir, "# jvsftpd test\nlisten=YES\n" + line + "\n");
    }

    private String detail(OopsException e) {
        return e.detail().orElseThrow(() -> new AssertionError("no detail for: " + e.oopsLine()));
    }

    private String location() {
        return dir.resolve("vsftpd.conf") + ":3: ";
    }

    @Test
    void detailNamesFileAndLine() {
        OopsException e = failsOnLine3(Dialect.DEBIAN, "no_such_option=YES");
        assertEquals("500 OOPS: unrecognised variable in config file: no_such_option", e.oopsLine());
        assertTrue(detail(e).startsWith(location()), detail(e));
    }

    @Test
    void commandLineSettingIsNamedAsSuch() {
        OopsException e = assertThrows(OopsException.class, () -> ConfigFixtures.apply(Dialect.DEBIAN, "pasv_enalbe=YES"));
        assertTrue(detail(e).startsWith("command line: "), detail(e));
    }

    @Test
    void typoGetsDidYouMean() {
        OopsException e = failsOnLine3(Dialect.DEBIAN, "pasv_enalbe=YES");
        assertEquals("unrecognised variable in config file: pasv_enalbe", e.vsftpdText());
        assertTrue(detail(e).contains("did you mean 'pasv_enable'?"), detail(e));
    }

    @Test
    void wrongCaseGetsDidYouMean() {
        OopsException e = failsOnLine3(Dialect.DEBIAN, "Local_Enable=YES");
        assertTrue(detail(e).contains("did you mean 'local_enable'?"), detail(e));
    }

    @Test
    void farFromEveryNameGetsNoGuess() {
        String detail = detail(failsOnLine3(Dialect.DEBIAN, "completely_unrelated_words=1"));
        assertTrue(detail.contains("unknown directive 'completely_unrelated_words'"), detail);
        assertFalse(detail.contains("did you mean"), detail);
    }

    @Test
    void trailingBlankInNameIsExplained() {
        OopsException e = failsOnLine3(Dialect.DEBIAN, "local_enable =YES");
        assertEquals("unrecognised variable in config file: local_enable ", e.vsftpdText());
        assertTrue(detail(e).contains("'local_enable' has blanks around it"), detail(e));
        assertTrue(detail(e).contains("'local_enable=value'"), detail(e));
    }

    @Test
    void rhelOnlyDirectiveInDebianExplainsTheDialect() {
        OopsException e = failsOnLine3(Dialect.DEBIAN, "ssl_tlsv1_2=YES");
        assertEquals("unrecognised variable in config file: ssl_tlsv1_2", e.vsftpdText());
        assertTrue(detail(e).contains("exists only in vsftpd's rhel build"), detail(e));
        assertTrue(detail(e).contains("read as debian"), detail(e));
        assertTrue(detail(e).contains(Dialect.ENVIRONMENT_VARIABLE + "=rhel"), detail(e));
    }

    @Test
    void debianOnlyDirectiveInUpstreamExplainsTheDialect() {
        OopsException e = failsOnLine3(Dialect.UPSTREAM, "utf8_filesystem=YES");
        assertTrue(detail(e).contains("exists only in vsftpd's debian build"), detail(e));
    }

    @Test
    void badBoolWithCarriageReturnExplainsDosLineEndings() {
        OopsException e = failsOnLine3(Dialect.DEBIAN, "local_enable=YES\r");
        assertEquals("bad bool value in config file for: local_enable", e.vsftpdText());
        assertTrue(detail(e).startsWith(location()), detail(e));
        assertTrue(detail(e).contains("DOS line endings"), detail(e));
    }

    @Test
    void badBoolWithBlanksIsExplained() {
        String detail = detail(failsOnLine3(Dialect.DEBIAN, "local_enable=YES "));
        assertTrue(detail.contains("'YES ' has blanks around it"), detail);
        assertTrue(detail.contains("'#' after a value is not a comment"), detail);
        assertTrue(detail(failsOnLine3(Dialect.DEBIAN, "local_enable= YES")).contains("has blanks around it"));
    }

    @Test
    void badBoolWithTrailingCommentQuotesTheValue() {
        String detail = detail(failsOnLine3(Dialect.DEBIAN, "local_enable=YES # on"));
        assertTrue(detail.contains("'YES # on' is not a boolean"), detail);
    }

    @Test
    void badBoolNamesTheSpellings() {
        String detail = detail(failsOnLine3(Dialect.DEBIAN, "local_enable=on"));
        assertTrue(detail.contains("'on' is not a boolean; write YES or NO"), detail);
    }

    @Test
    void indentedCommentIsExplained() {
        OopsException e = failsOnLine3(Dialect.DEBIAN, "  # a comment");
        assertEquals("missing value in config file for: # a comment", e.vsftpdText());
        assertTrue(detail(e).contains("only a '#' in the first column starts a comment"), detail(e));
        assertTrue(detail(failsOnLine3(Dialect.DEBIAN, "; comment")).contains("first column"));
    }

    @Test
    void missingValueOfKnownDirectiveAsksForOne() {
        OopsException e = failsOnLine3(Dialect.DEBIAN, "max_clients=");
        assertTrue(detail(e).startsWith(location()), detail(e));
        assertTrue(detail(e).contains("'max_clients' needs a value"), detail(e));
    }

    @Test
    void closestIsNearEnoughToBeATypo() {
        assertEquals("pasv_enable", ConfigHints.closest("pasv_enalbe", Dialect.DEBIAN).orElseThrow().name());
        assertEquals("anon_root", ConfigHints.closest("anon_rot", Dialect.DEBIAN).orElseThrow().name());
        assertTrue(ConfigHints.closest("xyz", Dialect.DEBIAN).isEmpty());
        // A RHEL-only name is no suggestion for a Debian config.
        assertTrue(ConfigHints.closest("ssl_tlsv1_3x", Dialect.DEBIAN).map(d -> d.existsIn(Dialect.DEBIAN)).orElse(true));
    }

    @Test
    void distanceCountsASwapAsOneEdit() {
        assertEquals(1, ConfigHints.distance("pasv_enalbe", "pasv_enable"));
        assertEquals(0, ConfigHints.distance("listen", "listen"));
        assertEquals(3, ConfigHints.distance("", "abc"));
    }
}
