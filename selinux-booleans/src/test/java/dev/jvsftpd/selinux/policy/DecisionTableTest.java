package dev.jvsftpd.selinux.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row and column of the reference's decision table (C.7, RHEL 8/9), one dynamic test per cell:
 * operation × target type × boolean column → allowed or denied, and a denial in enforcing mode comes with
 * exactly one AVC record naming the target's type (or, when the path walk fails first, the directory's).
 */
class DecisionTableTest {
    /** The table's columns. */
    private static final List<String> COLUMNS = List.of("none", "anon_write", "full_access", "use_nfs",
            "use_nfs+anon_write", "use_nfs_home_dirs");

    private static BooleanValues column(String name) {
        return switch (name) {
            case "none" -> BooleanValues.none();
            case "anon_write" -> BooleanValues.of("ftpd_anon_write");
            case "full_access" -> BooleanValues.of("ftpd_full_access");
            case "use_nfs" -> BooleanValues.of("ftpd_use_nfs");
            case "use_nfs+anon_write" -> BooleanValues.of("ftpd_use_nfs", "ftpd_anon_write");
            case "use_nfs_home_dirs" -> BooleanValues.of("use_nfs_home_dirs");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** One table row: the types it names, its operations, the scenario, and the six cells. */
    private record Row(String label, List<String> types, List<String> ops, String cells,
                       Function<String, Function<String, List<Check>>> scenario) {
    }

    private static Function<String, Function<String, List<Check>>> inside() {
        return type -> op -> Scenario.inside(type, op);
    }

    private static final List<String> ALL = List.of("C", "L", "R", "W", "N", "M", "D", "X", "RN", "A");

    private static List<Row> table() {
        return List.of(
                new Row("public_content_t C L R", List.of("public_content_t"), List.of("C", "L", "R"),
                        "ok ok ok ok ok ok", inside()),
                new Row("public_content_t W N M D X RN A", List.of("public_content_t"),
                        List.of("W", "N", "M", "D", "X", "RN", "A"), "– – ok – – –", inside()),
                new Row("public_content_rw_t C L R", List.of("public_content_rw_t"), List.of("C", "L", "R"),
                        "ok ok ok ok ok ok", inside()),
                new Row("public_content_rw_t W N M D X RN A", List.of("public_content_rw_t"),
                        List.of("W", "N", "M", "D", "X", "RN", "A"), "– ok ok – ok –", inside()),
                new Row("user_home_dir_t C L and entries N M D X RN", List.of("user_home_dir_t"),
                        List.of("C", "L", "N", "M", "D", "X", "RN"), "ok ok ok ok ok ok",
                        type -> Scenario::homeDir),
                new Row("user_home_dir_t itself rmdir rename setattr", List.of("user_home_dir_t"),
                        List.of("X", "RN", "A"), "– – ok – – –", type -> Scenario::homeDirItself),
                new Row("user_home_t all", List.of("user_home_t"), ALL, "ok ok ok ok ok ok", inside()),
                new Row("ssh_home_t home_bin_t audio_home_t home_cert_t all",
                        List.of("ssh_home_t", "home_bin_t", "audio_home_t", "home_cert_t"), ALL, "– – ok – – –", inside()),
                new Row("httpd_user_content_t all", List.of("httpd_user_content_t"), ALL, "ok ok ok ok ok ok", inside()),
                new Row("user_tmp_t all", List.of("user_tmp_t"), ALL, "ok ok ok ok ok ok", inside()),
                new Row("base types C", List.of("var_t", "default_t", "tmp_t", "mnt_t", "var_lib_t"), List.of("C"),
                        "ok ok ok ok ok ok", inside()),
                new Row("var_t default_t L R W N M D X RN A", List.of("var_t", "default_t"),
                        List.of("L", "R", "W", "N", "M", "D", "X", "RN", "A"), "– – ok – – –", inside()),
                new Row("httpd_sys_content_t samba_share_t other ordinary all",
                        List.of("httpd_sys_content_t", "samba_share_t", "admin_home_t"), ALL, "– – ok – – –", inside()),
                new Row("nfs_t C L R", List.of("nfs_t"), List.of("C", "L", "R"), "– – ok ok ok ok", inside()),
                new Row("nfs_t W N D RN A (files)", List.of("nfs_t"), List.of("W", "N", "D", "RN", "A"),
                        "– – ok – ok ok", inside()),
                new Row("nfs_t M X (dirs)", List.of("nfs_t"), List.of("M", "X"), "– – ok – – ok", inside()),
                new Row("fusefs_t C", List.of("fusefs_t"), List.of("C"), "ok ok ok ok ok ok", inside()),
                new Row("fusefs_t L R W N M D X RN A", List.of("fusefs_t"),
                        List.of("L", "R", "W", "N", "M", "D", "X", "RN", "A"), "– – ok – – –", inside()),
                new Row("shadow_t any", List.of("shadow_t"), ALL, "– – – – – –", inside()));
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheDecisionTable() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : table()) {
            String[] cells = row.cells().split(" ");
            for (String type : row.types()) {
                for (String op : row.ops()) {
                    for (int c = 0; c < COLUMNS.size(); c++) {
                        String column = COLUMNS.get(c);
                        boolean expected = cells[c].equals("ok");
                        tests.add(dynamicTest(row.label() + " | " + type + " " + op + " | " + column, () -> {
                            List<Check> checks = row.scenario().apply(type).apply(op);
                            Decision d = SelinuxPolicy.evaluate(checks, PolicyState.enforcing(column(column)));
                            assertEquals(expected, d.allowed(), () -> "records: " + d.records());
                            if (expected) {
                                assertTrue(d.records().isEmpty());
                            } else {
                                assertEquals(1, d.records().size(), "one AVC record for an enforcing denial");
                                assertFalse(d.avc().orElseThrow().permissive());
                            }
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    /** Not a column: cifs_t behaves as nfs_t with ftpd_use_cifs and use_samba_home_dirs. */
    @TestFactory
    Stream<DynamicTest> cifsFollowsTheNfsRows() {
        List<DynamicTest> tests = new ArrayList<>();
        String[][] rows = {{"C L R", "– – ok ok ok ok"}, {"W N D RN A", "– – ok – ok ok"}, {"M X", "– – ok – – ok"}};
        List<BooleanValues> cols = List.of(BooleanValues.none(), BooleanValues.of("ftpd_anon_write"),
                BooleanValues.of("ftpd_full_access"), BooleanValues.of("ftpd_use_cifs"),
                BooleanValues.of("ftpd_use_cifs", "ftpd_anon_write"), BooleanValues.of("use_samba_home_dirs"));
        for (String[] row : rows) {
            String[] cells = row[1].split(" ");
            for (String op : row[0].split(" ")) {
                for (int c = 0; c < cols.size(); c++) {
                    boolean expected = cells[c].equals("ok");
                    BooleanValues b = cols.get(c);
                    tests.add(dynamicTest("cifs_t " + op + " | " + b.values().keySet(), () -> assertEquals(expected,
                            SelinuxPolicy.evaluate(Scenario.inside("cifs_t", op), PolicyState.enforcing(b)).allowed())));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void ftpdUseFusefsOpensEveryOperationOnFusefs() {
        for (String op : ALL) {
            assertTrue(SelinuxPolicy.evaluate(Scenario.inside("fusefs_t", op),
                    PolicyState.enforcing(BooleanValues.of("ftpd_use_fusefs"))).allowed(), op);
        }
    }

    @Test
    void theDenialNamesTheFirstFailingCheck() {
        // STOR into a public_content_t directory: write on the directory, nothing after it
        Decision d = SelinuxPolicy.evaluate(Scenario.inside("public_content_t", "N"),
                PolicyState.enforcing(BooleanValues.none()));
        AvcRecord r = d.avc().orElseThrow();
        assertEquals("{ write }", r.permsText());
        assertEquals("public_content_t", r.tcontext().type());
        assertEquals(ObjectClass.DIR, r.tclass());
        // RETR from var_t: the search of the directory works, the read of the file does not
        AvcRecord read = SelinuxPolicy.evaluate(Scenario.inside("var_t", "R"), PolicyState.enforcing(BooleanValues.none()))
                .avc().orElseThrow();
        assertEquals("{ read }", read.permsText());
        assertEquals(ObjectClass.FILE, read.tclass());
        // MKD on nfs with use_nfs and anon_write: the directory takes the entry, the new directory is refused
        AvcRecord mkdir = SelinuxPolicy.evaluate(Scenario.inside("nfs_t", "M"),
                PolicyState.enforcing(BooleanValues.of("ftpd_use_nfs", "ftpd_anon_write"))).avc().orElseThrow();
        assertEquals("{ create }", mkdir.permsText());
        assertEquals(ObjectClass.DIR, mkdir.tclass());
    }

    @Test
    void disabledAllowsEverythingWithoutRecords() {
        Decision d = SelinuxPolicy.evaluate(Scenario.inside("shadow_t", "R"),
                PolicyState.enforcing(BooleanValues.none()).withMode(EnforceMode.DISABLED));
        assertTrue(d.allowed());
        assertTrue(d.records().isEmpty());
    }

    /** RHEL 7: home access needs ftp_home_dir, and entering a home without it fails silently. */
    @Test
    void rhel7GuardsHomesWithFtpHomeDir() {
        PolicyState off = new PolicyState(Flavor.RHEL7, EnforceMode.ENFORCING, BooleanValues.none(), false);
        PolicyState on = off.withBooleans(BooleanValues.of("ftp_home_dir"));
        for (String op : ALL) {
            assertFalse(SelinuxPolicy.evaluate(Scenario.inside("user_home_t", op), off).allowed(), op);
            assertTrue(SelinuxPolicy.evaluate(Scenario.inside("user_home_t", op), on).allowed(), op);
        }
        Decision cwd = SelinuxPolicy.evaluate(Scenario.homeDir("C"), off);
        assertFalse(cwd.allowed());
        assertTrue(cwd.records().isEmpty(), "dontaudit: no AVC line");
        assertTrue(SelinuxPolicy.evaluate(Scenario.homeDir("C"), on).allowed());
        // ftpd_full_access behaves as on RHEL 8/9
        assertTrue(SelinuxPolicy.evaluate(Scenario.inside("var_t", "N"),
                off.withBooleans(BooleanValues.of("ftpd_full_access"))).allowed());
    }
}
