package dev.jvsftpd.selinux.policy;

import java.util.List;
import java.util.Set;

/**
 * TCP port labels: a curated subset of corenetwork's port declarations, the ones PASV ranges and active-mode
 * clients typically hit (reference C.6). A defined type joins {@code unreserved_port_type} when its
 * <em>first declared</em> port is 1024 or above, even if other ports of it are lower or it also lists UDP ports.
 */
public final class PortTypes {
    private PortTypes() {
    }

    /** One declared type: its TCP ranges and the first port of its declaration (TCP or UDP). */
    record Declared(String type, int firstDeclared, List<int[]> tcpRanges) {
        boolean covers(int port) {
            return tcpRanges.stream().anyMatch(r -> port >= r[0] && port <= r[1]);
        }
    }

    private static final List<Declared> DECLARED = List.of(
            new Declared("ftp_data_port_t", 20, List.of(new int[] {20, 20})),
            new Declared("ftp_port_t", 21, List.of(new int[] {21, 21}, new int[] {989, 990})),
            new Declared("ssh_port_t", 22, List.of(new int[] {22, 22})),
            new Declared("http_port_t", 80, List.of(new int[] {80, 81}, new int[] {443, 443}, new int[] {488, 488},
                    new int[] {8008, 8009}, new int[] {8443, 8443}, new int[] {9000, 9000})),
            new Declared("mysqld_port_t", 1186, List.of(new int[] {1186, 1186}, new int[] {3306, 3306},
                    new int[] {63132, 63164})),
            new Declared("mssql_port_t", 1433, List.of(new int[] {1433, 1434})),
            new Declared("oracle_port_t", 1521, List.of(new int[] {1521, 1521}, new int[] {2483, 2484})),
            new Declared("gds_db_port_t", 3050, List.of(new int[] {3050, 3050})),
            new Declared("http_cache_port_t", 3130, List.of(new int[] {8080, 8080}, new int[] {8118, 8118},
                    new int[] {8123, 8123}, new int[] {10001, 10010})),
            new Declared("postgresql_port_t", 5432, List.of(new int[] {5432, 5432}, new int[] {9898, 9898})));

    public static final String UNRESERVED = "unreserved_port_t";
    public static final String EPHEMERAL = "ephemeral_port_t";
    public static final String RESERVED = "reserved_port_t";
    public static final String HI_RESERVED = "hi_reserved_port_t";

    /** Types ftpd_connect_db opens. */
    public static final Set<String> DATABASE = Set.of("gds_db_port_t", "mssql_port_t", "oracle_port_t",
            "mysqld_port_t", "postgresql_port_t");

    /** The type of a TCP port: a declared one wins over the generic ranges. */
    public static String typeOf(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        for (Declared d : DECLARED) {
            if (d.covers(port)) {
                return d.type();
            }
        }
        if (port < 512) {
            return RESERVED;
        }
        if (port < 1024) {
            return HI_RESERVED;
        }
        if (port >= 32768 && port <= 60999) {
            return EPHEMERAL;
        }
        return UNRESERVED;
    }

    /** Members of the unreserved_port_type attribute: the generic unreserved type and declared types starting at 1024+. */
    public static Set<String> unreservedPortTypes() {
        java.util.Set<String> s = new java.util.TreeSet<>();
        s.add(UNRESERVED);
        DECLARED.stream().filter(d -> d.firstDeclared() >= 1024).forEach(d -> s.add(d.type()));
        return Set.copyOf(s);
    }

    /** Every port type, for dontaudit rules that cover them all. */
    public static Set<String> allPortTypes() {
        java.util.Set<String> s = new java.util.TreeSet<>(Set.of(UNRESERVED, EPHEMERAL, RESERVED, HI_RESERVED));
        DECLARED.forEach(d -> s.add(d.type()));
        return Set.copyOf(s);
    }
}
