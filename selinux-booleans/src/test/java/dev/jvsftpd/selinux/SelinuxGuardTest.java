package dev.jvsftpd.selinux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.policy.Decision;
import dev.jvsftpd.selinux.policy.Operation;
import dev.jvsftpd.selinux.policy.VsftpdReplies;
import dev.jvsftpd.selinux.state.Activation;
import dev.jvsftpd.selinux.state.EmulatedStore;
import dev.jvsftpd.selinux.state.SelinuxSettings;
import dev.jvsftpd.selinux.policy.Flavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard on real files: decisions, the audit log, changes taking effect without a restart. */
class SelinuxGuardTest {
    @TempDir
    Path tmp;
    Path root;
    Path state;
    SelinuxGuard guard;
    EmulatedStore store;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        state = tmp.resolve("state");
        Files.createDirectories(root.resolve("var/ftp/pub"));
        Files.createDirectories(root.resolve("home/alice"));
        Files.createDirectories(root.resolve("srv/data"));
        Files.writeString(root.resolve("var/ftp/pub/readme.txt"), "hello");
        Files.writeString(root.resolve("srv/data/report.csv"), "1,2");
        guard = SelinuxGuard.create(SelinuxSettings.emulate(state, root));
        store = new EmulatedStore(state, Flavor.RHEL8_9);
    }

    private List<String> audit() throws Exception {
        return Files.exists(state.resolve("audit.log")) ? Files.readAllLines(state.resolve("audit.log")) : List.of();
    }

    @Test
    void aDenialIsLoggedAndTheReplyIsVsftpds() throws Exception {
        assertEquals(Activation.EMULATE, guard.activation());
        Decision d = guard.check(Operation.CREATE, root.resolve("var/ftp/pub/upload.txt"));
        assertFalse(d.allowed());
        assertEquals("553 Could not create file.", VsftpdReplies.onDenied("STOR").orElseThrow().toString());
        List<String> lines = audit();
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.matches("type=AVC msg=audit\\(\\d+\\.\\d{3}:1\\): avc:  denied  \\{ write \\} for  pid=\\d+"
                + " comm=\"vsftpd\" name=\"pub\" dev=\"[^\"]+\" ino=\\d+ scontext=system_u:system_r:ftpd_t:s0-s0:c0.c1023"
                + " tcontext=system_u:object_r:public_content_t:s0 tclass=dir permissive=0"), line);
        assertTrue(guard.check(Operation.READ, root.resolve("var/ftp/pub/readme.txt")).allowed());
        assertTrue(guard.check(Operation.CHDIR, root.resolve("srv/data")).allowed(), "var_t can be searched");
        assertFalse(guard.check(Operation.LIST, root.resolve("srv/data")).allowed(), "but not listed");
        assertFalse(guard.check(Operation.READ, root.resolve("srv/data/report.csv")).allowed());
        assertEquals(3, audit().size());
        assertTrue(audit().get(2).contains(":3): "), "serials count up");
    }

    @Test
    void booleanChangesApplyToTheNextOperationOfTheSameGuard() throws Exception {
        Path upload = root.resolve("srv/data/upload.bin");
        assertFalse(guard.check(Operation.CREATE, upload).allowed());
        store.setBooleans(Map.of("ftpd_full_access", true), false);
        assertTrue(guard.check(Operation.CREATE, upload).allowed());
        store.setBooleans(Map.of("ftpd_full_access", false), false);
        assertFalse(guard.check(Operation.CREATE, upload).allowed());
    }

    @Test
    void permissiveLogsEachDeniedPermissionOnceUntilTheStateChanges() throws Exception {
        store.setEnforce(false);
        Decision first = guard.check(Operation.CREATE, root.resolve("var/ftp/pub/a.txt"));
        assertTrue(first.allowed());
        assertEquals(4, first.records().size());
        assertTrue(audit().stream().allMatch(l -> l.endsWith("permissive=1")));
        Decision second = guard.check(Operation.CREATE, root.resolve("var/ftp/pub/b.txt"));
        assertTrue(second.allowed());
        assertTrue(second.records().isEmpty(), "the AVC cache holds the grants");
        store.setBooleans(Map.of("ftpd_use_nfs", true), false); // a boolean commit flushes the cache
        assertEquals(4, guard.check(Operation.CREATE, root.resolve("var/ftp/pub/c.txt")).records().size());
        assertEquals(8, audit().size());
        store.setEnforce(true);
        assertFalse(guard.check(Operation.CREATE, root.resolve("var/ftp/pub/c.txt")).allowed());
    }

    @Test
    void createdObjectsAndRenamesKeepTheirLabels() throws Exception {
        Path doc = Files.writeString(root.resolve("home/alice/doc.txt"), "d");
        guard.created(doc);
        assertTrue(guard.check(Operation.WRITE, doc).allowed(), "home content is writable on RHEL 9");
        Path target = root.resolve("var/ftp/pub/doc.txt");
        store.setBooleans(Map.of("ftpd_anon_write", true), false);
        // rename into public content: the home and pub directories must take the entries
        assertFalse(guard.checkRename(doc, target).allowed(), "pub is public_content_t: no add_name");
        store.setBooleans(Map.of("ftpd_full_access", true), false);
        assertTrue(guard.checkRename(doc, target).allowed());
        Files.move(doc, target, StandardCopyOption.ATOMIC_MOVE);
        store.setBooleans(Map.of("ftpd_full_access", false, "ftpd_anon_write", false), false);
        // the file kept user_home_t, which ftpd_t may write even inside pub
        assertTrue(guard.check(Operation.WRITE, target).allowed());
        assertFalse(guard.check(Operation.CREATE, root.resolve("var/ftp/pub/other.txt")).allowed());
    }

    @Test
    void mkdBinInAHomeIsRefused() throws Exception {
        Decision bin = guard.check(Operation.MKDIR, root.resolve("home/alice/bin"));
        assertFalse(bin.allowed());
        assertTrue(bin.avc().orElseThrow().format(0, 1, 1).contains("{ create } for  pid=1 comm=\"vsftpd\" name=\"bin\""
                + " scontext=system_u:system_r:ftpd_t:s0-s0:c0.c1023 tcontext=system_u:object_r:home_bin_t:s0 tclass=dir"));
        assertTrue(guard.check(Operation.MKDIR, root.resolve("home/alice/bins")).allowed());
    }

    @Test
    void portsAndTheInactiveGuard() {
        assertTrue(guard.checkPort(Operation.PASV_BIND, 40000).allowed());
        assertFalse(guard.checkPort(Operation.PASV_BIND, 3306).allowed());
        assertFalse(guard.checkPort(Operation.ACTIVE_CONNECT, 20000).allowed());
        SelinuxGuard off = SelinuxGuard.create(SelinuxSettings.emulate(state, root).withMode("off"));
        assertFalse(off.active());
        assertTrue(off.check(Operation.CREATE, root.resolve("var/ftp/pub/x")).allowed());
        assertTrue(off.checkPort(Operation.PASV_BIND, 3306).allowed());
    }

    @Test
    void pathsOutsideTheRootAndDisabledModeAreNotJudged() throws Exception {
        assertTrue(guard.check(Operation.CREATE, tmp.resolve("elsewhere.txt")).allowed());
        store.setPersistentMode(dev.jvsftpd.selinux.policy.EnforceMode.DISABLED);
        store.reboot();
        assertTrue(guard.check(Operation.CREATE, root.resolve("var/ftp/pub/upload.txt")).allowed());
        assertTrue(audit().isEmpty());
    }
}
