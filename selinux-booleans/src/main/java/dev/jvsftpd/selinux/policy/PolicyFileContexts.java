package dev.jvsftpd.selinux.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targeted policy's file contexts for the paths an FTP server meets (reference C.5): a curated subset,
 * our own table, with HOME_DIR expanded to {@code /home/[^/]+} as genhomedircon does for the default user.
 */
final class PolicyFileContexts {
    private PolicyFileContexts() {
    }

    static List<FileContextSpec> base(Flavor flavor) {
        List<FileContextSpec> s = new ArrayList<>(List.of(
                FileContextSpec.of("/", FileKind.DIR, "root_t"),
                FileContextSpec.of("/.*", FileKind.ALL, "default_t"),
                FileContextSpec.of("/etc(/.*)?", FileKind.ALL, "etc_t"),
                FileContextSpec.of("/etc/shadow.*", FileKind.FILE, "shadow_t"),
                FileContextSpec.of("/etc/gshadow.*", FileKind.FILE, "shadow_t"),
                FileContextSpec.of("/etc/passwd.*", FileKind.FILE, "passwd_file_t"),
                FileContextSpec.of("/etc/selinux(/.*)?", FileKind.ALL, "selinux_config_t"),
                FileContextSpec.of("/home", FileKind.DIR, "home_root_t"),
                FileContextSpec.of("/mnt(/[^/]*)?", FileKind.DIR, "mnt_t"),
                FileContextSpec.of("/root(/.*)?", FileKind.ALL, "admin_home_t"),
                FileContextSpec.of("/run(/.*)?", FileKind.ALL, "var_run_t"),
                FileContextSpec.of("/srv(/.*)?", FileKind.ALL, "var_t"),
                FileContextSpec.of("/srv/([^/]*/)?ftp(/.*)?", FileKind.ALL, "public_content_t"),
                FileContextSpec.of("/srv/([^/]*/)?rsync(/.*)?", FileKind.ALL, "public_content_t"),
                FileContextSpec.of("/tmp", FileKind.DIR, "tmp_t"),
                FileContextSpec.none("/tmp/.*", FileKind.ALL),
                FileContextSpec.of("/usr(/.*)?", FileKind.ALL, "usr_t"),
                FileContextSpec.of("/usr/bin(/.*)?", FileKind.ALL, "bin_t"),
                FileContextSpec.of("/usr/sbin(/.*)?", FileKind.ALL, "bin_t"),
                FileContextSpec.of("/usr/lib(/.*)?", FileKind.ALL, "lib_t"),
                FileContextSpec.of("/usr/sbin/vsftpd", FileKind.FILE, "ftpd_exec_t"),
                FileContextSpec.of("/usr/lib/systemd/system(/.*)?", FileKind.ALL, "systemd_unit_file_t"),
                FileContextSpec.of("/usr/lib/systemd/system/vsftpd.*", FileKind.FILE,
                        flavor == Flavor.RHEL7 ? "iptables_unit_file_t" : "ftpd_unit_file_t"),
                FileContextSpec.of("/var(/.*)?", FileKind.ALL, "var_t"),
                FileContextSpec.of("/var/ftp(/.*)?", FileKind.ALL, "public_content_t"),
                FileContextSpec.of("/var/ftp/bin(/.*)?", FileKind.ALL, "bin_t"),
                FileContextSpec.of("/var/ftp/etc(/.*)?", FileKind.ALL, "etc_t"),
                FileContextSpec.of("/var/ftp/lib(/.*)?", FileKind.ALL, "lib_t"),
                FileContextSpec.of("/var/ftp/lib/ld[^/]*\\.so(\\.[^/]*)*", FileKind.FILE, "ld_so_t"),
                FileContextSpec.of("/var/lib(/.*)?", FileKind.ALL, "var_lib_t"),
                FileContextSpec.of("/var/log(/.*)?", FileKind.ALL, "var_log_t"),
                FileContextSpec.of("/var/log/vsftpd.*", FileKind.FILE, "xferlog_t"),
                FileContextSpec.of("/var/log/xferlog.*", FileKind.FILE, "xferlog_t"),
                FileContextSpec.of("/var/spool(/.*)?", FileKind.ALL, "var_spool_t"),
                FileContextSpec.of("/var/spool/abrt-upload(/.*)?", FileKind.ALL, "public_content_rw_t"),
                FileContextSpec.of("/var/www(/.*)?", FileKind.ALL, "httpd_sys_content_t")));
        return s;
    }

    /** file_contexts.homedirs for the default user template. */
    static List<FileContextSpec> homedirs() {
        String home = "/home/[^/]+";
        return List.of(
                FileContextSpec.of(home, FileKind.DIR, "user_home_dir_t"),
                FileContextSpec.of(home + "/.+", FileKind.ALL, "user_home_t"),
                FileContextSpec.of(home + "/\\.ssh(/.*)?", FileKind.ALL, "ssh_home_t"),
                FileContextSpec.of(home + "/bin(/.*)?", FileKind.ALL, "home_bin_t"),
                FileContextSpec.of(home + "/\\.local/bin(/.*)?", FileKind.ALL, "home_bin_t"),
                FileContextSpec.of(home + "/((www)|(web)|(public_html))(/.+)?", FileKind.ALL, "httpd_user_content_t"),
                FileContextSpec.of(home + "/tmp", FileKind.DIR, "user_tmp_t"),
                FileContextSpec.of(home + "/\\.tmp", FileKind.DIR, "user_tmp_t"));
    }

    /** file_contexts.subs_dist: the merged-/usr and /run aliases, looked up under their real path. */
    static Map<String, String> distEquivalences() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/bin", "/usr/bin");
        m.put("/sbin", "/usr/sbin");
        m.put("/lib", "/usr/lib");
        m.put("/lib64", "/usr/lib");
        m.put("/usr/lib64", "/usr/lib");
        m.put("/var/run", "/run");
        return m;
    }
}
