package dev.jvsftpd.selinux.audit;

import dev.jvsftpd.selinux.policy.BooleanCatalog;
import dev.jvsftpd.selinux.policy.ObjectClass;
import dev.jvsftpd.selinux.policy.Perm;
import dev.jvsftpd.selinux.policy.PolicyRules;
import dev.jvsftpd.selinux.policy.PolicyState;
import dev.jvsftpd.selinux.policy.SeBoolean;
import dev.jvsftpd.selinux.policy.SecurityContext;
import dev.jvsftpd.selinux.policy.SelinuxPolicy;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * audit2why for ftpd_t's denials: for each AVC line, why the current policy denies it — a boolean that would
 * allow it (named, described, with the setsebool command), a missing allow rule, or "would be allowed" when
 * the booleans have changed since. The text follows audit2why's layout (tabs, blank lines, the message line
 * first).
 */
public final class Audit2Why {
    private final PolicyState state;
    private final BooleanCatalog catalog;

    public Audit2Why(PolicyState state) {
        this.state = state;
        this.catalog = BooleanCatalog.of(state.flavor());
    }

    /** What audit2why concludes about one denial. */
    public sealed interface Cause {
        /** The active policy allows it now. */
        record AllowedNow() implements Cause {
        }

        /** Each set of booleans would allow it when turned on. */
        record Booleans(List<Set<String>> alternatives) implements Cause {
        }

        /** No boolean helps: a policy module would be needed. */
        record MissingRule() implements Cause {
        }
    }

    public Cause analyze(AvcLine avc) {
        Optional<ObjectClass> cls = avc.objectClass();
        Optional<List<Perm>> perms = avc.policyPerms();
        if (cls.isEmpty() || perms.isEmpty() || !avc.scontext().type().equals(SecurityContext.FTPD.type())) {
            return new Cause.MissingRule();
        }
        String type = avc.tcontext().type();
        PolicyState enforcing = state.withMode(dev.jvsftpd.selinux.policy.EnforceMode.ENFORCING);
        if (perms.get().stream().allMatch(p -> SelinuxPolicy.allows(enforcing, type, cls.get(), p))) {
            return new Cause.AllowedNow();
        }
        PolicyRules rules = SelinuxPolicy.rules(state.flavor());
        List<Set<String>> enablers = rules.enablers(type, cls.get(), EnumSet.copyOf(perms.get()), state.booleans());
        return enablers.isEmpty() ? new Cause.MissingRule() : new Cause.Booleans(enablers);
    }

    /** The explanation of every AVC line in the input; empty when there is none ("Nothing to do"). */
    public Optional<String> explain(List<String> lines) {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (String line : lines) {
            Optional<AvcLine> avc = AvcLine.parse(line);
            if (avc.isEmpty() || !avc.get().denied()) {
                continue;
            }
            any = true;
            out.append(line.stripTrailing()).append("\n\n\tWas caused by:\n");
            Cause cause = analyze(avc.get());
            if (cause instanceof Cause.AllowedNow) {
                out.append("\t\tUnknown - would be allowed by active policy\n")
                        .append("\t\tPossible mismatch between this policy and the one under which the audit message"
                                + " was generated.\n\n")
                        .append("\t\tPossible mismatch between current in-memory boolean settings vs. permanent ones.\n\n");
            } else if (cause instanceof Cause.Booleans b) {
                Set<String> names = new TreeSet<>();
                b.alternatives().forEach(names::addAll);
                if (names.size() == 1) {
                    String name = names.iterator().next();
                    out.append("\tThe boolean ").append(name).append(" was set incorrectly. \n");
                    appendRemedy(out, name);
                } else {
                    out.append("\tOne of the following booleans was set incorrectly.\n");
                    for (Set<String> alternative : b.alternatives()) {
                        for (String name : new TreeSet<>(alternative)) {
                            appendRemedy(out, name);
                        }
                    }
                }
            } else {
                out.append("\t\tMissing type enforcement (TE) allow rule.\n\n")
                        .append("\t\tYou can use audit2allow to generate a loadable module to allow this access.\n\n");
            }
        }
        return any ? Optional.of(out.toString()) : Optional.empty();
    }

    private void appendRemedy(StringBuilder out, String name) {
        String description = catalog.find(name).map(SeBoolean::description).orElse(name);
        out.append("\tDescription:\n\t").append(description).append("\n\n")
                .append("\tAllow access by executing:\n\t# setsebool -P ").append(name).append(" 1\n");
    }
}
