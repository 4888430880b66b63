package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a service's stacks as pam_start does (reference B.2): which files, the "other" fallback,
 * include/substack/@include splicing, and which mistakes make a must-fail line versus an aborted
 * pam_start.
 */
final class StackLoader {
    static final Path ETC_PAM_D = Path.of("/etc/pam.d");
    static final Path USR_LIB_PAM_D = Path.of("/usr/lib/pam.d");
    static final Path PAM_CONF = Path.of("/etc/pam.conf");
    private static final int MAX_SUBSTACK_LEVEL = 16;

    private final Path confDir;
    private final Dialect dialect;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private Map<ModuleType, List<Handler>> sink;

    private StackLoader(Path confDir, Dialect dialect) {
        this.confDir = confDir;
        this.dialect = dialect;
    }

    /** pam_start's service name: lower case, without anything up to the last slash. */
    static String serviceName(String service) {
        String s = service.substring(service.lastIndexOf('/') + 1);
        return s.toLowerCase(Locale.ROOT);
    }

    static LoadedStack load(String service, Path confDir, Dialect dialect) {
        return new StackLoader(confDir, dialect).load(serviceName(service));
    }

    private LoadedStack load(String service) {
        Map<ModuleType, List<Handler>> own = new EnumMap<>(ModuleType.class);
        Map<ModuleType, List<Handler>> other = new EnumMap<>(ModuleType.class);
        boolean pamD = confDir != null || Files.isDirectory(ETC_PAM_D) || Files.isDirectory(USR_LIB_PAM_D);
        if (!pamD) {
            return loadPamConf(service, own, other);
        }
        boolean readSomething = false;
        Optional<Parsed> serviceFile = open(service);
        if (serviceFile.isPresent()) {
            sink = own;
            Result r = splice(serviceFile.get().file, serviceFile.get().parsed, null, 0);
            if (r != Result.OK) {
                return LoadedStack.aborted(abortText(serviceFile.get().file), problems);
            }
            readSomething = true;
        }
        Optional<Parsed> otherFile = open("other");
        if (otherFile.isPresent()) {
            sink = other;
            Result r = splice(otherFile.get().file, otherFile.get().parsed, null, 0);
            if (r != Result.OK) {
                return LoadedStack.aborted(abortText(otherFile.get().file), problems);
            }
            readSomething = true;
        }
        if (!readSomething) {
            Path where = confDir != null ? confDir : ETC_PAM_D;
            problems.add(new ConfigProblem(where.resolve(service), 0,
                    "no such file, and no 'other' file to fall back to: every login fails (PAM_ABORT)"));
            return LoadedStack.aborted("neither " + where.resolve(service) + " nor " + where.resolve("other")
                    + " can be read", problems);
        }
        return new LoadedStack(own, other, List.copyOf(problems), null);
    }

    private String abortText(Path file) {
        return file + " cannot be used: "
                + (problems.isEmpty() ? "read error" : problems.get(problems.size() - 1).toString());
    }

    private LoadedStack loadPamConf(String service, Map<ModuleType, List<Handler>> own,
                                    Map<ModuleType, List<Handler>> other) {
        Optional<PamConfigParser.ParsedFile> parsed = PamConfigParser.read(PAM_CONF, true, dialect == Dialect.DEBIAN);
        if (parsed.isEmpty()) {
            problems.add(new ConfigProblem(PAM_CONF, 0, "cannot be read and there is no /etc/pam.d"));
            return LoadedStack.aborted(PAM_CONF + " cannot be read", problems);
        }
        List<ConfigLine> mine = new ArrayList<>();
        List<ConfigLine> others = new ArrayList<>();
        for (ConfigLine line : parsed.get().lines()) {
            String field = line.service() == null ? "" : line.service();
            if (field.equalsIgnoreCase("other")) {
                others.add(line);
            } else if (field.equalsIgnoreCase(service)) {
                mine.add(line);
            }
        }
        sink = own;
        Result r1 = splice(PAM_CONF, new PamConfigParser.ParsedFile(PAM_CONF, mine, null), null, 0);
        sink = other;
        Result r2 = splice(PAM_CONF, new PamConfigParser.ParsedFile(PAM_CONF, others, parsed.get().abortReason()),
                null, 0);
        if (r1 != Result.OK || r2 != Result.OK) {
            return LoadedStack.aborted(abortText(PAM_CONF), problems);
        }
        return new LoadedStack(own, other, List.copyOf(problems), null);
    }

    private record Parsed(Path file, PamConfigParser.ParsedFile parsed) {
    }

    /** A top-level file: in the private directory only, or /etc/pam.d then /usr/lib/pam.d. */
    private Optional<Parsed> open(String name) {
        List<Path> candidates = confDir != null ? List.of(confDir.resolve(name))
                : List.of(ETC_PAM_D.resolve(name), USR_LIB_PAM_D.resolve(name));
        for (Path p : candidates) {
            Optional<PamConfigParser.ParsedFile> parsed = PamConfigParser.read(p, false, dialect == Dialect.DEBIAN);
            if (parsed.isPresent()) {
                return Optional.of(new Parsed(p, parsed.get()));
            }
        }
        return Optional.empty();
    }

