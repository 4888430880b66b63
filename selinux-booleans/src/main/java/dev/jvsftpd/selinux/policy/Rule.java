package dev.jvsftpd.selinux.policy;

import java.util.Set;

/**
 * One allow (or dontaudit) rule for ftpd_t: the target types, the class, the permissions, and the booleans
 * that must all be on for it to apply (none: unconditional). Our own table built from the reference's
 * description of ftp.te, not policy source.
 */
public record Rule(TypeSet types, ObjectClass tclass, Set<Perm> perms, Set<String> requires) {

    public Rule {
        perms = Set.copyOf(perms);
        requires = Set.copyOf(requires);
    }

    public boolean matches(String type, ObjectClass cls, Perm perm) {
        return tclass == cls && perms.contains(perm) && types.contains(type);
    }

    public boolean enabled(BooleanValues booleans) {
        return requires.stream().allMatch(booleans::on);
    }
}
