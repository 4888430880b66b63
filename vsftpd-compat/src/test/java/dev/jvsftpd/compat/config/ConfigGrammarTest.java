package dev.jvsftpd.compat.config;

import static dev.jvsftpd.compat.config.ConfigFixtures.apply;
import static dev.jvsftpd.compat.config.ConfigFixtures.load;
import static dev.jvsftpd.compat.config.ConfigFixtures.loadFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference section 1.3: the line grammar, booleans, unsigned integers and string trimming. */
class ConfigGrammarTest {
    @TempDir
    Path dir;

    // ---- the grammar table, error rows: line as written in the file -> vsftpd's text ----

    static Stream<Arguments> rejectedLines() {
        return Stream.of(
                Arguments.of("  # a comment", "missing value in config file for: # a comment"),
                Arguments.of("; comment", "missing value in config file for: ; comment"),
                Arguments.of("local_enable = YES", "unrecognised variable in config file: local_enable "),
                Arguments.of("local_enable =YES", "unrecognised variable in config file: local_enable "),
                Arguments.of("local_enable\t=YES", "unrecognised variable in config file: local_enable\t"),
                Arguments.of("local_enable= YES", "bad bool value in config file for: local_enable"),
                Arguments.of("local_enable=YES ", "bad bool value in config file for: local_enable"),
                Arguments.of("local_enable=YES # c", "bad bool value in config file for: local_enable"),
                Arguments.of("local_enable=YES\r", "bad bool value in config file for: local_enable"),
                Arguments.of("Local_Enable=YES", "unrecognised variable in config file: Local_Enable"),
                Arguments.of("no_such_option=YES", "unrecognised variable in config file: no_such_option"),
                Arguments.of("no_such_option", "missing value in config file for: no_such_option"),
                Arguments.of("local_enable", "missing value in config file for: local_enable"),
                Arguments.of("local_enable=", "missing value in config file for: local_enable"),
                Arguments.of("max_clients=", "missing value in config file for: max_clients"),
                Arguments.of("max_clients", "missing value in config file for: max_clients"),
                Arguments.of("=x", "unrecognised variable in config file: "),
                Arguments.of("=", "missing value in config file for: "));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("rejectedLines")
    void rejectedLine(String line, String vsftpdText) {
        assertEquals(vsftpdText, loadFails(Dialect.DEBIAN, dir, "listen=YES\n" + line + "\n").vsftpdText());
    }

    // ---- the grammar table, accepted rows ----

    @Test
    void leadingBlanksAreStripped() {
        assertTrue(load(Dialect.DEBIAN, dir, "   \tlocal_enable=YES\n").bool(Directives.LOCAL_ENABLE));
    }

    @Test
    void onlyColumnOneHashIsAComment() {
        // The value would be a bad bool if the line were read.
        VsftpdConfig config = load(Dialect.DEBIAN, dir, "#local_enable=maybe\n#\n");
        assertFalse(config.bool(Directives.LOCAL_ENABLE));
        assertTrue(config.explicitSettings().isEmpty());
    }

    @Test
    void emptyAndAllWhitespaceLinesAreSkipped() {
        // C isspace: space, tab, LF, VT, FF, CR; a CRLF file's blank lines are "\r".
        VsftpdConfig config = load(Dialect.DEBIAN, dir, "\n \t\u000b\f\r\n\r\n\nlocal_enable=YES\n\n");
        assertTrue(config.bool(Directives.LOCAL_ENABLE));
    }

    @Test
    void lastLineNeedsNoNewline() {
        assertTrue(load(Dialect.DEBIAN, dir, "local_enable=YES").bool(Directives.LOCAL_ENABLE));
    }

    @Test
    void emptyStringUnsetsInsteadOfRestoringTheDefault() {
        VsftpdConfig config = load(Dialect.DEBIAN, dir, "ftpd_banner=hello\nftpd_banner=\nftp_username=\n");
        assertNull(config.string(Directives.FTPD_BANNER));
        // ftp_username's compiled default is "ftp"; an empty value does not bring it back.
        assertNull(config.string(Directives.FTP_USERNAME));
    }

    @Test
    void stringWithoutEqualsSignIsAnUnset() {
        // Strings are looked up before the missing-value check, so a bare string name is legal.
        assertNull(load(Dialect.DEBIAN, dir, "ftp_username\n").string(Directives.FTP_USERNAME));
    }

    @Test
    void valueIsEverythingAfterTheFirstEquals() {
        assertEquals("a=b", load(Dialect.DEBIAN, dir, "ftpd_banner=a=b\n").string(Directives.FTPD_BANNER));
    }

    @Test
    void lastSettingWins() {
        VsftpdConfig config = load(Dialect.DEBIAN, dir, "local_enable=YES\nmax_clients=5\nlocal_enable=NO\n");
        assertFalse(config.bool(Directives.LOCAL_ENABLE));
        assertEquals(5, config.uint(Directives.MAX_CLIENTS));
    }

    @Test
    void crlfFileDiesOnItsFirstBoolean() {
        // Strings are trimmed (Debian) and numbers stop at the CR, so the first boolean is the victim.
        OopsException e = loadFails(Dialect.DEBIAN, dir,
                "# comment\r\n\r\nftpd_banner=hi\r\nmax_clients=10\r\nanonymous_enable=YES\r\nlocal_enable=YES\r\n");
        assertEquals("bad bool value in config file for: anonymous_enable", e.vsftpdText());
    }

    @Test
    void aNulByteEndsTheSetting() {
        // vsftpd hands each line on as a C string.
        assertTrue(load(Dialect.DEBIAN, dir, "local_enable=YES\0junk\n").bool(Directives.LOCAL_ENABLE));
        assertEquals("missing value in config file for: no_such",
                loadFails(Dialect.DEBIAN, dir, "no_such\0=1\n").vsftpdText());
        assertEquals("missing value in config file for: ",
                loadFails(Dialect.DEBIAN, dir, "\0abc\n").vsftpdText());
    }

    @Test
    void settingsRecordWhereTheyCameFrom() {
        VsftpdConfig config = load(Dialect.DEBIAN, dir, "# c\nlocal_enable=YES\n\nmax_clients=3\nlocal_enable=NO\n");
        Path file = dir.resolve("vsftpd.conf");
        assertEquals(new VsftpdConfig.Source(file.toString(), 2), config.explicitSettings().get("local_enable"));
        assertEquals(new VsftpdConfig.Source(file.toString(), 4), config.explicitSettings().get("max_clients"));
    }

    // ---- booleans ----

    @ParameterizedTest
    @ValueSource(strings = {"YES", "yes", "Yes", "TRUE", "true", "True", "tRuE", "1"})
    void trueSpellings(String value) {
        assertTrue(apply(Dialect.DEBIAN, "local_enable=" + value).bool(Directives.LOCAL_ENABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO", "no", "nO", "FALSE", "false", "False", "0"})
    void falseSpellings(String value) {
        assertFalse(apply(Dialect.DEBIAN, "anonymous_enable=" + value).bool(Directives.ANONYMOUS_ENABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "off", "Y", "N", "2", "01", "00", "YES ", " YES", "YES\r", "\tNO", "yes!"})
    void notBooleans(String value) {
        OopsException e = assertThrows(OopsException.class, () -> apply(Dialect.DEBIAN, "local_enable=" + value));
        assertEquals("bad bool value in config file for: local_enable", e.vsftpdText());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void booleansAreNeverTrimmed(Dialect dialect) {
        assertEquals("bad bool value in config file for: local_enable",
                loadFails(dialect, dir, "local_enable=YES\r\n").vsftpdText());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void namesAreNeverTrimmed(Dialect dialect) {
        assertEquals("unrecognised variable in config file: ftpd_banner ",
                loadFails(dialect, dir, "ftpd_banner = hi\n").vsftpdText());
    }

    // ---- unsigned integers ----

    /** The reference's local_umask table: value -> effective umask (masked with 0777). */
    static Stream<Arguments> umaskTable() {
        return Stream.of(
                Arguments.of("022", 022),
                Arguments.of("0022", 022),
                Arguments.of("22", 026),
                Arguments.of(" 022", 026),
                Arguments.of("8", 010),
                Arguments.of("08", 0),
                Arguments.of("abc", 0),
                Arguments.of("0x1f", 0),
                Arguments.of("-1", 0777),
                Arguments.of("1000", 0750));
    }

    @ParameterizedTest(name = "local_umask={0} -> {1}")
    @MethodSource("umaskTable")
    void umaskTable(String value, int effectiveUmask) {
        VsftpdConfig config = load(Dialect.DEBIAN, dir, "local_umask=" + value + "\n");
        assertEquals(effectiveUmask, config.uint(Directives.LOCAL_UMASK) & 0777);
    }

    /** Raw stored values: octal after a leading 0, else glibc atoi = (int) strtol, kept as unsigned 32 bits. */
    static Stream<Arguments> storedUints() {
        return Stream.of(
                Arguments.of("max_clients=010", 8L),
                Arguments.of("pasv_min_port=030000", 12288L),
                Arguments.of("max_clients=0", 0L),
                Arguments.of("max_clients=0 12", 0L),
                Arguments.of("max_clients=12abc", 12L),
                Arguments.of("max_clients=+12", 12L),
                Arguments.of("max_clients=\t 7", 7L),
                Arguments.of("max_clients=-", 0L),
                Arguments.of("max_clients=-1", 4294967295L),
                Arguments.of("max_clients=4294967295", 4294967295L),
                Arguments.of("max_clients=4294967296", 0L),
                Arguments.of("max_clients=99999999999", 1215752191L),
                // strtol saturates at LONG_MAX / LONG_MIN before the cut to 32 bits.
                Arguments.of("max_clients=99999999999999999999", 4294967295L),
                Arguments.of("max_clients=-99999999999999999999", 0L),
                Arguments.of("max_clients=037777777777", 4294967295L),
                Arguments.of("max_clients=040000000001", 1L),
                Arguments.of("max_clients=10\r", 10L));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("storedUints")
    void uintsNeverFail(String setting, long stored) {
        Directive directive = Directives.lookup(setting.substring(0, setting.indexOf('=')), Dialect.DEBIAN).orElseThrow();
        assertEquals(stored, apply(Dialect.DEBIAN, setting).uint(directive));
    }

    // ---- strings: Debian and RHEL trim, upstream keeps every byte ----

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"DEBIAN", "RHEL"})
    void distributionBuildsTrimStrings(Dialect dialect) {
        VsftpdConfig config = load(dialect, dir,
                "ftpd_banner= \thello  world \t\nanon_root=/srv/ftp \r\nlisten_address=\t127.0.0.1\r\n");
        assertEquals("hello  world", config.string(Directives.FTPD_BANNER));
        assertEquals("/srv/ftp", config.string(Directives.ANON_ROOT));
        assertEquals("127.0.0.1", config.string(Directives.LISTEN_ADDRESS));
    }

    @Test
    void upstreamKeepsStringsVerbatim() {
        VsftpdConfig config = load(Dialect.UPSTREAM, dir,
                "ftpd_banner= \thello  world \t\nanon_root=/srv/ftp \r\nlisten_address=\t127.0.0.1\r\n");
        assertEquals(" \thello  world \t", config.string(Directives.FTPD_BANNER));
        assertEquals("/srv/ftp \r", config.string(Directives.ANON_ROOT));
        assertEquals("\t127.0.0.1\r", config.string(Directives.LISTEN_ADDRESS));
    }

    @Test
    void commandLineSettingsAreTrimmedToo() {
        assertEquals("hi", apply(Dialect.DEBIAN, "ftpd_banner= hi ").string(Directives.FTPD_BANNER));
        assertEquals(" hi ", apply(Dialect.UPSTREAM, "ftpd_banner= hi ").string(Directives.FTPD_BANNER));
    }

    @Test
    void commandLineSettingsLoseLeadingBlanks() {
        // vsftpd strips them in the shared setting parser, so "-o  name=value" as one word works.
        assertTrue(apply(Dialect.DEBIAN, " \tlocal_enable=YES").bool(Directives.LOCAL_ENABLE));
    }
}
