package dev.jvsftpd.compat.config;

import static dev.jvsftpd.compat.config.ConfigFixtures.ownUid;
import static dev.jvsftpd.compat.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.LaunchArguments.Action;
import dev.jvsftpd.compat.config.LaunchArguments.Launch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference section 1.1: vsftpd's command line, left to right, then the default file. */
class LaunchArgumentsTest {
    @TempDir
    Path dir;

    private long uid;
    /** Stands in for /etc/vsftpd.conf; absent unless a test writes it. */
    private Path defaultFile;

    @BeforeEach
    void setUp() {
        uid = ownUid(dir);
        defaultFile = dir.resolve("default.conf");
    }

    private Path file(String name, String content) {
        return write(dir.resolve(name), content);
    }

    private Launch parse(String... args) {
        return LaunchArguments.parse(List.of(args), Dialect.DEBIAN, uid, defaultFile);
    }

    private OopsException parseFails(String... args) {
        return assertThrows(OopsException.class, () -> parse(args));
    }

    @Test
    void filesAreLoadedInOrder() {
        Path a = file("a.conf", "ftpd_banner=A\nlocal_enable=YES\n");
        Path b = file("b.conf", "ftpd_banner=B\n");
        Launch launch = parse(a.toString(), b.toString());
        assertEquals(Action.SERVE, launch.action());
        assertEquals("B", launch.config().string(Directives.FTPD_BANNER));
        assertTrue(launch.config().bool(Directives.LOCAL_ENABLE));
        assertEquals(List.of(a, b), launch.configFiles());
    }

    @Test
    void optionsApplyInOrder() {
        Launch launch = parse("-oftpd_banner=1", "-omax_clients=7", "-oftpd_banner=2");
        assertEquals("2", launch.config().string(Directives.FTPD_BANNER));
        assertEquals(7, launch.config().uint(Directives.MAX_CLIENTS));
        assertEquals(VsftpdConfig.Source.commandLine(), launch.config().explicitSettings().get("ftpd_banner"));
    }

    @Test
    void filesAndOptionsInterleaveLeftToRight() {
        Path a = file("a.conf", "ftpd_banner=A\n");
        Path b = file("b.conf", "ftpd_banner=B\n");
        Path neutral = file("n.conf", "max_clients=5\n");
        assertEquals("O", parse(a.toString(), "-oftpd_banner=O", neutral.toString())
                .config().string(Directives.FTPD_BANNER));
        assertEquals("B", parse(a.toString(), "-oftpd_banner=O", b.toString())
                .config().string(Directives.FTPD_BANNER));
    }

    @Test
    void optionWithSpaceIsAnEmptySetting() {
        // "-o" alone carries the empty setting; it fails before "local_enable=YES" is read as a file.
        assertEquals("missing value in config file for: ", parseFails("-o", "local_enable=YES").vsftpdText());
    }

    @Test
    void wordAfterOptionWouldBeAFileName() {
        assertEquals("cannot read config file: local_enable=YES", parseFails("local_enable=YES").vsftpdText());
    }

