package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.Backend;
import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.PamOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Names what is wrong with a service's pam.d files, file and line, before or after a login fails:
 * libpam itself only says so in syslog, and vsftpd only says "530 Login incorrect.".
 */
public final class PamConfigCheck {

    private PamConfigCheck() {
    }

    /** Every problem the service's configuration has for this backend. */
    public static List<ConfigProblem> check(String service, PamOptions options, Backend backend) {
        LoadedStack stack = StackLoader.load(service, options.confDir(), options.dialect());
        Set<ConfigProblem> out = new LinkedHashSet<>(stack.problems());
        if (!stack.aborted()) {
            Optional<Path> moduleDir = backend == Backend.LIBPAM ? moduleDirectory() : Optional.empty();
            for (Map<ModuleType, List<Handler>> map : List.of(stack.service(), stack.other())) {
                for (List<Handler> chain : map.values()) {
                    for (Handler h : chain) {
                        if (h.kind() != Handler.Kind.MODULE) {
                            continue;
                        }
                        missingModule(h, backend, moduleDir).ifPresent(out::add);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * A line that would crash Debian's libpam (a bare {@code @include}): the libpam backend refuses
     * the login itself instead of calling pam_start.
     */
    public static Optional<ConfigProblem> crasher(String service, PamOptions options) {
        LoadedStack stack = StackLoader.load(service, options.confDir(), options.dialect());
        return stack.problems().stream().filter(p -> p.message().contains("crashes")).findFirst();
    }

    private static Optional<ConfigProblem> missingModule(Handler h, Backend backend, Optional<Path> moduleDir) {
        ConfigLine line = h.source();
        boolean harmless = h.actions()[PamCode.MODULE_UNKNOWN.value()] == Actions.IGNORE;
        String consequence = harmless ? ", which this line ignores" : "";
        if (backend == Backend.JAVA) {
            if (Modules.forPath(h.modulePath()).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(new ConfigProblem(line.file(), line.line(), "module " + h.modulePath()
                    + " is not built into the Java PAM interpreter (it has " + String.join(", ", Modules.names())
                    + "): the line returns PAM_MODULE_UNKNOWN" + consequence, harmless));
        }
        Path file = h.modulePath().startsWith("/") ? Path.of(h.modulePath())
                : moduleDir.map(d -> d.resolve(h.modulePath())).orElse(null);
        if (file == null || Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem(line.file(), line.line(), "module " + h.modulePath() + " not found ("
                + file + "): the line returns PAM_MODULE_UNKNOWN" + consequence
                + (!line.silent() || harmless ? "" : "; a leading '-' on the type only silences libpam's log, it still fails"),
                harmless));
    }

    /** The directory libpam loads relative module names from: the one holding pam_permit.so. */
    static Optional<Path> moduleDirectory() {
        List<Path> candidates = new ArrayList<>();
        for (String base : List.of("/lib", "/usr/lib")) {
            try (Stream<Path> dirs = Files.list(Path.of(base))) {
                dirs.filter(d -> d.getFileName().toString().endsWith("-linux-gnu"))
                        .forEach(d -> candidates.add(d.resolve("security")));
            } catch (IOException | RuntimeException e) {
                // not there
            }
        }
        for (String dir : List.of("/lib64/security", "/usr/lib64/security", "/lib/security", "/usr/lib/security")) {
            candidates.add(Path.of(dir));
        }
        return candidates.stream().filter(d -> Files.exists(d.resolve("pam_permit.so"))).findFirst();
    }
}
