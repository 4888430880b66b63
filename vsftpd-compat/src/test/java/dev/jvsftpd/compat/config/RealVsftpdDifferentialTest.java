package dev.jvsftpd.compat.config;

import static dev.jvsftpd.compat.config.ConfigFixtures.ownUid;
import static dev.jvsftpd.compat.config.ConfigFixtures.padding;
import static dev.jvsftpd.compat.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.LaunchArguments.Action;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs Debian's real vsftpd 3.0.3 (the project's oracle) and jvsftpd's {@link LaunchArguments} on
 * the same broken command lines and config files, and requires the same {@code 500 OOPS:} text.
 * vsftpd must be installed (CI does {@code apt-get install vsftpd}); a missing binary fails.
 *
 * <p>Safety: every config file starts with a preamble that makes vsftpd listen on loopback only,
 * in the foreground, so a config it unexpectedly accepts binds 127.0.0.1 and is killed at the
 * timeout. Every command line names a config file first, so /etc/vsftpd.conf is never read.
 */
class RealVsftpdDifferentialTest {
    private static final Path VSFTPD = Path.of("/usr/sbin/vsftpd");
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path dir;

    private int port;
    private String preamble;

    @BeforeEach
    void setUp() throws IOException {
        assertTrue(Files.isExecutable(VSFTPD), VSFTPD + " is missing: install Debian's vsftpd package (apt-get install vsftpd)");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        preamble = "listen=YES\nlisten_address=127.0.0.1\nlisten_port=" + port + "\nbackground=NO\n";
    }

    /** Builds one corpus entry's arguments in the test's directory. */
    interface Arguments {
        List<String> build(Corpus corpus) throws IOException;
    }

    record Case(String name, Arguments arguments) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a case may use: the directory and the loopback preamble. */
    final class Corpus {
        /** A config file: the preamble, then {@code body}. */
        String config(String name, String body) {
            return write(dir.resolve(name), preamble + body).toString();
        }

        Path path(String name) {
            return dir.resolve(name);
        }

        String preamble() {
            return preamble;
        }
    }

    /** The preamble file followed by the given arguments. */
    private static Case afterPreamble(String name, String... rest) {
        return new Case(name, corpus -> {
            List<String> args = new ArrayList<>(List.of(corpus.config("preamble.conf", "")));
            args.addAll(List.of(rest));
            return args;
        });
    }

    /** One config file: the preamble, then {@code body}. */
    private static Case file(String name, String body) {
        return new Case(name, corpus -> List.of(corpus.config("vsftpd.conf", body)));
    }

