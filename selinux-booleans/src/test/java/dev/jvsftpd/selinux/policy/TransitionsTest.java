package dev.jvsftpd.selinux.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels of new objects (C.4, C.7): inheritance, and the named transitions in a home directory. */
class TransitionsTest {
    private static Decision mkdirInHome(String name) {
        LabeledObject home = Scenario.dir("/home/u", "user_home_dir_t");
        List<LabeledObject> walk = List.of(Scenario.dir("/", "root_t"), Scenario.dir("/home", "home_root_t"), home);
        return SelinuxPolicy.evaluate(CheckPlanner.create(walk, home, Scenario.planned(home, name, ObjectClass.DIR)),
                PolicyState.enforcing(BooleanValues.none()));
    }

    @Test
    void newObjectsTakeTheParentsType() {
        assertEquals("public_content_rw_t", TypeTransitions.newObjectType("public_content_rw_t", "x", ObjectClass.FILE));
        assertEquals("var_t", TypeTransitions.newObjectType("var_t", "x", ObjectClass.DIR));
        assertEquals("ftpd_tmp_t", TypeTransitions.newObjectType("tmp_t", "x", ObjectClass.FILE));
        assertEquals("system_u:object_r:public_content_rw_t:s0", TypeTransitions.newObjectContext(
                SecurityContext.parse("unconfined_u:object_r:public_content_rw_t:s0"), "f", ObjectClass.FILE).toString());
    }

    @Test
    void homeDirectoryTransitions() {
        assertEquals("user_home_t", TypeTransitions.newObjectType("user_home_dir_t", "notes.txt", ObjectClass.FILE));
        assertEquals("user_home_t", TypeTransitions.newObjectType("user_home_dir_t", "bin", ObjectClass.FILE));
        assertEquals("home_bin_t", TypeTransitions.newObjectType("user_home_dir_t", "bin", ObjectClass.DIR));
        assertEquals("audio_home_t", TypeTransitions.newObjectType("user_home_dir_t", "Music", ObjectClass.DIR));
        assertEquals("home_cert_t", TypeTransitions.newObjectType("user_home_dir_t", ".pki", ObjectClass.DIR));
        assertEquals("user_tmp_t", TypeTransitions.newObjectType("user_home_dir_t", ".tmp", ObjectClass.DIR));
        assertEquals("httpd_user_content_t", TypeTransitions.newObjectType("user_home_dir_t", "public_html", ObjectClass.DIR));
    }

    @Test
    void mkdBinInAHomeIsRefusedWhileMkdBinsWorks() {
        Decision bin = mkdirInHome("bin");
        assertFalse(bin.allowed());
        assertEquals("{ create }", bin.avc().orElseThrow().permsText());
        assertEquals("home_bin_t", bin.avc().orElseThrow().tcontext().type());
        assertTrue(mkdirInHome("bins").allowed());
        assertFalse(mkdirInHome("Music").allowed());
        assertFalse(mkdirInHome("Audio").allowed());
        assertFalse(mkdirInHome(".cert").allowed());
        assertFalse(mkdirInHome("certificates").allowed());
        assertTrue(mkdirInHome("tmp").allowed());
        assertTrue(mkdirInHome("www").allowed());
        assertTrue(mkdirInHome("public_html").allowed());
    }
}
