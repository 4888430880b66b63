package dev.jvsftpd.tcpwrappers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link NameLookupNamespaceTest} in a child JVM inside a private mount namespace whose
 * /etc/hosts and /etc/nsswitch.conf are the test's: real libwrap does its own name lookups
 * through glibc, we use {@link SystemHostResolver} on the same files. Prints one line per case:
 * {@code case<TAB>ours<TAB>libwrap}.
 */
public final class NameLookupProbe {

    static final List<String> CLIENTS = List.of("127.0.0.1", "127.0.0.5", "127.0.0.6", "127.0.0.8", "127.0.0.9",
            "127.0.0.10", "127.0.0.11", "127.0.0.12", "::1", "mapped:127.0.0.5", "mapped:127.0.0.6");
    static final List<String> PATTERNS = List.of("KNOWN", "UNKNOWN", "PARANOID", "LOCAL", "localhost", ".example.com",
            "host5.example.com", "host5", "HOST5.", "*.EXAMPLE.com", "host10.example.com", "nodots", "unknown",
            "127.0.0.7", "ALL EXCEPT LOCAL", "ALL EXCEPT PARANOID");
    static final List<String> DAEMONS = List.of("vsftpd@localhost", "vsftpd@LOCAL", "vsftpd@KNOWN", "vsftpd@.example.com");
    /** After a plain match %h and %s show addresses; %n and %N force the lookups (order matters). */
    static final List<String> EXPANSIONS = List.of("%h %s %n %N %h %s %c", "%N %s %H", "%n");

    private NameLookupProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = 0;
        try (Fixture fixture = new Fixture(dir)) {
            for (String client : CLIENTS) {
                for (String pattern : PATTERNS) {
                    run(fixture, dir, client, "vsftpd: " + pattern + "\n", "ALL: ALL\n", "client " + client + " " + pattern, n++);
                }
                for (String daemon : DAEMONS) {
                    run(fixture, dir, client, daemon + ": ALL\n", "ALL: ALL\n", "client " + client + " daemon " + daemon, n++);
                }
                for (String expansion : EXPANSIONS) {
                    run(fixture, dir, client, "vsftpd: ALL: setenv X " + expansion + "\n", "", "client " + client + " expand " + expansion, n++);
                }
            }
        }
        System.out.flush();
    }

    private static void run(Fixture fixture, Path dir, String client, String allowText, String denyText, String label, int n)
            throws Exception {
        Path allow = Files.writeString(dir.resolve("allow" + n), allowText);
        Path deny = Files.writeString(dir.resolve("deny" + n), denyText);
        LibWrap.LIBC.unsetenv("X");
        try (LibWrap.Connection c = fixture.connect(client)) {
            LibWrap.tables(allow, deny);
            LibWrap.Outcome real = LibWrap.hostsAccess(c, "vsftpd", null, null, null);
            String theirs = (real.allowed() ? "ALLOW" : "DENY") + " " + LibWrap.LIBC.getenv("X");
            Verdict verdict = HostsAccess.builder().allowFile(allow).denyFile(deny).ident(IdentLookup.NONE)
                    .build().decide("vsftpd", Fixture.info(c, client));
            String ours = verdict.access() + " " + verdict.environmentValue("X").orElse(null);
            System.out.println(label + "\t" + ours + "\t" + theirs);
        }
    }
}
