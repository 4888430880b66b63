package dev.jvsftpd.selinux.policy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The file types the emulation knows, grouped the way ftp.te and the modules it calls treat them
 * (reference part C.3–C.5). A curated subset of the targeted policy: every type of the ftp-related file
 * contexts, the base directories, and the mount and security types the decision table names.
 */
public final class Types {
    private Types() {
    }

    public static final String PUBLIC_CONTENT = "public_content_t";
    public static final String PUBLIC_CONTENT_RW = "public_content_rw_t";
    public static final String USER_HOME_DIR = "user_home_dir_t";
    public static final String USER_HOME = "user_home_t";
    public static final String USER_TMP = "user_tmp_t";
    public static final String HTTPD_USER_CONTENT = "httpd_user_content_t";
    public static final String HOME_BIN = "home_bin_t";
    public static final String AUDIO_HOME = "audio_home_t";
    public static final String HOME_CERT = "home_cert_t";
    public static final String SSH_HOME = "ssh_home_t";
    public static final String TMP = "tmp_t";
    public static final String FTPD_TMP = "ftpd_tmp_t";
    public static final String NFS = "nfs_t";
    public static final String CIFS = "cifs_t";
    public static final String FUSEFS = "fusefs_t";

    /** Security file types: not even ftpd_full_access reaches them (it grants non_security_file_type). */
    public static final Set<String> SECURITY = Set.of("shadow_t", "security_t", "selinux_config_t",
            "file_context_t", "default_context_t", "semanage_store_t", "policy_config_t", "load_policy_exec_t");

    /** Directories every domain may search but not list: CWD works, LIST and RETR do not. */
    public static final Set<String> BASE_SEARCH = Set.of("root_t", "var_t", TMP, "default_t", "home_root_t",
            "mnt_t", "var_lib_t", "var_run_t", "var_log_t", "var_spool_t", "usr_t", "etc_t", "bin_t", "lib_t");

    /** System files most domains read (libraries, /etc, binaries) [inferred: domain-wide read rules]. */
    public static final Set<String> SYSTEM_READ = Set.of("etc_t", "bin_t", "lib_t", "ld_so_t", "usr_t");

    /** ftpd_t's own types: temporary files, runtime files, its logs, its config and keytab. */
    public static final Set<String> FTPD_MANAGED = Set.of(FTPD_TMP, "ftpd_tmpfs_t", "ftpd_var_run_t",
            "ftpd_lock_t", "xferlog_t");
    public static final Set<String> FTPD_READ = Set.of("ftpd_etc_t", "ftpd_keytab_t");

    /** Home content ftpd_t manages without any boolean on RHEL 8/9. */
    public static final Set<String> HOME_MANAGED = Set.of(USER_HOME, HTTPD_USER_CONTENT, USER_TMP);

    /** RHEL 7: every user_home_type under the home directory, all behind ftp_home_dir. */
    public static final Set<String> RHEL7_HOME_TYPES = Set.of(USER_HOME, HTTPD_USER_CONTENT, SSH_HOME, HOME_BIN,
            AUDIO_HOME, HOME_CERT);

    /**
     * Customizable types: restorecon leaves a file of these types alone unless forced with -F, so
     * {@code chcon -t public_content_rw_t} survives and a public_content_t directory needs {@code restorecon -F}.
     */
    public static final Set<String> CUSTOMIZABLE = Set.of(PUBLIC_CONTENT, PUBLIC_CONTENT_RW, "container_file_t",
            "mount_loopback_t", "swapfile_t", "sysadm_untrusted_content_t");

    private static final Set<String> KNOWN = known();

    private static Set<String> known() {
        Set<String> all = new TreeSet<>();
        all.addAll(SECURITY);
        all.addAll(BASE_SEARCH);
        all.addAll(SYSTEM_READ);
        all.addAll(FTPD_MANAGED);
        all.addAll(FTPD_READ);
        all.addAll(RHEL7_HOME_TYPES);
        all.addAll(Set.of(PUBLIC_CONTENT, PUBLIC_CONTENT_RW, USER_HOME_DIR, USER_TMP, NFS, CIFS, FUSEFS,
                "admin_home_t", "ftpd_exec_t", "ftpd_unit_file_t", "iptables_unit_file_t", "systemd_unit_file_t",
                "httpd_sys_content_t", "httpd_sys_rw_content_t", "samba_share_t", "passwd_file_t", "file_t",
                "unlabeled_t", "tftpdir_t", "tftpdir_rw_t", "var_lib_nfs_t", "mail_spool_t", "user_home_t",
                "home_root_t", "container_file_t"));
        return Set.copyOf(all);
    }

    /** Whether semanage and chcon accept this type ("must be a file or device type"). */
    public static boolean isKnownFileType(String type) {
        return KNOWN.contains(type);
    }
}
