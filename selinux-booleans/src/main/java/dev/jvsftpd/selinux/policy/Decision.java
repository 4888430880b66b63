package dev.jvsftpd.selinux.policy;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one FTP operation against the policy: allowed or not, and the AVC records it produces (one
 * for an enforcing denial, one per newly denied check in permissive mode, none for a dontaudit denial).
 */
public record Decision(boolean allowed, List<AvcRecord> records) {

    public static final Decision ALLOWED = new Decision(true, List.of());

    public Decision {
        records = List.copyOf(records);
    }

    /** The record that explains a denial (enforcing), or the first logged one (permissive). */
    public Optional<AvcRecord> avc() {
        return records.stream().findFirst();
    }

    public boolean denied() {
        return !allowed;
    }
}
