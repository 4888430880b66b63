package dev.jvsftpd.selinux.policy;

import java.util.Set;

/** One permission check of a system call (one avc_has_perm): target label, class, permissions, audit data. */
public record Check(SecurityContext tcontext, ObjectClass tclass, Set<Perm> perms, AuditData audit) {
    public Check {
        perms = Set.copyOf(perms);
    }
}