    @Test
    void optionsUseTheConfigGrammar() {
        assertEquals("unrecognised variable in config file: no_such", parseFails("-ono_such=1").vsftpdText());
        assertEquals("bad bool value in config file for: listen", parseFails("-olisten=maybe").vsftpdText());
        // "-ox" is -o with the setting "x", not an unknown option.
        assertEquals("missing value in config file for: x", parseFails("-ox").vsftpdText());
        assertTrue(parse("-o local_enable=YES").config().bool(Directives.LOCAL_ENABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-x", "-", "-O", "--version"})
    void unknownOption(String option) {
        assertEquals("unrecognise option: " + option, parseFails(option).vsftpdText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-v", "-vx", "-verbose"})
    void versionStopsAtOnce(String option) {
        // vsftpd only looks at the letter after '-'; nothing after -v is looked at.
        Launch launch = parse("-oftpd_banner=before", option, "-x", dir.resolve("missing.conf").toString());
        assertEquals(Action.PRINT_VERSION, launch.action());
        assertEquals("before", launch.config().string(Directives.FTPD_BANNER));
    }

    @Test
    void argumentsBeforeVersionAreStillChecked() {
        assertEquals("unrecognise option: -x", parseFails("-x", "-v").vsftpdText());
        Path broken = file("broken.conf", "no_such=1\n");
        assertEquals("unrecognised variable in config file: no_such", parseFails(broken.toString(), "-v").vsftpdText());
    }

    @Test
    void helpIsJvsftpdsOwn() {
        // vsftpd itself answers "unrecognise option: --help"; jvsftpd prints its usage instead.
        assertEquals(Action.PRINT_HELP, parse("--help").action());
        assertEquals(Action.PRINT_HELP, parse("-h").action());
    }

    @Test
    void defaultFileLoadedWhenNoFileIsNamed() {
        write(defaultFile, "ftpd_banner=from default\n");
        Launch launch = parse();
        assertEquals("from default", launch.config().string(Directives.FTPD_BANNER));
        assertEquals(List.of(defaultFile), launch.configFiles());
    }

    @Test
    void defaultFileIsLoadedAfterOptionsAndOverridesThem() {
        write(defaultFile, "ftpd_banner=Y\n");
        VsftpdConfig config = parse("-oftpd_banner=X", "-olocal_enable=YES").config();
        assertEquals("Y", config.string(Directives.FTPD_BANNER));
        assertTrue(config.bool(Directives.LOCAL_ENABLE));
    }

    @Test
    void defaultFileIgnoredWhenAFileIsNamed() {
        write(defaultFile, "no_such=1\n");
        Path named = file("named.conf", "ftpd_banner=named\n");
        Launch launch = parse("-oftpd_banner=X", named.toString());
        assertEquals("named", launch.config().string(Directives.FTPD_BANNER));
        assertEquals(List.of(named), launch.configFiles());
    }

    @Test
    void missingDefaultFileIsNoError() {
        Launch launch = parse("-oftpd_banner=X");
        assertEquals("X", launch.config().string(Directives.FTPD_BANNER));
        assertEquals(List.of(), launch.configFiles());
        assertEquals(VsftpdConfig.defaults(Dialect.DEBIAN), parse().config());
    }

    @Test
    void defaultFileErrorsAreFatal() {
        write(defaultFile, "local_enable=maybe\n");
        OopsException e = parseFails("-oftpd_banner=X");
        assertEquals("bad bool value in config file for: local_enable", e.vsftpdText());
        assertTrue(e.detail().orElseThrow().startsWith(defaultFile + ":1: "));
    }

    @Test
    void defaultFileMustBeOwnedByUs() {
        write(defaultFile, "ftpd_banner=Y\n");
        OopsException e = assertThrows(OopsException.class,
                () -> LaunchArguments.parse(List.of(), Dialect.DEBIAN, uid + 1, defaultFile));
        assertEquals("config file not owned by correct user, or not a file", e.vsftpdText());
    }

    @Test
    void noArgumentsGiveTheDialectDefaults() {
        Launch launch = LaunchArguments.parse(List.of(), Dialect.RHEL, uid, defaultFile);
        assertEquals(VsftpdConfig.defaults(Dialect.RHEL), launch.config());
        assertNull(launch.config().string(Directives.FTPD_BANNER));
    }

    @Test
    void dialectDefaultFiles() {
        // The package paths of the two distributions (upstream installs Debian's way).
        assertEquals(Path.of("/etc/vsftpd.conf"), Dialect.DEBIAN.defaultConfigFile());
        assertEquals(Path.of("/etc/vsftpd.conf"), Dialect.UPSTREAM.defaultConfigFile());
        assertEquals(Path.of("/etc/vsftpd/vsftpd.conf"), Dialect.RHEL.defaultConfigFile());
    }
}
