package dev.jvsftpd.tcpwrappers;

import static dev.jvsftpd.tcpwrappers.Verdict.Access.ALLOW;
import static dev.jvsftpd.tcpwrappers.Verdict.Access.DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of the reference's verified edge-case table (tcpwrappers-pam-selinux.md A.13), each
 * variant on its own: our verdict must be the documented one, and real libwrap must agree on the
 * same loopback connection. Host names come from the reference's private hosts file, through
 * {@link SystemHostResolver} on our side and as the already-verified names on libwrap's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeCaseTableTest {

    private static final String D = "ALL: ALL\n";
    /** Marks a table path that does not exist. */
    private static final String MISSING = "<missing>";
    /** Marks a table that cannot be opened (ENOTDIR: a path through a regular file; EACCES needs a non-root caller). */
    private static final String UNREADABLE = "<unreadable>";
    private static final String DIRECTORY = "<directory>";

    @TempDir
    static Path dir;
    private Fixture fixture;
    private final AtomicInteger counter = new AtomicInteger();

    record Row(String id, String allow, String deny, String client, Verdict.Access expected) {
    }

    @BeforeAll
    void open() {
        fixture = new Fixture(dir);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @TestFactory
    Stream<DynamicTest> referenceTableA13() throws IOException {
        Path list = fixture.write("list46", "127.0.0.5\n# c\n.example.org 127.0.0.20\n");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("1", "", D, "127.0.0.5", DENY));
        rows.add(new Row("2", "vsftpd: 127.0.0.5\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("3", "VSFTPD: 127.0.0.5\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("4", "in.ftpd: ALL\n", D, "127.0.0.5", DENY));
        rows.add(new Row("5", MISSING, MISSING, "127.0.0.5", ALLOW));
        clients(rows, "6", "127.0.0.5", ALLOW, "127.", "127.0.0.");
        clients(rows, "7", "127.0.0.5", DENY, "127.0.0", "127.0.0.5.", "127.1", "12", "12.");
        clients(rows, "8", "127.0.0.5", ALLOW, "127.0.0.0/255.255.255.0", "127.0.0.0/24", "127.0.0.0/25",
                "127.0.0.0/29", "127.0.0.4/31", "0.0.0.0/1", "127.0.0.0/255.0.255.0");
        clients(rows, "9a", "127.0.0.5", ALLOW, "127.0.0.5/32");
        clients(rows, "9b", "127.0.0.5", DENY, "127.0.0.5/255.255.255.255", "127.0.0.4/32");
        clients(rows, "10", "127.0.0.5", DENY, "0.0.0.0/0", "127.0.0.5/0", "127.0.0.0/33", "127.0.0.0/-1",
                "127.0.0.0/30", "127.0.0.5/24", "127.0.0.1/255.255.255.0");
        clients(rows, "11", "127.0.0.5", ALLOW, "127.0.0.0/24abc");
        clients(rows, "12", "127.0.0.5", DENY, "127.0.0.0/ 24");
        clients(rows, "13", "127.0.0.5", ALLOW, "127.0.0.*", "127.0.0.?", "127.*.5", "*");
        clients(rows, "14", "127.0.0.5", DENY, "127.0.0.??", "127.0.0.*/24", "12*.");
        clients(rows, "15a", "127.0.0.10", ALLOW, "127.0.0.1*");
        clients(rows, "15b", "127.0.0.5", DENY, "127.0.0.1*");
        clients(rows, "16", "127.0.0.5", DENY, "ALL EXCEPT 127.0.0.5");
        clients(rows, "17", "127.0.0.5", ALLOW, "ALL EXCEPT 127. EXCEPT 127.0.0.5");
        clients(rows, "18", "127.0.0.5", DENY, "127.0.0.5 except 127.0.0.5");
        clients(rows, "19", "127.0.0.5", DENY, "EXCEPT 127.0.0.5");
        rows.add(new Row("20", "ALL EXCEPT vsftpd: ALL\n", D, "127.0.0.5", DENY));
        rows.add(new Row("21", "ALL EXCEPT sshd: ALL\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("22a", "sshd, vsftpd: 127.0.0.5\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("22b", "sshd,vsftpd:127.0.0.5\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("23", "vsftpd : 127.0.0.5 , 127.0.0.6\n", D, "127.0.0.6", ALLOW));
        rows.add(new Row("24", "vsftpd:\t127.0.0.5\r\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("25", "vsftpd: \\\n 127.0.0.5\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("26", "vsftpd: 127.0.0.5 \\\n", D, "127.0.0.5", DENY));
        rows.add(new Row("27", "vsftpd: 127.0.0.5", D, "127.0.0.5", DENY));
        rows.add(new Row("28", "# vsftpd: 127.0.0.5\n", D, "127.0.0.5", DENY));
        rows.add(new Row("29", "  # vsftpd: 127.0.0.5\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("30", "vsftpd: 127.0.0.5 # comment\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("31", "vsftpd 127.0.0.5\n", D, "127.0.0.5", DENY));
        rows.add(new Row("32a", ":127.0.0.5\n", D, "127.0.0.5", DENY));
        rows.add(new Row("32b", "vsftpd:\n", D, "127.0.0.5", DENY));
        String head = "vsftpd: 127.0.0.5 ";
        rows.add(new Row("33a", head + "x".repeat(2046 - head.length()) + "\n", D, "127.0.0.5", ALLOW));
        rows.add(new Row("33b", head + "x".repeat(2047 - head.length()) + "\n", D, "127.0.0.5", DENY));
        clients(rows, "34a", "127.0.0.1", ALLOW, "LOCAL");
        clients(rows, "34b", "127.0.0.8", ALLOW, "LOCAL");
        clients(rows, "34c", "127.0.0.5", DENY, "LOCAL");
        clients(rows, "35", "127.0.0.1", DENY, "ALL EXCEPT LOCAL");
        clients(rows, "36a", "127.0.0.1", ALLOW, "localhost");
        clients(rows, "36b", "::1", ALLOW, "localhost");
        clients(rows, "37a", "127.0.0.5", ALLOW, "KNOWN");
        clients(rows, "37b", "127.0.0.9", DENY, "KNOWN");
        clients(rows, "37c", "127.0.0.6", DENY, "KNOWN");
        clients(rows, "38a", "127.0.0.9", ALLOW, "UNKNOWN");
        clients(rows, "38b", "127.0.0.6", DENY, "UNKNOWN");
        clients(rows, "38c", "127.0.0.11", ALLOW, "UNKNOWN");
        clients(rows, "39a", "127.0.0.6", ALLOW, "PARANOID");
        clients(rows, "39b", "127.0.0.9", DENY, "PARANOID");
        clients(rows, "40", "127.0.0.6", DENY, "ALL EXCEPT PARANOID");
        clients(rows, "41", "127.0.0.6", DENY, "127.0.0.7");
        clients(rows, "42", "127.0.0.5", ALLOW, ".example.com", ".com", "*.example.com", "host?.example.com",
                "*.EXAMPLE.com", "HOST5.*", "*host5*", "h*5.example.co?", "host5.example.", "HOST5.EXAMPLE.COM");
        clients(rows, "43", "127.0.0.5", DENY, "example.com", ".host5.example.com", "host5", ".example.*");
        clients(rows, "44", "127.0.0.10", ALLOW, ".example.com");
        clients(rows, "45", "127.0.0.5", ALLOW, ".0.0.5");
        clients(rows, "46a", "127.0.0.5", ALLOW, list.toString());
        clients(rows, "46b", "127.0.0.10", DENY, list.toString());
        clients(rows, "47", "127.0.0.5", DENY, dir.resolve("nonexistent").toString(), "@somenetgroup", "@127.0.0.5");
        clients(rows, "48", "127.0.0.5", ALLOW, "ALL@127.0.0.5", "UNKNOWN@127.0.0.5", "ALL@ALL");
        clients(rows, "49", "127.0.0.5", DENY, "KNOWN@127.0.0.5", "127.0.0.5@127.0.0.5");
        daemons(rows, "50", ALLOW, "vsftpd@127.0.0.1", "vsftpd@localhost", "vsftpd@127.0.0.0/8", "ALL@127.0.0.1");
        daemons(rows, "51", DENY, "vsftpd@127.0.0.2", "ALL EXCEPT vsftpd@127.0.0.1");
        daemons(rows, "52", ALLOW, "${PORT}");
        daemons(rows, "53", ALLOW, "vsftpd*", "vs*", "VSFTP?");
        daemons(rows, "54", DENY, ".ftpd");
        clients(rows, "55", "::1", ALLOW, "[::1]", "[::1]/128", "[::]/0", "[::1]/0", "[::1]/127", "[::1]/64",
                "[::2]/64", "[0:0:0:0:0:0:0:1]");
        clients(rows, "56", "::1", DENY, "::1", "::*", "[::*]", "[::1/128]", "[::1]/129", "[::2]/127",
                "[::1]/128 EXCEPT [::1]");
        clients(rows, "57", "::1", DENY, "127.0.0.0/8", "127.0.0.0/255.255.255.0");
        clients(rows, "58", "mapped:127.0.0.5", ALLOW, "127.0.0.5", "127.", "127.0.0.0/24", "127.0.0.?",
                ".example.com", "KNOWN");
        clients(rows, "59", "mapped:127.0.0.5", DENY, "[::ffff:127.0.0.5]", "[::ffff:127.0.0.5]/128",
                "[::ffff:127.0.0.0]/120", "[::ffff:7f00:0]/104", "[::]/0", "::ffff:127.0.0.5", "*:127.0.0.5");
        rows.add(new Row("60", "vsftpd: 127.0.0.5\n", "vsftpd: 127.0.0.5\n", "127.0.0.5", ALLOW));
        rows.add(new Row("61", "vsftpd: 127.0.0.9\nvsftpd: 127.0.0.5: deny\nvsftpd: ALL\n", "", "127.0.0.5", DENY));
        rows.add(new Row("62", "vsftpd: ALL: deny\n", "", "127.0.0.5", DENY));
        rows.add(new Row("63", "", "vsftpd: ALL: allow\n", "127.0.0.5", ALLOW));
        rows.add(new Row("64", "", "ALL EXCEPT vsftpd: ALL\n", "127.0.0.5", ALLOW));
        options(rows, "65", D, ALLOW, "allow ", "ALLOW", "SPAWN /bin/true : ALLOW");
        options(rows, "66", D, DENY, "", " :", " keepalive :: allow");
        options(rows, "67", "", DENY, "bogus", "deny: allow", "allow # c", "keepalive 3", "setenv", "setenv FOO=bar",
                "severity bogus", "umask 999", "nice 5x", "rfc931 0", "linger -1", "user nosuchuser");
        options(rows, "68", D, ALLOW, "severity auth.notice", "keepalive", "umask 022: nice: rfc931 1",
                "banners " + dir.resolve("nonexistent"));
        options(rows, "69", D, ALLOW, "aclexec /bin/true");
        rows.add(new Row("70", "vsftpd: ALL: aclexec /bin/false\nvsftpd: ALL\n", D, "127.0.0.5", DENY));
        rows.add(new Row("71", "vsftpd: ALL: aclexec /bin/false\n", "", "127.0.0.5", ALLOW));
        rows.add(new Row("72", "", "vsftpd: ALL: aclexec /bin/false\nALL: ALL\n", "127.0.0.5", ALLOW));
        rows.add(new Row("74", "vsftpd: ALL: twist echo hi\n", "", "127.0.0.5", DENY));
        rows.add(new Row("75", "vsftpd: 127.0.0.6\n", UNREADABLE, "127.0.0.5", DENY));
        rows.add(new Row("76", UNREADABLE, "", "127.0.0.5", ALLOW));
        rows.add(new Row("77a", DIRECTORY, D, "127.0.0.5", DENY));
        rows.add(new Row("77b", "vsftpd: 127.0.0.5\n", DIRECTORY, "127.0.0.5", ALLOW));
        rows.add(new Row("77c", DIRECTORY, DIRECTORY, "127.0.0.5", ALLOW));
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.id() + " " + describe(row), () -> check(row)));
    }

    private static String describe(Row row) {
        return (row.allow().length() > 60 ? row.allow().substring(0, 60) + "..." : row.allow()).replace("\n", "\\n")
                + " | " + row.deny().replace("\n", "\\n") + " | " + row.client() + " -> " + row.expected();
    }

    private static void clients(List<Row> rows, String id, String client, Verdict.Access expected, String... patterns) {
        int n = 0;
        for (String p : patterns) {
            rows.add(new Row(id + "." + ++n, "vsftpd: " + p + "\n", D, client, expected));
        }
    }

    private static void daemons(List<Row> rows, String id, Verdict.Access expected, String... patterns) {
        int n = 0;
        for (String p : patterns) {
            rows.add(new Row(id + "." + ++n, p + ": ALL\n", D, "127.0.0.5", expected));
        }
    }

    private static void options(List<Row> rows, String id, String deny, Verdict.Access expected, String... options) {
        int n = 0;
        for (String o : options) {
            rows.add(new Row(id + "." + ++n, "vsftpd: ALL:" + (o.isEmpty() ? "" : " " + o) + "\n", deny, "127.0.0.5", expected));
        }
    }

    private Path table(String name, String content, String client) throws IOException {
        Path p = dir.resolve(name + "-" + counter.incrementAndGet());
        switch (content) {
            case MISSING:
                return p;
            case UNREADABLE:
                Files.writeString(p, "x");
                return p.resolve("hosts");
            case DIRECTORY:
                return Files.createDirectory(p);
            default:
                String text = content.replace("${PORT}", Integer.toString(fixture.port(client)));
                Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
                return p;
        }
    }

    private void check(Row row) throws IOException {
        Path allow = table("allow", row.allow(), row.client());
        Path deny = table("deny", row.deny(), row.client());
        try (LibWrap.Connection c = fixture.connect(row.client())) {
            // resident: twist must fail the way it does in libwrap's test process (row 74)
            Verdict ours = fixture.access(allow, deny, true).decide("vsftpd", Fixture.info(c, row.client()));
            assertEquals(row.expected(), ours.access(), "our verdict");

            LibWrap.tables(allow, deny);
            String address = c.client().getAddress().getHostAddress().replace("0:0:0:0:0:0:0:1", "::1");
            LibWrap.Outcome real = LibWrap.hostsAccess(c, "vsftpd",
                    Fixture.VERIFIED_NAMES.getOrDefault(address, "unknown"), "localhost", "unknown");
            assertEquals(row.expected() == ALLOW, real.allowed(), "libwrap's verdict");
        }
    }
}
