package dev.jvsftpd.selinux.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** File context lookups (C.5) with libselinux's order and libsemanage's specificity sort. */
class FileContextsTest {
    private final FileContexts policy = FileContexts.policy(Flavor.RHEL8_9);

    private String type(FileContexts fc, String path, FileKind kind) {
        return fc.lookup(path, kind).map(SecurityContext::type).orElse("<<none>>");
    }

    @Test
    void theReferencesFtpPaths() {
        assertEquals("root_t", type(policy, "/", FileKind.DIR));
        assertEquals("public_content_t", type(policy, "/var/ftp", FileKind.DIR));
        assertEquals("public_content_t", type(policy, "/var/ftp/pub", FileKind.DIR));
        assertEquals("public_content_t", type(policy, "/var/ftp/pub/file.iso", FileKind.FILE));
        assertEquals("bin_t", type(policy, "/var/ftp/bin/ls", FileKind.FILE));
        assertEquals("etc_t", type(policy, "/var/ftp/etc/passwd", FileKind.FILE));
        assertEquals("lib_t", type(policy, "/var/ftp/lib/libc.so.6", FileKind.FILE));
        assertEquals("ld_so_t", type(policy, "/var/ftp/lib/ld-2.28.so", FileKind.FILE));
        assertEquals("public_content_t", type(policy, "/srv/ftp", FileKind.DIR));
        assertEquals("public_content_t", type(policy, "/srv/site/ftp/file", FileKind.FILE));
        assertEquals("public_content_t", type(policy, "/srv/rsync", FileKind.DIR));
        assertEquals("var_t", type(policy, "/srv", FileKind.DIR));
        assertEquals("var_t", type(policy, "/srv/data/x", FileKind.FILE));
        assertEquals("public_content_rw_t", type(policy, "/var/spool/abrt-upload/x", FileKind.FILE));
        assertEquals("home_root_t", type(policy, "/home", FileKind.DIR));
        assertEquals("user_home_dir_t", type(policy, "/home/alice", FileKind.DIR));
        assertEquals("user_home_t", type(policy, "/home/alice/notes.txt", FileKind.FILE));
        assertEquals("ssh_home_t", type(policy, "/home/alice/.ssh/authorized_keys", FileKind.FILE));
        assertEquals("home_bin_t", type(policy, "/home/alice/bin", FileKind.DIR));
        assertEquals("home_bin_t", type(policy, "/home/alice/.local/bin/tool", FileKind.FILE));
        assertEquals("httpd_user_content_t", type(policy, "/home/alice/public_html/index.html", FileKind.FILE));
        assertEquals("httpd_user_content_t", type(policy, "/home/alice/www", FileKind.DIR));
        assertEquals("user_tmp_t", type(policy, "/home/alice/tmp", FileKind.DIR));
        assertEquals("user_home_t", type(policy, "/home/alice/tmp", FileKind.FILE), "the -d spec needs a directory");
        assertEquals("admin_home_t", type(policy, "/root/x", FileKind.FILE));
        assertEquals("xferlog_t", type(policy, "/var/log/vsftpd.log", FileKind.FILE));
        assertEquals("xferlog_t", type(policy, "/var/log/xferlog", FileKind.FILE));
        assertEquals("ftpd_exec_t", type(policy, "/usr/sbin/vsftpd", FileKind.FILE));
        assertEquals("ftpd_unit_file_t", type(policy, "/usr/lib/systemd/system/vsftpd.service", FileKind.FILE));
        assertEquals("default_t", type(policy, "/data", FileKind.DIR));
        assertEquals("<<none>>", type(policy, "/tmp/upload", FileKind.FILE));
        assertEquals("var_run_t", type(policy, "/var/run/vsftpd.pid", FileKind.FILE), "dist equivalence /var/run = /run");
        assertEquals("iptables_unit_file_t", type(FileContexts.policy(Flavor.RHEL7),
                "/usr/lib/systemd/system/vsftpd.service", FileKind.FILE));
    }

