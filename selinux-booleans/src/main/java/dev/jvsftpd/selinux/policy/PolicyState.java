package dev.jvsftpd.selinux.policy;

/**
 * Everything a decision depends on besides the labels: the policy flavor, the mode, the active boolean
 * values, and whether ftpd_t is a permissive domain ({@code semanage permissive -a ftpd_t}).
 */
public record PolicyState(Flavor flavor, EnforceMode mode, BooleanValues booleans, boolean domainPermissive) {

    public static PolicyState enforcing(BooleanValues booleans) {
        return new PolicyState(Flavor.RHEL8_9, EnforceMode.ENFORCING, booleans, false);
    }

    public PolicyState withMode(EnforceMode m) {
        return new PolicyState(flavor, m, booleans, domainPermissive);
    }

    public PolicyState withBooleans(BooleanValues b) {
        return new PolicyState(flavor, mode, b, domainPermissive);
    }

    /** Denials are logged but allowed. */
    public boolean permissive() {
        return mode == EnforceMode.PERMISSIVE || domainPermissive;
    }
}