    static Stream<Case> brokenCorpus() {
        return Stream.of(
                file("unknown name", "no_such_option=YES\n"),
                file("typo", "pasv_enalbe=YES\n"),
                file("trailing blank in name", "local_enable =YES\n"),
                file("blank around equals", "local_enable = YES\n"),
                file("tab in name", "local_enable\t=YES\n"),
                file("wrong case", "Local_Enable=YES\n"),
                file("RHEL-only directive", "ssl_tlsv1_2=YES\n"),
                file("RHEL-only uint", "bind_retries=9\n"),
                file("missing value, unknown name", "no_such_option\n"),
                file("missing value, bool without =", "local_enable\n"),
                file("missing value, bool with =", "local_enable=\n"),
                file("missing value, uint", "max_clients=\n"),
                file("empty name", "=x\n"),
                file("bad bool word", "local_enable=on\n"),
                file("bad bool digit", "anonymous_enable=2\n"),
                file("bad bool leading blank", "local_enable= YES\n"),
                file("bad bool trailing blank", "local_enable=YES \n"),
                file("bad bool trailing comment", "local_enable=YES # c\n"),
                file("Debian-only bool, bad value", "utf8_filesystem=maybe\n"),
                file("CRLF lines", "# dos\r\n\r\nftpd_banner=hello\r\nmax_clients=10\r\nlocal_enable=YES\r\n"),
                file("CRLF missing value", "no_such\r\n"),
                file("column-2 comment", "  # a comment\n"),
                file("tab-indented comment", "\t#listen=NO\n"),
                file("semicolon comment", "; comment\n"),
                file("NUL inside a line", "local_enable=YES\0junk\nno_such\0=1\n"),
                file("NUL at line start", "\0abc\n"),
                // Everything before the last line is legal; the error must come from the last line.
                file("accepted lines, then error",
                        "   \tlocal_enable=YES\n#local_enable=maybe\n \t\u000b\f\r\n\nftpd_banner=\nftpd_banner=a=b\n"
                                + "ftp_username\nlocal_umask= 022\nmax_clients=abc\npasv_min_port=030000\n"
                                + "anonymous_enable=tRuE\nlocal_enable=no\nutf8_filesystem=YES\nupload_file=*.txt\n"
                                + "download_file= *.txt \r\nanon_root=/srv/ftp \r\nlocal_enable=1\nlocal_enable=FALSE\n"
                                + "no_such_option=YES\n"),
                new Case("name cut at 100000 bytes", corpus -> List.of(corpus.config("vsftpd.conf",
                        padding(100_000 - corpus.preamble().length() - 10) + "no_such_option=1\n"))),
                afterPreamble("unknown option -x", "-x"),
                afterPreamble("unknown option -", "-"),
                afterPreamble("unknown option -O", "-O"),
                afterPreamble("unknown option --version", "--version"),
                afterPreamble("-o with a space", "-o", "listen=YES"),
                afterPreamble("-o unknown name", "-ono_such=1"),
                afterPreamble("-o bad bool", "-olocal_enable=maybe"),
                afterPreamble("-o with leading blank in the word", "-o local_enable=maybe"),
                afterPreamble("-o empty name", "-o=x"),
                afterPreamble("-o wrong case", "-oLocal_enable=YES"),
                afterPreamble("-o fine, then -o broken", "-oftpd_banner=x", "-olocal_enable=2"),
                afterPreamble("-x before a missing file", "-x", "missing.conf"),
                new Case("unreadable (missing) file", corpus -> List.of(
                        corpus.config("preamble.conf", ""), corpus.path("missing.conf").toString())),
                new Case("missing file before -x", corpus -> List.of(
                        corpus.config("preamble.conf", ""), corpus.path("missing.conf").toString(), "-x")),
                afterPreamble("empty file name", ""),
                new Case("directory as config file", corpus -> List.of(
                        corpus.config("preamble.conf", ""), Files.createDirectory(corpus.path("sub")).toString())),
                new Case("file not owned by us", corpus -> {
                    String file = corpus.config("other.conf", "");
                    // Tests run as root; uid 65534 (nobody) is someone else.
                    Files.setAttribute(Path.of(file), "unix:uid", 65534);
                    return List.of(corpus.config("preamble.conf", ""), file);
                }),
                new Case("symlink to a broken file", corpus -> List.of(
                        corpus.config("preamble.conf", ""),
                        Files.createSymbolicLink(corpus.path("link.conf"),
                                Path.of(corpus.config("target.conf", "no_such_option=1\n"))).toString())),
                new Case("second file broken", corpus -> List.of(
                        corpus.config("first.conf", "ftpd_banner=first\n"),
                        corpus.config("second.conf", "local_enable=maybe\n"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCorpus")
    void sameOopsAsVsftpd(Case broken) throws Exception {
        List<String> args = broken.arguments().build(new Corpus());
        // A named file first means neither side falls back to the default config file.
        assertFalse(args.get(0).startsWith("-"), "the first argument must be a config file");

        Run real = runVsftpd(args);
        assertEquals(2, real.exitStatus(), "vsftpd exit status; " + real);
        String oops = real.firstLine();
        assertTrue(oops.startsWith("500 OOPS: "), "vsftpd said: " + oops);

        OopsException ours = assertThrows(OopsException.class,
                () -> LaunchArguments.parse(args, Dialect.DEBIAN, ownUid(dir), dir.resolve("no-default.conf")));
        assertEquals(oops.substring("500 OOPS: ".length()), ours.vsftpdText());
        assertEquals(oops, ours.oopsLine());
    }

    static Stream<Case> versionCorpus() {
        return Stream.of(
                new Case("-v", corpus -> List.of("-v")),
                new Case("-vx", corpus -> List.of("-vx")),
                new Case("-verbose", corpus -> List.of("-verbose")),
                afterPreamble("file, then -v", "-v"),
                new Case("-v, then a broken file", corpus -> List.of("-v", corpus.config("broken.conf", "no_such=1\n"))),
                new Case("-v, then -x", corpus -> List.of("-v", "-x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionCorpus")
    void versionLikeVsftpd(Case version) throws Exception {
        List<String> args = version.arguments().build(new Corpus());
        Run real = runVsftpd(args);
        assertEquals(0, real.exitStatus(), "vsftpd exit status; " + real);
        assertEquals("vsftpd: version 3.0.3\n", real.fd0());
        assertEquals(Action.PRINT_VERSION,
                LaunchArguments.parse(args, Dialect.DEBIAN, ownUid(dir), dir.resolve("no-default.conf")).action());
    }

    @Test
    void harnessSeesAnAcceptedConfigAsATimeout() throws Exception {
        // The safety net itself: a good config makes vsftpd listen on loopback until killed.
        String config = write(dir.resolve("good.conf"), preamble).toString();
        Run real = runVsftpd(List.of(config), 2);
        assertEquals(-1, real.exitStatus(), "vsftpd should still be running; " + real);
        assertEquals("", real.fd0());
    }

    /** vsftpd's exit status (-1 if it was killed at the timeout), what it wrote to fd 0, and stdout/stderr. */
    record Run(int exitStatus, String fd0, String console) {
        /** The first CRLF-terminated line; later lines are racing helper processes. */
        String firstLine() {
            int end = fd0.indexOf("\r\n");
            assertTrue(end >= 0, "no CRLF-terminated line on fd 0: " + fd0);
            return fd0.substring(0, end);
        }
    }

    private Run runVsftpd(List<String> args) throws IOException, InterruptedException {
        return runVsftpd(args, TIMEOUT_SECONDS);
    }

    /** vsftpd writes its OOPS line to fd 0, so fd 0 is a file opened read-write. */
    private Run runVsftpd(List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        Path fd0 = Files.createTempFile(dir, "fd0-", ".out");
        Path console = Files.createTempFile(dir, "console-", ".out");
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec " + VSFTPD + " \"$@\" 0<>\"$OUT\"", "vsftpd"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().put("OUT", fd0.toString());
        // Only read per session, but keep the run hermetic.
        builder.environment().remove("VSFTPD_LOAD_CONF");
        Process process = builder.start();
        int status;
        if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            status = process.exitValue();
        } else {
            process.destroyForcibly();
            process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            status = -1;
        }
        return new Run(status, read(fd0), read(console));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
