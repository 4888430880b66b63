package dev.jvsftpd.selinux.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.Flavor;
import dev.jvsftpd.selinux.policy.LabeledObject;
import dev.jvsftpd.selinux.policy.SecurityContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-host backend against a fake selinuxfs laid out as the kernel's, and real {@code security.selinux}
 * attributes set by coreutils {@code chcon} (the kernel stores them even without SELinux loaded).
 */
class HostSelinuxTest {
    @TempDir
    Path tmp;

    static Path fakeSelinuxfs(Path base, String enforce) throws Exception {
        Path fs = base.resolve("selinuxfs");
        Files.createDirectories(fs.resolve("booleans"));
        Files.writeString(fs.resolve("enforce"), enforce);
        for (String b : List.of("ftpd_anon_write", "ftpd_full_access", "ftpd_use_nfs", "ftpd_use_cifs",
                "ftpd_use_fusefs", "ftpd_connect_db", "ftpd_use_passive_mode", "ftpd_connect_all_unreserved",
                "httpd_enable_ftp_server", "use_nfs_home_dirs", "xguest_exec_content")) {
            Files.writeString(fs.resolve("booleans").resolve(b), "0 0");
        }
        return fs;
    }

    static void chcon(String context, Path... paths) throws Exception {
        for (Path p : paths) {
            Process proc = new ProcessBuilder("chcon", context, p.toString()).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes());
            assertEquals(0, proc.waitFor(), "chcon " + context + " " + p + ": " + out);
        }
    }

    @Test
    void modeAndBooleansAreReadAsLibselinuxReadsThem() throws Exception {
        Path fs = fakeSelinuxfs(tmp, "1");
        Files.writeString(fs.resolve("booleans/ftpd_full_access"), "1 1");
        Files.writeString(fs.resolve("booleans/ftpd_anon_write"), "0 1");
        HostSelinux host = new HostSelinux(fs, tmp.resolve("etc"), Flavor.RHEL8_9);
        assertTrue(host.enabled());
        assertEquals(EnforceMode.ENFORCING, host.mode());
        BooleanState full = host.bool("ftpd_full_access").orElseThrow();
        assertTrue(full.active() && full.pending());
        BooleanState anon = host.bool("ftpd_anon_write").orElseThrow();
        assertFalse(anon.active());
        assertTrue(anon.pending(), "written but not committed");
        assertTrue(host.policyState().booleans().on("ftpd_full_access"));
        assertEquals("ftpd_full_access", host.bool("allow_ftpd_full_access").orElseThrow().name(), "alias retried");
        assertTrue(host.bool("no_such_boolean").isEmpty());
        assertTrue(host.hostBooleanNames().contains("xguest_exec_content"));

        Files.writeString(fs.resolve("enforce"), "0");
        assertEquals(EnforceMode.PERMISSIVE, host.mode());
        Files.delete(fs.resolve("enforce"));
        assertFalse(host.enabled());
        assertEquals(EnforceMode.DISABLED, host.mode());
    }

    @Test
    void theHostsOwnAliasFileWins() throws Exception {
        Path fs = fakeSelinuxfs(tmp, "1");
        Path etc = tmp.resolve("etc");
        Files.createDirectories(etc.resolve("targeted"));
        Files.writeString(etc.resolve("targeted/booleans.subs_dist"), "# aliases\nold_ftp_name ftpd_use_nfs\n");
        Files.writeString(etc.resolve("config"), "SELINUX=permissive\nSELINUXTYPE=targeted\n");
        HostSelinux host = new HostSelinux(fs, etc, Flavor.RHEL8_9);
        assertEquals("ftpd_use_nfs", host.bool("old_ftp_name").orElseThrow().name());
        assertEquals(EnforceMode.PERMISSIVE, host.persistentMode());
    }

    @Test
    void activationFollowsTheHost() throws Exception {
        Path fs = fakeSelinuxfs(tmp, "1");
        SelinuxSettings s = SelinuxSettings.emulate(tmp.resolve("state"), tmp).withMode("auto")
                .withHost(fs, tmp.resolve("etc"));
        assertEquals(Activation.HOST, s.activation());
        assertEquals(Activation.INACTIVE, s.withHost(tmp.resolve("absent"), tmp.resolve("etc")).activation());
        assertEquals(Activation.EMULATE, s.withMode("emulate").activation());
        assertEquals(Activation.INACTIVE, s.withMode("off").activation());
        assertEquals(Activation.HOST, s.withMode("host").withHost(tmp.resolve("absent"), tmp).activation());
    }

    @Test
    void realSecuritySelinuxAttributesAreTheLabels() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path pub = Files.createDirectories(root.resolve("var/ftp/pub"));
        Path file = Files.writeString(pub.resolve("f.txt"), "x");
        Path unlabeled = Files.writeString(pub.resolve("g.txt"), "y");
        chcon("system_u:object_r:root_t:s0", root);
        chcon("system_u:object_r:var_t:s0", root.resolve("var"));
        chcon("system_u:object_r:public_content_t:s0", root.resolve("var/ftp"));
        chcon("unconfined_u:object_r:public_content_rw_t:s0", pub, file);
        HostLabels labels = new HostLabels(root);
        List<LabeledObject> chain = labels.chain(file);
        assertEquals(List.of("/", "/var", "/var/ftp", "/var/ftp/pub", "/var/ftp/pub/f.txt"),
                chain.stream().map(LabeledObject::path).toList());
        assertEquals(List.of("root_t", "var_t", "public_content_t", "public_content_rw_t", "public_content_rw_t"),
                chain.stream().map(o -> o.context().type()).toList());
        assertEquals("unconfined_u:object_r:public_content_rw_t:s0", chain.get(4).context().toString());
        assertEquals("unlabeled_t", labels.chain(unlabeled).get(4).context().type());
        assertEquals(List.of(Optional.of(SecurityContext.parse("system_u:object_r:var_t:s0")), Optional.empty()),
                labels.read(List.of(root.resolve("var"), unlabeled)));
        assertEquals("system_u:object_r:public_content_rw_t:s0",
                labels.labelForNew(pub.resolve("new.txt"), dev.jvsftpd.selinux.policy.ObjectClass.FILE).toString());
    }
}
