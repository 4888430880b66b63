package dev.jvsftpd.selinux.policy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The object classes in ftpd's decisions, each with its permissions in the kernel's declaration order:
 * an AVC record lists the denied permissions in that order.
 */
public enum ObjectClass {
    DIR(List.of(Perm.IOCTL, Perm.READ, Perm.WRITE, Perm.CREATE, Perm.GETATTR, Perm.SETATTR, Perm.LOCK,
            Perm.RELABELFROM, Perm.RELABELTO, Perm.APPEND, Perm.MAP, Perm.UNLINK, Perm.LINK, Perm.RENAME,
            Perm.EXECUTE, Perm.OPEN, Perm.WATCH, Perm.ADD_NAME, Perm.REMOVE_NAME, Perm.REPARENT, Perm.SEARCH,
            Perm.RMDIR)),
    FILE(fileCommon()),
    LNK_FILE(fileCommon()),
    TCP_SOCKET(List.of(Perm.IOCTL, Perm.READ, Perm.WRITE, Perm.CREATE, Perm.GETATTR, Perm.SETATTR, Perm.LOCK,
            Perm.RELABELFROM, Perm.RELABELTO, Perm.APPEND, Perm.MAP, Perm.BIND, Perm.CONNECT, Perm.LISTEN,
            Perm.ACCEPT, Perm.NAME_BIND, Perm.NODE_BIND, Perm.NAME_CONNECT));

    private final List<Perm> permissions;

    ObjectClass(List<Perm> permissions) {
        this.permissions = permissions;
    }

    private static List<Perm> fileCommon() {
        return List.of(Perm.IOCTL, Perm.READ, Perm.WRITE, Perm.CREATE, Perm.GETATTR, Perm.SETATTR, Perm.LOCK,
                Perm.RELABELFROM, Perm.RELABELTO, Perm.APPEND, Perm.MAP, Perm.UNLINK, Perm.LINK, Perm.RENAME,
                Perm.EXECUTE, Perm.OPEN, Perm.WATCH);
    }

    public List<Perm> permissions() {
        return permissions;
    }

    /** The name in {@code tclass=}. */
    public String policyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ObjectClass parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** {@code { write add_name }}: the given permissions, in this class's order, as the AVC record prints them. */
    public String format(Collection<Perm> perms) {
        return permissions.stream().filter(perms::contains).map(Perm::policyName)
                .collect(Collectors.joining(" ", "{ ", " }"));
    }
}
