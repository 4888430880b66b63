package dev.jvsftpd.selinux.policy;

import java.util.Optional;

/**
 * One policy boolean: its name, its policy default, the pre-2012 name still accepted through
 * {@code booleans.subs_dist}, and a description in our own words.
 */
public record SeBoolean(String name, boolean defaultValue, Optional<String> oldName, String description) {

    static SeBoolean off(String name, String description) {
        return new SeBoolean(name, false, Optional.empty(), description);
    }

    static SeBoolean off(String name, String oldName, String description) {
        return new SeBoolean(name, false, Optional.of(oldName), description);
    }
}
