package dev.jvsftpd.pam.stack;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A service's configuration as libpam holds it after pam_start: per management group, the service's
 * handlers and the "other" file's; the latter are used only where the former has none.
 */
record LoadedStack(Map<ModuleType, List<Handler>> service, Map<ModuleType, List<Handler>> other,
                   List<ConfigProblem> problems, String abortReason) {

    static LoadedStack aborted(String reason, List<ConfigProblem> problems) {
        return new LoadedStack(new EnumMap<>(ModuleType.class), new EnumMap<>(ModuleType.class), problems, reason);
    }

    boolean aborted() {
        return abortReason != null;
    }

    /** The chain a call of this group runs. */
    List<Handler> chain(ModuleType type) {
        List<Handler> own = service.getOrDefault(type, List.of());
        return own.isEmpty() ? other.getOrDefault(type, List.of()) : own;
    }
}
