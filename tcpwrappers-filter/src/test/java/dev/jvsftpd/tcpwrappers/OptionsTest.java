package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * hosts_options as vsftpd gets them: setenv (VSFTPD_LOAD_CONF), spawn, aclexec, banners, twist,
 * severity, and the process options a JVM cannot apply. Where libwrap can run the case in this
 * process, it runs it too and must agree.
 */
class OptionsTest {

    @TempDir
    Path dir;
    private Fixture fixture;
    private final AtomicInteger n = new AtomicInteger();

    @BeforeEach
    void open() {
        fixture = new Fixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Our verdict, with libwrap's verdict on the same tables checked to be the same access. */
    private Verdict both(String allowText, String denyText, String client, boolean compare) {
        Path allow = fixture.write("allow" + n.incrementAndGet(), allowText);
        Path deny = fixture.write("deny" + n.get(), denyText);
        try (LibWrap.Connection c = fixture.connect(client)) {
            Verdict ours = fixture.access(allow, deny, false).decide("vsftpd", Fixture.info(c, client));
            if (compare) {
                LibWrap.tables(allow, deny);
                String address = c.client().getAddress().getHostAddress();
                boolean real = LibWrap.hostsAccess(c, "vsftpd", Fixture.VERIFIED_NAMES.getOrDefault(address, "unknown"),
                        "localhost", "unknown").allowed();
                assertEquals(real, ours.allowed(), "libwrap and we disagree on " + allowText + " | " + denyText);
            }
            return ours;
        }
    }

    @Test
    void setenvGivesTheCallerThePerConnectionConfigFile() {
        Verdict v = both("vsftpd: 127.0.0.5: setenv VSFTPD_LOAD_CONF /etc/vsftpd/%a.conf\n", "ALL: ALL\n", "127.0.0.5", true);
        assertTrue(v.allowed());
        assertEquals("/etc/vsftpd/127.0.0.5.conf", v.loadConf().orElseThrow());
        assertEquals("/etc/vsftpd/127.0.0.5.conf", LibWrap.LIBC.getenv("VSFTPD_LOAD_CONF"));
        Verdict mapped = both("vsftpd: 127.0.0.5: setenv VSFTPD_LOAD_CONF /etc/vsftpd/%a.conf\n", "", "mapped:127.0.0.5", false);
        assertEquals("/etc/vsftpd/::ffff:127.0.0.5.conf", mapped.loadConf().orElseThrow());
        Verdict later = both("vsftpd: ALL: setenv VSFTPD_LOAD_CONF a: setenv VSFTPD_LOAD_CONF  b c \n", "", "127.0.0.5", false);
        assertEquals("b c", later.loadConf().orElseThrow());
        assertTrue(both("vsftpd: ALL\n", "", "127.0.0.5", false).loadConf().isEmpty());
    }

    @Test
    void spawnRunsAndWaitsEvenWhenTheRuleDenies() throws IOException {
        Path ours = dir.resolve("ours.txt");
        Verdict v = both("", "vsftpd: ALL: setenv FOO bar%d: spawn echo x $FOO %a >> " + ours + "\n", "127.0.0.5", false);
        assertEquals(Verdict.Access.DENY, v.access());
        assertEquals("x barvsftpd 127.0.0.5\n", Files.readString(ours));
        Path theirs = dir.resolve("them.txt");
        both("", "vsftpd: ALL: setenv FOO bar%d: spawn echo x $FOO %a >> " + theirs + "\n", "127.0.0.5", true);
        // both ran it: ours, then libwrap (row 73), with the environment set before it
        assertEquals("x barvsftpd 127.0.0.5\n".repeat(2), Files.readString(theirs));
    }

    @Test
    void aFailedAclexecStaysFailedForTheRestOfTheCheck() {
        // libwrap keeps the status: the deny rule with options does not count, the one without does
        assertTrue(both("vsftpd: ALL: aclexec false\n", "vsftpd: ALL: setenv X y\n", "127.0.0.5", true).allowed());
        assertTrue(!both("vsftpd: ALL: aclexec false\n", "vsftpd: ALL\n", "127.0.0.5", true).allowed());
        assertTrue(both("vsftpd: ALL: aclexec false: allow\n", "ALL: ALL\n", "127.0.0.5", true).allowed());
        assertTrue(!both("vsftpd: ALL: aclexec false\n", "vsftpd: ALL: aclexec true: setenv X y\n", "127.0.0.5", true).allowed());
    }

    @Test
    void bannersAreSentAsLibwrapSendsThem() throws IOException {
        Path banners = Files.createDirectory(dir.resolve("banners"));
        byte[] content = "\0\0Hi %a %h [x\n100%\nno newline %d".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(banners.resolve("vsftpd"), content);
        Path allow = fixture.write("allow-b", "vsftpd: ALL: banners " + banners + ": deny\n");
        Path deny = fixture.write("deny-b", "");
        try (LibWrap.Connection c = fixture.connect("127.0.0.5")) {
            Verdict ours = fixture.access(allow, deny, false).decide("vsftpd", Fixture.info(c, "127.0.0.5"));
            LibWrap.tables(allow, deny);
            LibWrap.Outcome real = LibWrap.hostsAccess(c, "vsftpd", null, "localhost", "unknown");
            assertEquals(Verdict.Access.DENY, ours.access());
            assertArrayEquals(real.clientReceived(), ours.banner(), new String(real.clientReceived(), StandardCharsets.ISO_8859_1));
            assertEquals("\0\0Hi 127.0.0.5 127.0.0.5 [x\n100\nno newline vsftpd", new String(ours.banner(), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void twistHandsTheConnectionToTheCommand() {
        Verdict v = both("vsftpd: 127.0.0.5: setenv A 1: twist echo %a said; exit 3\n", "", "127.0.0.5", false);
        assertEquals(Verdict.Access.TWIST, v.access());
        assertEquals("echo 127.0.0.5 said; exit 3", v.twistCommand());
        assertEquals("1", v.environmentValue("A").orElseThrow());
        // a resident process (libwrap called before) refuses twist: that is what libwrap does here
        Path allow = fixture.write("allow-t", "vsftpd: 127.0.0.5: twist echo hi\n");
        Path deny = fixture.write("deny-t", "");
        try (LibWrap.Connection c = fixture.connect("127.0.0.5")) {
            assertEquals(Verdict.Access.DENY, fixture.access(allow, deny, true).decide("vsftpd", Fixture.info(c, "127.0.0.5")).access());
        }
        assertEquals(Verdict.Access.DENY, both("vsftpd: ALL: twist echo hi: allow\n", "", "127.0.0.5", false).access(),
                "twist must be last");
    }

    @Test
    void anExpansionLongerThanLibwrapsBufferDropsTheConnection() {
        String spawn = "vsftpd: ALL: spawn echo " + "%a".repeat(1000) + "\n";
        assertEquals(Verdict.Access.DROP, both(spawn, "", "127.0.0.5", false).access());
        assertEquals(Verdict.Access.ALLOW, both("vsftpd: ALL: spawn echo " + "%a".repeat(900) + "\n", "", "127.0.0.5", false).access());
    }

    @Test
    void severityIsRecordedAndProcessOptionsAreCheckedButLoggedOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(OptionProcessor.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            Verdict v = both("vsftpd: ALL: severity AUTH.Notice: linger 5: group root\n", "ALL: ALL\n", "127.0.0.5", true);
            assertTrue(v.allowed());
            assertEquals("auth.notice", v.severity());
            both("vsftpd: ALL: linger 7: group root\n", "ALL: ALL\n", "127.0.0.5", true);
            long lingerNotes = appender.list.stream().filter(e -> e.getFormattedMessage().contains("\"linger\" accepted")).count();
            assertTrue(lingerNotes <= 1, "logged once");
            assertTrue(!both("vsftpd: ALL: user root.nosuchgroup\n", "", "127.0.0.5", true).allowed());
            assertTrue(!both("vsftpd: ALL: user 0\n", "", "127.0.0.5", true).allowed());
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }
}
