package dev.jvsftpd.selinux.policy;

import java.util.Set;

/** A set of types, possibly "every type except these" (how the policy's attributes such as non_security_file_type read). */
public record TypeSet(Set<String> members, boolean complement) {

    public TypeSet {
        members = Set.copyOf(members);
    }

    public static TypeSet of(String... types) {
        return new TypeSet(Set.of(types), false);
    }

    public static TypeSet of(Set<String> types) {
        return new TypeSet(types, false);
    }

    public static TypeSet allExcept(Set<String> types) {
        return new TypeSet(types, true);
    }

    public boolean contains(String type) {
        return complement != members.contains(type);
    }
}