    /** Where an include/substack/@include name points. */
    private Optional<PamConfigParser.ParsedFile> openIncluded(String name) {
        if (name.startsWith("/")) {
            return PamConfigParser.read(Path.of(name), false, dialect == Dialect.DEBIAN);
        }
        if (dialect == Dialect.DEBIAN) {
            // Debian resolves every relative include under /etc/pam.d, private directory or not
            return PamConfigParser.read(ETC_PAM_D.resolve(name), false, true);
        }
        List<Path> candidates = confDir != null ? List.of(confDir.resolve(name))
                : List.of(ETC_PAM_D.resolve(name), USR_LIB_PAM_D.resolve(name));
        for (Path p : candidates) {
            Optional<PamConfigParser.ParsedFile> parsed = PamConfigParser.read(p, false, false);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    private String includePath(String name) {
        if (name.startsWith("/") || dialect == Dialect.DEBIAN) {
            return name.startsWith("/") ? name : ETC_PAM_D.resolve(name).toString();
        }
        return (confDir != null ? confDir : ETC_PAM_D).resolve(name).toString();
    }

    private enum Result { OK, FAILED }

    /**
     * Adds a file's lines (of {@code requested} type only, or all when null) at {@code level}. Lines
     * already added stay when a later line fails, as in libpam.
     */
    private Result splice(Path file, PamConfigParser.ParsedFile parsed, ModuleType requested, int level) {
        for (ConfigLine line : parsed.lines()) {
            if (line.kind() == ConfigLine.Kind.AT_INCLUDE) {
                if (line.target() == null) {
                    problems.add(new ConfigProblem(file, line.line(), line.problem()));
                    return Result.FAILED;
                }
                Optional<PamConfigParser.ParsedFile> inc = openIncluded(line.target());
                if (inc.isEmpty()) {
                    problems.add(new ConfigProblem(file, line.line(), "@include " + line.target() + ": "
                            + includePath(line.target()) + " cannot be read; Debian's libpam aborts pam_start "
                            + "(PAM_ABORT)"));
                    return Result.FAILED;
                }
                if (splice(Path.of(includePath(line.target())), inc.get(), requested, level) != Result.OK) {
                    problems.add(new ConfigProblem(file, line.line(), "@include " + line.target()
                            + " cannot be used; Debian's libpam aborts pam_start (PAM_ABORT)"));
                    return Result.FAILED;
                }
                continue;
            }
            ModuleType type = line.type() != null ? line.type() : requested != null ? requested : ModuleType.AUTH;
            if (requested != null && type != requested) {
                continue;
            }
            if (line.problem() != null) {
                problems.add(new ConfigProblem(file, line.line(), line.problem()));
            }
            switch (line.kind()) {
                case INCLUDE:
                case SUBSTACK:
                    boolean substack = line.kind() == ConfigLine.Kind.SUBSTACK;
                    if (substack) {
                        add(type, new Handler(Handler.Kind.SUBSTACK, level, line.actions(), null, List.of(), line));
                    }
                    if (includeOk(line, type, level + (substack ? 1 : 0))) {
                        continue;
                    }
                    add(type, new Handler(Handler.Kind.MUST_FAIL, level, Actions.all(Actions.BAD), null, List.of(),
                            line));
                    break;
                case MUST_FAIL:
                    add(type, new Handler(Handler.Kind.MUST_FAIL, level, line.actions(), line.target(), line.args(),
                            line));
                    break;
                default:
                    String name = moduleName(line.target());
                    if (name.isEmpty() || name.equals("?")) {
                        problems.add(new ConfigProblem(file, line.line(), "module path '" + line.target()
                                + "' has no module name; libpam aborts reading the file (PAM_ABORT)"));
                        return Result.FAILED;
                    }
                    add(type, new Handler(Handler.Kind.MODULE, level, line.actions(), line.target(), line.args(),
                            line));
            }
        }
        if (parsed.aborted()) {
            problems.add(new ConfigProblem(file, 0, parsed.abortReason() + " (PAM_ABORT)"));
            return Result.FAILED;
        }
        return Result.OK;
    }

    private boolean includeOk(ConfigLine line, ModuleType type, int level) {
        String what = line.kind() == ConfigLine.Kind.SUBSTACK ? "substack" : "include";
        if (level >= MAX_SUBSTACK_LEVEL) {
            problems.add(new ConfigProblem(line.file(), line.line(), what + " nested deeper than "
                    + MAX_SUBSTACK_LEVEL + " levels: this line always fails (PAM_PERM_DENIED)"));
            return false;
        }
        if (line.target() == null) {
            return false;
        }
        Optional<PamConfigParser.ParsedFile> inc = openIncluded(line.target());
        if (inc.isEmpty()) {
            problems.add(new ConfigProblem(line.file(), line.line(), what + " " + line.target() + ": "
                    + includePath(line.target()) + " cannot be read: this line always fails (PAM_PERM_DENIED)"
                    + (dialect == Dialect.DEBIAN && !line.target().startsWith("/")
                            ? "; Debian reads relative names from /etc/pam.d only, give an absolute path" : "")));
            return false;
        }
        if (splice(Path.of(includePath(line.target())), inc.get(), type, level) != Result.OK) {
            problems.add(new ConfigProblem(line.file(), line.line(), what + " " + line.target()
                    + " cannot be used: this line always fails (PAM_PERM_DENIED)"));
            return false;
        }
        return true;
    }

    private void add(ModuleType type, Handler handler) {
        sink.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
    }

    /** libpam's module name: the path's last part, without its last extension. */
    static String moduleName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot >= 0 ? base.substring(0, dot) : base;
    }
}
