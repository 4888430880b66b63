package dev.jvsftpd.selinux.policy;

import static dev.jvsftpd.selinux.policy.ObjectClass.DIR;
import static dev.jvsftpd.selinux.policy.ObjectClass.FILE;
import static dev.jvsftpd.selinux.policy.ObjectClass.LNK_FILE;
import static dev.jvsftpd.selinux.policy.ObjectClass.TCP_SOCKET;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What ftpd_t may do (reference C.3, C.4, C.6), as rules guarded by booleans. {@link #allows} answers one
 * permission; {@link #enablers} tells audit2why which booleans would have allowed a denial.
 */
public final class PolicyRules {
    static final Set<Perm> SEARCH_DIR = EnumSet.of(Perm.GETATTR, Perm.SEARCH, Perm.OPEN);
    static final Set<Perm> LIST_DIR = EnumSet.of(Perm.GETATTR, Perm.SEARCH, Perm.OPEN, Perm.READ, Perm.LOCK, Perm.IOCTL);
    static final Set<Perm> READ_FILE = EnumSet.of(Perm.GETATTR, Perm.OPEN, Perm.READ, Perm.IOCTL, Perm.LOCK, Perm.MAP);
    static final Set<Perm> READ_LNK = EnumSet.of(Perm.GETATTR, Perm.READ);
    /** Add and remove entries: what managing files needs on their directory. */
    static final Set<Perm> RW_DIR = union(LIST_DIR, EnumSet.of(Perm.WRITE, Perm.ADD_NAME, Perm.REMOVE_NAME));
    static final Set<Perm> MANAGE_DIR = union(RW_DIR, EnumSet.of(Perm.CREATE, Perm.SETATTR, Perm.LINK, Perm.UNLINK,
            Perm.RENAME, Perm.REPARENT, Perm.RMDIR, Perm.WATCH));
    static final Set<Perm> MANAGE_FILE = union(READ_FILE, EnumSet.of(Perm.CREATE, Perm.WRITE, Perm.APPEND,
            Perm.SETATTR, Perm.RENAME, Perm.LINK, Perm.UNLINK, Perm.WATCH));
    static final Set<Perm> MANAGE_LNK = EnumSet.of(Perm.CREATE, Perm.READ, Perm.WRITE, Perm.GETATTR, Perm.SETATTR,
            Perm.LINK, Perm.UNLINK, Perm.RENAME, Perm.IOCTL, Perm.LOCK);

    private final Flavor flavor;
    private final List<Rule> allow;
    private final List<Rule> dontaudit;

    private PolicyRules(Flavor flavor, List<Rule> allow, List<Rule> dontaudit) {
        this.flavor = flavor;
        this.allow = List.copyOf(allow);
        this.dontaudit = List.copyOf(dontaudit);
    }

    public static PolicyRules of(Flavor flavor) {
        List<Rule> a = new ArrayList<>();
        List<Rule> d = new ArrayList<>();
        boolean rhel7 = flavor == Flavor.RHEL7;

        // public content is readable with every boolean off; rw content is writable only with ftpd_anon_write
        read(a, TypeSet.of(Types.PUBLIC_CONTENT, Types.PUBLIC_CONTENT_RW));
        manage(a, TypeSet.of(Types.PUBLIC_CONTENT_RW), "ftpd_anon_write");
        // ftpd_full_access: every non_security_file_type, mount points (nfs_t, cifs_t, fusefs_t) included
        manage(a, TypeSet.allExcept(Types.SECURITY), "ftpd_full_access");

        if (rhel7) {
            manage(a, TypeSet.of(Types.RHEL7_HOME_TYPES), "ftp_home_dir");
            manage(a, TypeSet.of(Types.USER_TMP), "ftp_home_dir");
            a.add(new Rule(TypeSet.of(Types.USER_HOME_DIR), DIR, RW_DIR, Set.of("ftp_home_dir")));
            // chdir into a home without ftp_home_dir fails without an AVC line
            d.add(new Rule(TypeSet.of(Types.USER_HOME_DIR), DIR, SEARCH_DIR, Set.of()));
        } else {
            // 2016: home data management became unconditional; the home directory itself only gains entries
            manage(a, TypeSet.of(Types.HOME_MANAGED));
            a.add(new Rule(TypeSet.of(Types.USER_HOME_DIR), DIR, RW_DIR, Set.of()));
        }

        a.add(new Rule(TypeSet.of(Types.BASE_SEARCH), DIR, SEARCH_DIR, Set.of()));
        read(a, TypeSet.of(Types.SYSTEM_READ));
        // files ftpd_t creates in /tmp become ftpd_tmp_t, so it may add entries there
        a.add(new Rule(TypeSet.of(Types.TMP), DIR, RW_DIR, Set.of()));
        manage(a, TypeSet.of(Types.FTPD_MANAGED));
        read(a, TypeSet.of(Types.FTPD_READ));

        String homeGate = rhel7 ? "ftp_home_dir" : null;
        mountPoint(a, Types.NFS, "ftpd_use_nfs", "use_nfs_home_dirs", homeGate);
        mountPoint(a, Types.CIFS, "ftpd_use_cifs", "use_samba_home_dirs", homeGate);
        a.add(new Rule(TypeSet.of(Types.FUSEFS), DIR, SEARCH_DIR, Set.of()));
        manage(a, TypeSet.of(Types.FUSEFS), "ftpd_use_fusefs");

        // network (C.6): the ftp ports and undefined port space bind without a boolean
        a.add(new Rule(TypeSet.of("ftp_port_t", "ftp_data_port_t", PortTypes.UNRESERVED, PortTypes.EPHEMERAL),
                TCP_SOCKET, EnumSet.of(Perm.NAME_BIND), Set.of()));
        a.add(new Rule(TypeSet.of(PortTypes.unreservedPortTypes()), TCP_SOCKET, EnumSet.of(Perm.NAME_BIND),
                Set.of("ftpd_use_passive_mode")));
        a.add(new Rule(TypeSet.of(PortTypes.EPHEMERAL), TCP_SOCKET, EnumSet.of(Perm.NAME_CONNECT), Set.of()));
        a.add(new Rule(TypeSet.of(PortTypes.unreservedPortTypes()), TCP_SOCKET, EnumSet.of(Perm.NAME_CONNECT),
                Set.of("ftpd_connect_all_unreserved")));
        a.add(new Rule(TypeSet.of(PortTypes.DATABASE), TCP_SOCKET, EnumSet.of(Perm.NAME_CONNECT),
                Set.of("ftpd_connect_db")));
        // binds to defined port types are refused silently
        d.add(new Rule(TypeSet.of(PortTypes.allPortTypes()), TCP_SOCKET, EnumSet.of(Perm.NAME_BIND), Set.of()));

        return new PolicyRules(flavor, a, d);
    }

    private static void read(List<Rule> rules, TypeSet types, String... requires) {
        rules.add(new Rule(types, DIR, LIST_DIR, Set.of(requires)));
        rules.add(new Rule(types, FILE, READ_FILE, Set.of(requires)));
        rules.add(new Rule(types, LNK_FILE, READ_LNK, Set.of(requires)));
    }

    private static void manage(List<Rule> rules, TypeSet types, String... requires) {
        rules.add(new Rule(types, DIR, MANAGE_DIR, Set.of(requires)));
        rules.add(new Rule(types, FILE, MANAGE_FILE, Set.of(requires)));
        rules.add(new Rule(types, LNK_FILE, MANAGE_LNK, Set.of(requires)));
    }

    /** nfs_t / cifs_t: read with the use boolean, files (not dirs) with it and anon_write, all with the home tunable. */
    private static void mountPoint(List<Rule> rules, String type, String use, String homeTunable, String homeGate) {
        TypeSet t = TypeSet.of(type);
        read(rules, t, use);
        rules.add(new Rule(t, DIR, RW_DIR, Set.of(use, "ftpd_anon_write")));
        rules.add(new Rule(t, FILE, MANAGE_FILE, Set.of(use, "ftpd_anon_write")));
        rules.add(new Rule(t, LNK_FILE, MANAGE_LNK, Set.of(use, "ftpd_anon_write")));
        if (homeGate == null) {
            manage(rules, t, homeTunable);
        } else {
            manage(rules, t, homeTunable, homeGate);
        }
    }

    private static Set<Perm> union(Set<Perm> a, Set<Perm> b) {
        EnumSet<Perm> s = EnumSet.copyOf(a);
        s.addAll(b);
        return s;
    }

    public Flavor flavor() {
        return flavor;
    }

    public boolean allows(String type, ObjectClass cls, Perm perm, BooleanValues booleans) {
        return allow.stream().anyMatch(r -> r.matches(type, cls, perm) && r.enabled(booleans));
    }

    public boolean dontaudit(String type, ObjectClass cls, Perm perm, BooleanValues booleans) {
        return dontaudit.stream().anyMatch(r -> r.matches(type, cls, perm) && r.enabled(booleans));
    }

    /**
     * The boolean sets that, turned on in addition to {@code current}, would allow every one of {@code perms}
     * on (type, class): what audit2why reports. Empty when only a policy change (audit2allow) would help.
     */
    public List<Set<String>> enablers(String type, ObjectClass cls, Set<Perm> perms, BooleanValues current) {
        Set<Set<String>> found = new LinkedHashSet<>();
        for (Rule r : allow) {
            if (r.requires().isEmpty() || perms.stream().noneMatch(p -> r.matches(type, cls, p))) {
                continue;
            }
            BooleanValues trial = current;
            for (String b : r.requires()) {
                trial = trial.with(b, true);
            }
            BooleanValues t = trial;
            if (perms.stream().allMatch(p -> allows(type, cls, p, t))) {
                found.add(Set.copyOf(r.requires().stream().filter(b -> !current.on(b)).toList()));
            }
        }
        found.remove(Set.of());
        // a single boolean first, then the pairs; alphabetical within
        return found.stream().sorted((x, y) -> x.size() != y.size() ? x.size() - y.size()
                : String.join(",", new java.util.TreeSet<>(x)).compareTo(String.join(",", new java.util.TreeSet<>(y))))
                .toList();
    }
}
