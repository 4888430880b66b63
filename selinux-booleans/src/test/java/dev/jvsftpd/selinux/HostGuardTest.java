package dev.jvsftpd.selinux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.policy.Decision;
import dev.jvsftpd.selinux.policy.Operation;
import dev.jvsftpd.selinux.state.Activation;
import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host mode: the guard follows a (fake) selinuxfs and the real security.selinux labels of the files, and
 * picks up a boolean written to selinuxfs at the next operation.
 */
class HostGuardTest {
    @TempDir
    Path tmp;

    private static void chcon(String type, Path p) throws Exception {
        Process proc = new ProcessBuilder("chcon", "system_u:object_r:" + type + ":s0", p.toString())
                .redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes());
        assertEquals(0, proc.waitFor(), out);
    }

    @Test
    void decisionsFollowTheHostsBooleansAndLabels() throws Exception {
        Path fs = tmp.resolve("selinuxfs");
        Files.createDirectories(fs.resolve("booleans"));
        Files.writeString(fs.resolve("enforce"), "1");
        for (String b : List.of("ftpd_anon_write", "ftpd_full_access")) {
            Files.writeString(fs.resolve("booleans").resolve(b), "0 0");
        }
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path pub = Files.createDirectories(root.resolve("var/ftp/pub"));
        chcon("root_t", root);
        chcon("var_t", root.resolve("var"));
        chcon("public_content_t", root.resolve("var/ftp"));
        chcon("public_content_rw_t", pub);
        SelinuxSettings s = SelinuxSettings.emulate(tmp.resolve("state"), root).withMode("auto").withHost(fs, tmp);
        SelinuxGuard guard = SelinuxGuard.create(s);
        assertEquals(Activation.HOST, guard.activation());

        Decision denied = guard.check(Operation.CREATE, pub.resolve("up.txt"));
        assertFalse(denied.allowed());
        assertEquals("public_content_rw_t", denied.avc().orElseThrow().tcontext().type());
        assertTrue(Files.readString(tmp.resolve("state/audit.log")).contains("tcontext=system_u:object_r:public_content_rw_t:s0"));

        Files.writeString(fs.resolve("booleans/ftpd_anon_write"), "1 1");
        assertTrue(guard.check(Operation.CREATE, pub.resolve("up.txt")).allowed());
        assertFalse(guard.check(Operation.CREATE, root.resolve("var/ftp/up.txt")).allowed(), "public_content_t");

        Files.writeString(fs.resolve("enforce"), "0");
        assertTrue(guard.check(Operation.CREATE, root.resolve("var/ftp/up.txt")).allowed(), "permissive");
    }
}
