package dev.jvsftpd.selinux.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pure decision: checks × policy state → allowed or not, with the AVC records the kernel would write.
 * Enforcing stops at the first denied check (one record, the call fails with EACCES); permissive logs every
 * denied check and goes on; a dontaudit denial denies without a record; disabled allows everything.
 */
public final class SelinuxPolicy {
    private static final Map<Flavor, PolicyRules> RULES = new EnumMap<>(Flavor.class);

    static {
        for (Flavor f : Flavor.values()) {
            RULES.put(f, PolicyRules.of(f));
        }
    }

    private SelinuxPolicy() {
    }

    public static PolicyRules rules(Flavor flavor) {
        return RULES.get(flavor);
    }

    public static Decision evaluate(List<Check> checks, PolicyState state) {
        if (state.mode() == EnforceMode.DISABLED) {
            return Decision.ALLOWED;
        }
        PolicyRules rules = RULES.get(state.flavor());
        List<AvcRecord> records = new ArrayList<>();
        for (Check check : checks) {
            Set<Perm> denied = EnumSet.noneOf(Perm.class);
            Set<Perm> audited = EnumSet.noneOf(Perm.class);
            for (Perm p : check.perms()) {
                if (!rules.allows(check.tcontext().type(), check.tclass(), p, state.booleans())) {
                    denied.add(p);
                    if (!rules.dontaudit(check.tcontext().type(), check.tclass(), p, state.booleans())) {
                        audited.add(p);
                    }
                }
            }
            if (denied.isEmpty()) {
                continue;
            }
            if (!audited.isEmpty()) {
                List<Perm> ordered = check.tclass().permissions().stream().filter(audited::contains).toList();
                records.add(new AvcRecord(ordered, SecurityContext.FTPD, check.tcontext(), check.tclass(),
                        check.audit(), state.permissive(), state.flavor() != Flavor.RHEL7));
            }
            if (!state.permissive()) {
                return new Decision(false, records);
            }
        }
        return new Decision(true, records);
    }

    /** Whether one permission is allowed: the table lookup behind every decision. */
    public static boolean allows(PolicyState state, String type, ObjectClass cls, Perm perm) {
        return state.mode() == EnforceMode.DISABLED || RULES.get(state.flavor()).allows(type, cls, perm, state.booleans());
    }
}
