package dev.jvsftpd.selinux.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The booleans the emulated policy defines: every {@code ftpd_*} boolean, the RHEL 7-only ftp ones, and the
 * related booleans an admin meets with {@code getsebool -a | grep ftp} and the two global home tunables ftp.te
 * uses. All default to off (none is overridden in the targeted booleans.conf). A real host has hundreds more;
 * the emulation only needs these.
 */
public final class BooleanCatalog {
    private final Flavor flavor;
    private final Map<String, SeBoolean> byName;
    private final Map<String, String> aliases;

    private BooleanCatalog(Flavor flavor, List<SeBoolean> booleans) {
        this.flavor = flavor;
        Map<String, SeBoolean> names = new LinkedHashMap<>();
        Map<String, String> old = new LinkedHashMap<>();
        // byte order, as getsebool -a lists them (scandir with alphasort in the C locale)
        booleans.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(b -> {
            names.put(b.name(), b);
            b.oldName().ifPresent(o -> old.put(o, b.name()));
        });
        this.byName = Collections.unmodifiableMap(names);
        this.aliases = Collections.unmodifiableMap(old);
    }

    public static BooleanCatalog of(Flavor flavor) {
        List<SeBoolean> list = new ArrayList<>(List.of(
                SeBoolean.off("ftpd_anon_write", "allow_ftpd_anon_write",
                        "Allow ftpd to create, change and delete files and directories labeled public_content_rw_t."),
                SeBoolean.off("ftpd_full_access", "allow_ftpd_full_access",
                        "Allow ftpd to read and write every ordinary file type, leaving access control to the Unix permissions."),
                SeBoolean.off("ftpd_use_cifs", "allow_ftpd_use_cifs",
                        "Allow ftpd to serve files from CIFS/Samba mounts (cifs_t)."),
                SeBoolean.off("ftpd_use_nfs", "allow_ftpd_use_nfs",
                        "Allow ftpd to serve files from NFS mounts (nfs_t)."),
                SeBoolean.off("ftpd_use_fusefs",
                        "Allow ftpd to read and write files on FUSE file systems (fusefs_t)."),
                SeBoolean.off("ftpd_connect_db",
                        "Allow ftpd to connect to database ports (MySQL, PostgreSQL, Oracle, MS SQL, Firebird)."),
                SeBoolean.off("ftpd_use_passive_mode",
                        "Allow ftpd to listen on passive-mode ports that belong to a named port type."),
                SeBoolean.off("ftpd_connect_all_unreserved",
                        "Allow ftpd to connect to every unreserved port, as active mode needs for clients on 1024-32767 or 61000-65535."),
                SeBoolean.off("tftp_anon_write",
                        "Allow tftpd to modify files labeled public_content_rw_t."),
                SeBoolean.off("tftp_home_dir",
                        "Allow tftpd to read and write files in users' home directories."),
                SeBoolean.off("httpd_enable_ftp_server",
                        "Allow httpd to act as an FTP server by listening on the ftp port."),
                SeBoolean.off("httpd_can_connect_ftp",
                        "Allow httpd to connect to FTP ports."),
                SeBoolean.off("use_nfs_home_dirs",
                        "Allow confined services to use home directories on NFS."),
                SeBoolean.off("use_samba_home_dirs",
                        "Allow confined services to use home directories on CIFS/Samba.")));
        if (flavor == Flavor.RHEL7) {
            list.add(SeBoolean.off("ftp_home_dir",
                    "Allow ftpd to read and write files in users' home directories."));
            list.add(SeBoolean.off("sftpd_anon_write", "Allow internal-sftp to modify public_content_rw_t files."));
            list.add(SeBoolean.off("sftpd_enable_homedirs", "Allow internal-sftp to read and write home directories."));
            list.add(SeBoolean.off("sftpd_full_access", "Allow internal-sftp to read and write every ordinary file."));
            list.add(SeBoolean.off("sftpd_write_ssh_home", "Allow internal-sftp to write ~/.ssh."));
        }
        return new BooleanCatalog(flavor, list);
    }

    public Flavor flavor() {
        return flavor;
    }

    /** All booleans in {@code getsebool -a} order. */
    public List<SeBoolean> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The boolean a name refers to, trying the name first and then its old alias, as libselinux does on
     * ENOENT from selinuxfs.
     */
    public Optional<SeBoolean> find(String name) {
        SeBoolean b = byName.get(name);
        if (b == null && aliases.containsKey(name)) {
            b = byName.get(aliases.get(name));
        }
        return Optional.ofNullable(b);
    }

    /** The substitution for an old name, or the name itself: what getsebool prints (selinux_boolean_sub). */
    public String substitute(String name) {
        return aliases.getOrDefault(name, name);
    }

    /** The default values, as a fresh policy load has them. */
    public BooleanValues defaults() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        byName.values().forEach(b -> m.put(b.name(), b.defaultValue()));
        return new BooleanValues(m);
    }
}
