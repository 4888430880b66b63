package dev.jvsftpd.pam.stack;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The modules the interpreter has built in, by the name libpam gives a module path. */
final class Modules {
    private static final Map<String, PamModule> BUILT_IN = Map.of(
            "pam_permit", SimpleModules.PERMIT,
            "pam_deny", SimpleModules.DENY,
            "pam_listfile", new ListfileModule(),
            "pam_shells", new ShellsModule(),
            "pam_nologin", new NologinModule(),
            "pam_succeed_if", new SucceedIfModule(),
            "pam_unix", new UnixModule(),
            "pam_userdb", new UserdbModule(),
            "pam_pwdfile", new PwdfileModule());

    private Modules() {
    }

    /**
     * The built-in standing in for a module path: only an exact {@code pam_xxx.so} file name counts,
     * since libpam would fail to load anything else ({@code pam_permit}, {@code pam_permit.so\r}).
     */
    static Optional<PamModule> forPath(String modulePath) {
        String base = modulePath.substring(modulePath.lastIndexOf('/') + 1);
        if (!base.endsWith(".so")) {
            return Optional.empty();
        }
        return Optional.ofNullable(BUILT_IN.get(base.substring(0, base.length() - 3)));
    }

    static Set<String> names() {
        return new TreeSet<>(BUILT_IN.keySet());
    }
}
