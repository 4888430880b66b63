package dev.jvsftpd.selinux.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.FileContextSpec;
import dev.jvsftpd.selinux.policy.FileKind;
import dev.jvsftpd.selinux.policy.Flavor;
import dev.jvsftpd.selinux.policy.SeBoolean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulation's state files: runtime versus persistent values, the boot, and the documented formats. */
class EmulatedStoreTest {
    @TempDir
    Path dir;

    private BooleanState bool(EmulatedStore s, String name) {
        return s.bool(name).orElseThrow();
    }

    @Test
    void freshStateIsEnforcingWithEveryFtpBooleanOff() {
        EmulatedStore s = new EmulatedStore(dir, Flavor.RHEL8_9);
        assertEquals(EnforceMode.ENFORCING, s.mode());
        assertEquals(EnforceMode.ENFORCING, s.persistentMode());
        for (String b : List.of("ftpd_anon_write", "ftpd_full_access", "ftpd_use_cifs", "ftpd_use_nfs",
                "ftpd_use_fusefs", "ftpd_connect_db", "ftpd_use_passive_mode", "ftpd_connect_all_unreserved")) {
            BooleanState st = bool(s, b);
            assertFalse(st.active() || st.pending() || st.persistent() || st.defaultValue(), b);
        }
        assertTrue(s.bool("ftp_home_dir").isEmpty(), "removed in RHEL 8");
        assertTrue(new EmulatedStore(dir, Flavor.RHEL7).bool("ftp_home_dir").isPresent());
    }

    @Test
    void oldAllowNamesReachTheCurrentBooleans() {
        EmulatedStore s = new EmulatedStore(dir, Flavor.RHEL8_9);
        assertEquals("ftpd_full_access", bool(s, "allow_ftpd_full_access").name());
        assertEquals("ftpd_anon_write", bool(s, "allow_ftpd_anon_write").name());
        assertEquals("ftpd_use_nfs", bool(s, "allow_ftpd_use_nfs").name());
        assertEquals("ftpd_use_cifs", bool(s, "allow_ftpd_use_cifs").name());
        assertEquals(4, s.catalog().all().stream().filter(b -> b.oldName().isPresent()).count());
        assertEquals(List.of("allow_ftpd_anon_write"),
                s.catalog().find("ftpd_anon_write").flatMap(SeBoolean::oldName).stream().toList());
    }

    @Test
    void setseboolIsRuntimeOnlyAndForgottenAtReboot() throws Exception {
        EmulatedStore s = new EmulatedStore(dir, Flavor.RHEL8_9);
        s.setBooleans(Map.of("ftpd_full_access", true), false);
        BooleanState b = bool(s, "ftpd_full_access");
        assertTrue(b.active());
        assertTrue(b.pending(), "setsebool commits at once");
        assertFalse(b.persistent());
        assertTrue(Files.readString(dir.resolve("runtime/booleans")).contains("ftpd_full_access 1 1\n"));
        s.reboot();
        assertFalse(bool(s, "ftpd_full_access").active());
    }

    @Test
    void setseboolPersistentSurvivesReboot() throws Exception {
        EmulatedStore s = new EmulatedStore(dir, Flavor.RHEL8_9);
        s.setBooleans(Map.of("ftpd_anon_write", true), true);
        assertTrue(bool(s, "ftpd_anon_write").active());
        assertTrue(bool(s, "ftpd_anon_write").persistent());
        assertEquals("ftpd_anon_write=1\n", Files.readString(dir.resolve("booleans.local")));
        s.setBooleans(Map.of("ftpd_anon_write", false), false);
        assertFalse(bool(s, "ftpd_anon_write").active());
        assertTrue(bool(s, "ftpd_anon_write").persistent());
        s.reboot();
        assertTrue(bool(s, "ftpd_anon_write").active());
    }

    @Test
    void setenforceIsRuntimeAndTheConfigAppliesAtTheNextBoot() throws Exception {
        EmulatedStore s = new EmulatedStore(dir, Flavor.RHEL8_9);
        s.boot();
        s.setEnforce(false);
        assertEquals(EnforceMode.PERMISSIVE, s.mode());
        assertEquals(EnforceMode.ENFORCING, s.persistentMode());
        s.reboot();
        assertEquals(EnforceMode.ENFORCING, s.mode());

        s.setPersistentMode(EnforceMode.PERMISSIVE);
        assertEquals(EnforceMode.ENFORCING, s.mode(), "the config file waits for a reboot");
        assertTrue(Files.readString(dir.resolve("config")).contains("SELINUX=permissive\n"));
        s.reboot();
        assertEquals(EnforceMode.PERMISSIVE, s.mode());

        s.setPersistentMode(EnforceMode.DISABLED);
        s.reboot();
        assertEquals(EnforceMode.DISABLED, s.mode());
        assertTrue(s.booleans().isEmpty(), "no selinuxfs, no booleans");
    }

    @Test
    void localFileContextsKeepTheirOrderAndReplaceTheSameKey() throws Exception {
        EmulatedStore s = new EmulatedStore(dir, Flavor.RHEL8_9);
        assertFalse(s.putFileContext(FileContextSpec.of("/var/ftp/pub(/.*)?", FileKind.ALL, "public_content_rw_t")));
        assertFalse(s.putFileContext(FileContextSpec.of("/srv/data(/.*)?", FileKind.ALL, "public_content_t")));
        assertTrue(s.putFileContext(FileContextSpec.of("/var/ftp/pub(/.*)?", FileKind.ALL, "public_content_t")));
        assertEquals(List.of("/var/ftp/pub(/.*)?", "/srv/data(/.*)?"),
                s.fileContexts().local().stream().map(FileContextSpec::regex).toList());
        assertTrue(Files.readString(dir.resolve("file_contexts.local"))
                .contains("/var/ftp/pub(/.*)?    system_u:object_r:public_content_t:s0\n"));
        assertTrue(s.removeFileContext("/srv/data(/.*)?", FileKind.ALL));
        assertFalse(s.removeFileContext("/srv/data(/.*)?", FileKind.ALL));
        s.putEquivalence("/srv/myftp", "/var/ftp");
        assertEquals("/srv/myftp /var/ftp\n", Files.readString(dir.resolve("file_contexts.subs")));
        s.setPermissive("ftpd_t", true);
        assertTrue(s.policyState().domainPermissive());
    }
}
