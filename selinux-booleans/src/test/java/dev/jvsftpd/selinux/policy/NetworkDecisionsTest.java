package dev.jvsftpd.selinux.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Passive and active mode ports (reference C.6). */
class NetworkDecisionsTest {
    private static Decision bind(int port, String... on) {
        return SelinuxPolicy.evaluate(CheckPlanner.bind(port), PolicyState.enforcing(BooleanValues.of(on)));
    }

    private static Decision connect(int port, String... on) {
        return SelinuxPolicy.evaluate(CheckPlanner.connect(port), PolicyState.enforcing(BooleanValues.of(on)));
    }

    @Test
    void portTypes() {
        assertEquals("ftp_port_t", PortTypes.typeOf(21));
        assertEquals("ftp_data_port_t", PortTypes.typeOf(20));
        assertEquals("ftp_port_t", PortTypes.typeOf(990));
        assertEquals("unreserved_port_t", PortTypes.typeOf(10000));
        assertEquals("http_cache_port_t", PortTypes.typeOf(10005));
        assertEquals("ephemeral_port_t", PortTypes.typeOf(40000));
        assertEquals("unreserved_port_t", PortTypes.typeOf(61000));
        assertEquals("mysqld_port_t", PortTypes.typeOf(63140));
        assertEquals("http_port_t", PortTypes.typeOf(8443));
        assertTrue(PortTypes.unreservedPortTypes().contains("http_cache_port_t"), "first declared port 3130");
        assertFalse(PortTypes.unreservedPortTypes().contains("http_port_t"), "first declared port 80");
    }

    @Test
    void pasvInUndefinedPortSpaceNeedsNoBoolean() {
        assertTrue(bind(21).allowed());
        assertTrue(bind(20).allowed());
        assertTrue(bind(10000).allowed());
        assertTrue(bind(10100).allowed());
        assertTrue(bind(40000).allowed());
        assertTrue(bind(65000).allowed());
    }

    @Test
    void pasvOnANamedUnreservedTypeIsDeniedSilentlyUnlessPassiveModeIsOn() {
        for (int port : new int[] {10001, 10010, 3306, 5432}) {
            Decision d = bind(port);
            assertFalse(d.allowed(), "port " + port);
            assertTrue(d.records().isEmpty(), "dontaudit: no AVC for port " + port);
            assertTrue(bind(port, "ftpd_use_passive_mode").allowed(), "port " + port);
        }
    }

    @Test
    void pasvOnATypeStartingBelow1024IsNotGrantableByAnyFtpBoolean() {
        assertFalse(bind(8443, "ftpd_use_passive_mode", "ftpd_full_access", "ftpd_connect_all_unreserved").allowed());
        assertFalse(bind(8008, "ftpd_use_passive_mode").allowed());
    }

    @Test
    void activeModeConnects() {
        assertTrue(connect(40000).allowed(), "ephemeral client ports");
        assertTrue(connect(60999).allowed());
        for (int port : new int[] {1024, 20000, 32767, 61000, 65535}) {
            Decision d = connect(port);
            assertFalse(d.allowed(), "port " + port);
            assertEquals("{ name_connect }", d.avc().orElseThrow().permsText());
            assertEquals("unreserved_port_t", d.avc().orElseThrow().tcontext().type());
            assertTrue(connect(port, "ftpd_connect_all_unreserved").allowed(), "port " + port);
        }
        for (int port : new int[] {3050, 1433, 1521, 2484, 3306, 5432, 9898}) {
            assertFalse(connect(port).allowed(), "db port " + port);
            assertTrue(connect(port, "ftpd_connect_db").allowed(), "db port " + port);
        }
        assertFalse(connect(80, "ftpd_connect_all_unreserved", "ftpd_connect_db").allowed());
    }
}
