package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * How bytes become rules, against real libwrap: NUL bytes, the 2048-byte buffer, continuations,
 * comments, CR, brackets around ":" fields; and that a malformed line is reported with its file
 * and line number.
 */
class LineAssemblyTest {

    private static final String D = "ALL: ALL\n";
    private static final String R = "vsftpd: 127.0.0.5\n";

    @TempDir
    Path dir;
    private final AtomicInteger n = new AtomicInteger();

    @Test
    void oddBytesAreReadAsLibwrapReadsThem() {
        List<String[]> cases = new ArrayList<>();
        String x2047 = "x".repeat(2047);
        String[] allows = {
            "vsftpd: 127.0.0.5\0junk\n", "vsf\0tpd: 127.0.0.5\n" + R, "\0\n" + R, "vsftpd: 127.0.0.5 \0\nx: y\n",
            "vsftpd:\0\n 127.0.0.5\n", x2047 + R, x2047 + "\n" + R, "x".repeat(3000) + "\n" + R, "x".repeat(2046) + "\n" + R,
            "# x \\\n" + R, "\\\n# " + R, "\\\n" + R, "vsftpd: 127.0.0.\\\n5\n", "vsftpd: 127.0.0.5\\\n\n",
            "vsftpd: 127.0.0.5\\\\\n", "vsftpd: 127.0.0.5 \\\r\n", "vsftpd: 127.0.0.5\r\n", "vsftpd: 127.0.0.5\r",
            "vsftpd\\\n: 127.0.0.5\n", "a".repeat(1500) + "\\\n" + "b".repeat(546) + "\n" + R,
            "a".repeat(1500) + "\\\n" + "b".repeat(547) + "\n" + R, "a".repeat(2045) + "\\\n" + R, "a".repeat(2044) + "\\\n" + R,
            "vsftpd]: ALL\n", "[vsftpd: x]: ALL\n", "vsftpd: [a:b] 127.0.0.5\n", "vsftpd: ALL]:x\n", "vsftpd: ALL: setenv X [a:b]\n",
            "]vsftpd: ALL\n", "vsftpd: 127.0.0.5 ]: allow\n", "\n\n" + R, " \t\r\n" + R, "\u000b\n" + R, "#\n" + R, "\t#" + R,
            "vsftpd: 127.0.0.5\n\0", "vsftpd: 127.0.0.6\n" + "x".repeat(5000) + "\n" + R, R + "x".repeat(5000),
            "vsftpd: ALL: spawn \0 true\n", "vsftpd: ALL:\0\n" + R, "vsftpd: 127.0.0.5: \u00e9\n", "vsftpd: 127.0.0.5 \u00e9\u00c9\n",
            "VSFTPD: 127.0.0.5\n", "vsftpd: ALL: setenv X a\\\\\n", ":\n" + R, "::\n" + R, "vsftpd:127.0.0.5:\n",
        };
        for (String allow : allows) {
            cases.add(new String[] {allow, D});
            cases.add(new String[] {"", allow});
        }
        try (Fixture fixture = new Fixture(dir)) {
            List<String> mismatches = new ArrayList<>();
            for (String[] c : cases) {
                Path allow = fixture.write("allow" + n.incrementAndGet(), c[0].getBytes(StandardCharsets.ISO_8859_1));
                Path deny = fixture.write("deny" + n.get(), c[1].getBytes(StandardCharsets.ISO_8859_1));
                try (LibWrap.Connection conn = fixture.connect("127.0.0.5")) {
                    LibWrap.tables(allow, deny);
                    boolean real = LibWrap.hostsAccess(conn, "vsftpd", "host5.example.com", "localhost", "unknown").allowed();
                    Verdict ours = fixture.access(allow, deny, true)
                            .decide("vsftpd", Fixture.info(conn, "127.0.0.5").withClientName("host5.example.com")
                                    .withServerName("localhost").withUser("unknown"));
                    if (real != ours.allowed()) {
                        mismatches.add("libwrap " + real + " ours " + ours + " for allow=" + show(c[0]) + " deny=" + show(c[1]));
                    }
                }
            }
            assertEquals(List.of(), mismatches, String.join("\n", mismatches));
        }
    }

    private static String show(String s) {
        String t = s.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }

    @Test
    void malformedLinesAreReportedWithFileAndLine() {
        Logger logger = (Logger) LoggerFactory.getLogger(TableCache.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.WARN);
        logger.addAppender(appender);
        try (Fixture fixture = new Fixture(dir)) {
            Path allow = fixture.write("hosts.allow", "# comment\nvsftpd 127.0.0.5\n\nsshd: \\\n ALL\nvsftpd: 127.0.0.6");
            Path deny = fixture.write("hosts.deny", "");
            HostsAccess access = fixture.access(allow, deny, true);
            try (LibWrap.Connection conn = fixture.connect("127.0.0.5")) {
                assertTrue(access.decide("vsftpd", Fixture.info(conn, "127.0.0.5")).allowed());
                access.decide("vsftpd", Fixture.info(conn, "127.0.0.5"));
            }
            List<String> messages = appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
            assertEquals(List.of(
                    allow + ", line 2: missing \":\" separator",
                    allow + ", line 6: missing newline or line too long; all the subsequent rules will be ignored"),
                    messages, "reported once per version of the file");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }
}