    @Test
    void localRulesBeatPolicyRulesAndLaterLocalRulesBeatEarlierOnes() {
        FileContexts fc = policy.withLocal(List.of(
                FileContextSpec.of("/var/ftp/pub(/.*)?", FileKind.ALL, "public_content_rw_t"),
                FileContextSpec.of("/var/ftp/pub/ro(/.*)?", FileKind.ALL, "public_content_t"),
                FileContextSpec.of("/var/ftp/pub/ro/x", FileKind.ALL, "public_content_rw_t"),
                FileContextSpec.of("/var/ftp/pub(/.*)?", FileKind.DIR, "var_t")), Map.of());
        assertEquals("var_t", type(fc, "/var/ftp/pub", FileKind.DIR), "the later local rule wins");
        assertEquals("public_content_rw_t", type(fc, "/var/ftp/pub/upload.txt", FileKind.FILE));
        assertEquals("public_content_t", type(fc, "/var/ftp/pub/ro/y", FileKind.FILE));
        assertEquals("public_content_rw_t", type(fc, "/var/ftp/pub/ro/x", FileKind.FILE), "an exact path beats any regex");
        assertEquals("public_content_t", type(fc, "/var/ftp", FileKind.DIR));
        // local rules never change the installed label: only restorecon applies them
        assertEquals("public_content_t", fc.installedMatch("/var/ftp/pub", FileKind.DIR)
                .flatMap(FileContextSpec::context).orElseThrow().type());
    }

    @Test
    void anExactPathInThePolicyBeatsALaterLocalRegex() {
        FileContexts fc = policy.withLocal(List.of(FileContextSpec.of("/usr/sbin(/.*)?", FileKind.ALL, "usr_t")), Map.of());
        assertEquals("ftpd_exec_t", type(fc, "/usr/sbin/vsftpd", FileKind.FILE));
        assertEquals("usr_t", type(fc, "/usr/sbin/sshd", FileKind.FILE));
    }

    @Test
    void equivalences() {
        FileContexts fc = policy.withLocal(List.of(), Map.of("/srv/myftp", "/var/ftp"));
        assertEquals("public_content_t", type(fc, "/srv/myftp", FileKind.DIR));
        assertEquals("bin_t", type(fc, "/srv/myftp/bin/ls", FileKind.FILE));
        assertEquals("var_t", type(fc, "/srv/myftpx", FileKind.DIR), "only the path and what is below it");
    }

    @Test
    void libsemanageSpecificityOrder() {
        List<FileContextSpec> specs = new ArrayList<>(List.of(
                FileContextSpec.of("/var/ftp/pub", FileKind.ALL, "a"),
                FileContextSpec.of("/var/ftp(/.*)?", FileKind.DIR, "b"),
                FileContextSpec.of("/var/ftp(/.*)?", FileKind.ALL, "c"),
                FileContextSpec.of("/var(/.*)?", FileKind.ALL, "d"),
                FileContextSpec.of("/var/ftp/bin(/.*)?", FileKind.ALL, "e"),
                FileContextSpec.of("/.*", FileKind.ALL, "f"),
                FileContextSpec.of("/var/ftp/x\\.y(/.*)?", FileKind.ALL, "g")));
        specs.sort(FileContextSpec.SPECIFICITY);
        assertEquals(List.of("f", "d", "c", "b", "e", "g", "a"),
                specs.stream().map(s -> s.context().orElseThrow().type()).toList());
        assertEquals(12, FileContextSpec.of("/var/ftp/x\\.y(/.*)?", FileKind.ALL, "g").stemLength(),
                "an escaped dot is one character and no meta character");
        assertTrue(!FileContextSpec.of("/home/a\\.b", FileKind.ALL, "x").hasMeta());
    }

    @Test
    void fileContextLinesRoundTrip() {
        FileContextSpec s = FileContextSpec.parseLine("/var/ftp/pub(/.*)?    system_u:object_r:public_content_rw_t:s0")
                .orElseThrow();
        assertEquals(FileKind.ALL, s.kind());
        assertEquals("public_content_rw_t", s.context().orElseThrow().type());
        FileContextSpec d = FileContextSpec.parseLine("/srv/x    -d    <<none>>").orElseThrow();
        assertEquals(FileKind.DIR, d.kind());
        assertEquals(Optional.empty(), d.context());
        assertEquals(d, FileContextSpec.parseLine(d.line()).orElseThrow());
        assertEquals("var_t", type(policy.withLocal(List.of(
                FileContextSpec.of("/var/ftp/[[:digit:]]+", FileKind.ALL, "var_t")), Map.of()),
                "/var/ftp/123", FileKind.DIR), "POSIX bracket classes");
    }
}
