package dev.jvsftpd.compat.policy;

import static dev.jvsftpd.compat.config.Directives.LOCAL_ENABLE;
import static dev.jvsftpd.compat.config.Directives.USERLIST_DENY;
import static dev.jvsftpd.compat.config.Directives.USERLIST_ENABLE;
import static dev.jvsftpd.compat.config.Directives.USERLIST_FILE;

import dev.jvsftpd.compat.config.VsftpdConfig;
import java.util.Optional;
import java.util.Set;

/**
 * userlist_enable: decided at USER, before any password (reference section 7.1). With
 * userlist_deny the listed names are refused, without it only they are admitted. Names match
 * the line exactly as typed; {@code anonymous} and {@code ftp} are names like any other.
 *
 * @param names            the file's lines
 * @param listedAreRefused userlist_deny
 */
public record UserList(Set<String> names, boolean listedAreRefused) {

    /**
     * The list in force for a session, read when it starts; empty when userlist_enable is off.
     * vsftpd reads the file only with local_enable, so without it the list is empty (and
     * userlist_deny=NO then refuses everyone, anonymous included).
     */
    public static Optional<UserList> load(VsftpdConfig config) {
        if (!config.bool(USERLIST_ENABLE)) {
            return Optional.empty();
        }
        Set<String> names = config.bool(LOCAL_ENABLE)
                ? ListFiles.lines(config.string(USERLIST_FILE), "cannot read user list file:") : Set.of();
        return Optional.of(new UserList(names, config.bool(USERLIST_DENY)));
    }

    public boolean refuses(String name) {
        return names.contains(name) == listedAreRefused;
    }
}
