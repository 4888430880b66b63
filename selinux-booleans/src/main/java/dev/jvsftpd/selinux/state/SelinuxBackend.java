package dev.jvsftpd.selinux.state;

import dev.jvsftpd.selinux.policy.BooleanCatalog;
import dev.jvsftpd.selinux.policy.BooleanValues;
import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.FileContexts;
import dev.jvsftpd.selinux.policy.PolicyState;
import dev.jvsftpd.selinux.policy.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where mode, booleans and file contexts come from: jvsftpd's emulation state or the real host. Read fresh on every call. */
public interface SelinuxBackend {

    BooleanCatalog catalog();

    /** The running mode (getenforce). */
    EnforceMode mode();

    /** The mode the next boot gives ({@code SELINUX=} in the config file). */
    EnforceMode persistentMode();

    /** Every boolean the catalog defines and the backend holds, in getsebool -a order. */
    List<BooleanState> booleans();

    /** One boolean by name or old alias, as libselinux resolves it. */
    Optional<BooleanState> bool(String name);

    Set<String> permissiveDomains();

    FileContexts fileContexts();

    /** What one decision needs: mode, active booleans, whether ftpd_t is permissive. */
    default PolicyState policyState() {
        Map<String, Boolean> active = new LinkedHashMap<>();
        booleans().forEach(b -> active.put(b.name(), b.active()));
        return new PolicyState(catalog().flavor(), mode(), new BooleanValues(active),
                permissiveDomains().contains(SecurityContext.FTPD.type()));
    }
}
