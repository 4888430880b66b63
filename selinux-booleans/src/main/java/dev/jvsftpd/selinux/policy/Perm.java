package dev.jvsftpd.selinux.policy;

import java.util.Locale;

/** A permission of the kernel's object classes that ftpd's operations touch. */
public enum Perm {
    IOCTL, READ, WRITE, CREATE, GETATTR, SETATTR, LOCK, RELABELFROM, RELABELTO, APPEND, MAP,
    UNLINK, LINK, RENAME, EXECUTE, OPEN, WATCH,
    ADD_NAME, REMOVE_NAME, REPARENT, SEARCH, RMDIR,
    BIND, CONNECT, LISTEN, ACCEPT, NAME_BIND, NODE_BIND, NAME_CONNECT;

    /** The name as the policy and the AVC record spell it. */
    public String policyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Perm parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
