package dev.jvsftpd.selinux.state;

/**
 * One boolean's values: active (what decisions use), pending (selinuxfs' uncommitted value; equal to active
 * once committed, as setsebool always commits), persistent (what the next boot or policy rebuild gives:
 * {@code setsebool -P}), and the policy default.
 */
public record BooleanState(String name, boolean active, boolean pending, boolean persistent, boolean defaultValue,
                           String description) {
}
