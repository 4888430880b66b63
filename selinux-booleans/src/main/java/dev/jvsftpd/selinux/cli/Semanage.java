package dev.jvsftpd.selinux.cli;

import dev.jvsftpd.selinux.policy.FileContextSpec;
import dev.jvsftpd.selinux.policy.FileContexts;
import dev.jvsftpd.selinux.policy.FileKind;
import dev.jvsftpd.selinux.policy.SeBoolean;
import dev.jvsftpd.selinux.policy.SecurityContext;
import dev.jvsftpd.selinux.policy.Types;
import dev.jvsftpd.selinux.state.BooleanState;
import dev.jvsftpd.selinux.state.EmulatedStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.PatternSyntaxException;

/**
 * {@code semanage fcontext|boolean|permissive}: seobject's messages ({@code ValueError: ...} on stderr, exit
 * 1), its notices on stdout, and its {@code -l} layouts.
 */
final class Semanage {
    private Semanage() {
    }

    /** Raised for what semanage reports as {@code ValueError: <message>}. */
    static final class ValueError extends RuntimeException {
        ValueError(String message) {
            super(message);
        }
    }

    /** The options semanage's argparse accepts for these three objects. */
    static final class Options {
        String action;
        boolean locallist;
        boolean noheading;
        String type = "";
        String ftype = "";
        String equal;
        String spec;
        Boolean on;

        static Options parse(String[] args, int from) {
            Options o = new Options();
            for (int i = from; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "-a", "--add" -> o.action("add");
                    case "-d", "--delete" -> o.action("delete");
                    case "-m", "--modify" -> o.action("modify");
                    case "-l", "--list" -> o.action("list");
                    case "-C", "--locallist" -> o.locallist = true;
                    case "-n", "--noheading" -> o.noheading = true;
                    case "-N", "--noreload" -> {
                        // nothing to reload
                    }
                    case "-1", "--on" -> o.on = Boolean.TRUE;
                    case "-0", "--off" -> o.on = Boolean.FALSE;
                    case "-t", "--type" -> o.type = value != null ? value : arg(args, ++i, a);
                    case "-f", "--ftype" -> o.ftype = value != null ? value : arg(args, ++i, a);
                    case "-e", "--equal" -> o.equal = value != null ? value : arg(args, ++i, a);
                    case "-s", "--seuser", "-r", "--range" -> {
                        // the emulation labels with system_u and s0
                        if (value == null) {
                            arg(args, ++i, a);
                        }
                    }
                    default -> {
                        if (a.startsWith("-") && a.length() > 1) {
                            throw new IllegalStateException("unrecognized arguments: " + args[i]);
                        }
                        if (o.spec != null) {
                            throw new IllegalStateException("unrecognized arguments: " + a);
                        }
                        o.spec = a;
                    }
                }
            }
            return o;
        }

        private void action(String a) {
            if (action != null && !action.equals(a)) {
                throw new IllegalStateException("argument " + flag(a) + ": not allowed with argument " + flag(action));
            }
            action = a;
        }

        private static String flag(String action) {
            return "-" + action.charAt(0) + "/--" + action;
        }

        private static String arg(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalStateException("argument " + option + ": expected one argument");
            }
            return args[i];
        }
    }

    static int run(SelinuxCli.Context c, String[] args) {
        if (args.length == 0) {
            c.err().println("usage: semanage {fcontext,boolean,permissive} ...");
            c.err().println("semanage: error: the following arguments are required: subcommand");
            return 2;
        }
        Options o;
        try {
            o = Options.parse(args, 1);
            if (o.action == null) {
                throw new IllegalStateException("one of the arguments -a/--add -d/--delete -m/--modify -l/--list is required");
            }
        } catch (IllegalStateException e) {
            c.err().println("usage: semanage " + args[0] + " ...");
            c.err().println("semanage " + args[0] + ": error: " + e.getMessage());
            return 2;
        }
        Optional<EmulatedStore> store = c.store("semanage");
        if (store.isEmpty()) {
            return 1;
        }
        try {
            return switch (args[0]) {
                case "fcontext" -> fcontext(c, store.get(), o);
                case "boolean" -> bool(c, store.get(), o);
                case "permissive" -> permissive(c, store.get(), o);
                default -> {
                    c.err().println("semanage: error: argument subcommand: invalid choice: '" + args[0]
                            + "' (choose from 'fcontext', 'boolean', 'permissive')");
                    yield 2;
                }
            };
        } catch (ValueError e) {
            c.err().println("ValueError: " + e.getMessage());
            return 1;
        }
    }

    // ---- fcontext ----

    static int fcontext(SelinuxCli.Context c, EmulatedStore store, Options o) {
        if (o.action.equals("list")) {
            listFcontexts(c, store.fileContexts(), o);
            return 0;
        }
        if (o.spec == null) {
            throw new ValueError("Invalid file specification");
        }
        FileKind kind = FileKind.parseOption(o.ftype).orElseThrow(
                () -> new ValueError("invalid choice: '" + o.ftype + "'"));
        FileContexts fc = store.fileContexts();
        switch (o.action) {
            case "add" -> {
                if (o.equal != null) {
                    addEqual(c, store, fc, o.spec, o.equal);
                } else if (existsAnywhere(fc, o.spec, kind)) {
                    c.out().println("File context for " + o.spec + " already defined, modifying instead");
                    modify(store, fc, o.spec, o.type, kind);
                } else {
                    add(store, fc, o.spec, o.type, kind);
                }
            }
            case "modify" -> modify(store, fc, o.spec, o.type, kind);
            case "delete" -> delete(store, fc, o.spec, kind);
            default -> throw new ValueError("unsupported action " + o.action);
        }
        return 0;
    }

    private static boolean existsAnywhere(FileContexts fc, String spec, FileKind kind) {
        return fc.definedInPolicy(spec, kind)
                || fc.local().stream().anyMatch(s -> s.regex().equals(spec) && s.kind() == kind);
    }

    private static void validate(FileContexts fc, String target) {
        if (target.isEmpty() || target.contains("\n")) {
            throw new ValueError("Invalid file specification");
        }
        if (target.contains(" ")) {
            throw new ValueError("File specification can not include spaces");
        }
        for (Map<String, String> subs : List.of(fc.localEquivalences(), fc.distEquivalences())) {
            for (Map.Entry<String, String> e : subs.entrySet()) {
                if (target.startsWith(e.getKey() + "/")) {
                    String t = e.getValue() + target.substring(e.getKey().length());
                    throw new ValueError("File spec " + target + " conflicts with equivalency rule '" + e.getKey() + " "
                            + e.getValue() + "'; Try adding '" + t + "' instead");
                }
            }
        }
    }

    private static FileContextSpec spec(String target, String type, FileKind kind) {
        try {
            return type.equals("<<none>>") ? FileContextSpec.none(target, kind)
                    : new FileContextSpec(target, kind, Optional.of(SecurityContext.object(type)));
        } catch (PatternSyntaxException e) {
            throw new ValueError("Could not add file context for " + target);
        }
    }

    private static void checkType(String type) {
        if (!type.equals("<<none>>") && !Types.isKnownFileType(type)) {
            throw new ValueError("Type " + type + " is invalid, must be a file or device type");
        }
    }

    private static void add(EmulatedStore store, FileContexts fc, String target, String type, FileKind kind) {
        validate(fc, target);
        if (type.isEmpty()) {
            throw new ValueError("SELinux Type is required");
        }
        checkType(type);
        store.putFileContext(spec(target, type, kind));
    }

    private static void modify(EmulatedStore store, FileContexts fc, String target, String type, FileKind kind) {
        if (type.isEmpty()) {
            throw new ValueError("Requires setype, serange or seuser");
        }
        checkType(type);
        validate(fc, target);
        if (!existsAnywhere(fc, target, kind)) {
            throw new ValueError("File context for " + target + " is not defined");
        }
        store.putFileContext(spec(target, type, kind));
    }

    private static void delete(EmulatedStore store, FileContexts fc, String target, FileKind kind) {
        if (fc.localEquivalences().containsKey(target)) {
            store.removeEquivalence(target);
            return;
        }
        if (!store.removeFileContext(target, kind)) {
            if (fc.definedInPolicy(target, kind)) {
                throw new ValueError("File context for " + target + " is defined in policy, cannot be deleted");
            }
            throw new ValueError("File context for " + target + " is not defined");
        }
    }

    private static void addEqual(SelinuxCli.Context c, EmulatedStore store, FileContexts fc, String target,
                                 String substitute) {
        if (!target.equals("/") && target.endsWith("/")) {
            throw new ValueError("Target " + target + " is not valid. Target is not allowed to end with '/'");
        }
        if (!substitute.equals("/") && substitute.endsWith("/")) {
            throw new ValueError("Substitute " + substitute + " is not valid. Substitute is not allowed to end with '/'");
        }
        if (fc.localEquivalences().containsKey(target)) {
            c.out().println("Equivalence class for " + target + " already exists, modifying instead");
            store.putEquivalence(target, substitute);
            return;
        }
        validate(fc, target);
        for (Map<String, String> subs : List.of(fc.localEquivalences(), fc.distEquivalences())) {
            for (Map.Entry<String, String> e : subs.entrySet()) {
                if (e.getKey().startsWith(target + "/")) {
                    throw new ValueError("File spec " + target + " conflicts with equivalency rule '" + e.getKey() + " "
                            + e.getValue() + "'");
                }
            }
        }
        store.putEquivalence(target, substitute);
    }

    /**
     * {@code semanage fcontext -l}: policy, home directory and local specs merged and sorted (local ones
     * alone and unsorted with -C, since their order matters), then the equivalences.
     */
    static void listFcontexts(SelinuxCli.Context c, FileContexts fc, Options o) {
        Map<List<String>, FileContextSpec> rows;
        if (o.locallist) {
            rows = new LinkedHashMap<>();
        } else {
            rows = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        }
        for (FileContextSpec s : o.locallist ? fc.local() : fc.all()) {
            rows.put(List.of(s.regex(), s.kind().listName()), s);
        }
        StringBuilder sb = new StringBuilder();
        if (!rows.isEmpty()) {
            if (!o.noheading) {
                sb.append(String.format("%-50s %-18s %s%n%n", "SELinux fcontext", "type", "Context"));
            }
            rows.forEach((k, s) -> sb.append(s.context()
                    .map(ctx -> String.format("%-50s %-18s %s:%s:%s:%s %n", k.get(0), k.get(1), ctx.user(), ctx.role(),
                            ctx.type(), ctx.range()))
                    .orElse(String.format("%-50s %-18s <<None>>%n", k.get(0), k.get(1)))));
        }
        if (!fc.distEquivalences().isEmpty() && !o.locallist) {
            if (!o.noheading) {
                sb.append("\nSELinux Distribution fcontext Equivalence \n\n");
            }
            fc.distEquivalences().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        }
        if (!fc.localEquivalences().isEmpty()) {
            if (!o.noheading) {
                sb.append("\nSELinux Local fcontext Equivalence \n\n");
            }
            fc.localEquivalences().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        }
        c.out().print(sb.toString().replace(System.lineSeparator(), "\n"));
    }

    // ---- boolean ----

    static int bool(SelinuxCli.Context c, EmulatedStore store, Options o) {
        if (o.action.equals("list")) {
            Map<String, Boolean> persistent = store.persistentBooleans();
            Map<String, BooleanState> current = new LinkedHashMap<>();
            store.booleans().forEach(b -> current.put(b.name(), b));
            List<SeBoolean> all = new ArrayList<>(store.catalog().all());
            StringBuilder sb = new StringBuilder();
            if (!o.noheading) {
                sb.append(String.format("%-30s %s  %s %s%n%n", "SELinux boolean", "State", "Default", "Description"));
            }
            for (SeBoolean b : all) {
                boolean p = persistent.get(b.name());
                if (o.locallist && p == b.defaultValue()) {
                    continue;
                }
                boolean active = current.containsKey(b.name()) ? current.get(b.name()).active() : p;
                sb.append(String.format("%-30s (%-5s,%5s)  %s%n", b.name(), active ? "on" : "off", p ? "on" : "off",
                        b.description()));
            }
            c.out().print(sb.toString().replace(System.lineSeparator(), "\n"));
            return 0;
        }
        if (!o.action.equals("modify") || o.on == null || o.spec == null) {
            throw new ValueError("Requires value");
        }
        SeBoolean b = store.catalog().find(o.spec)
                .orElseThrow(() -> new ValueError("Boolean " + o.spec + " is not defined"));
        store.setBooleans(Map.of(b.name(), o.on), true);
        return 0;
    }

    // ---- permissive ----

    static int permissive(SelinuxCli.Context c, EmulatedStore store, Options o) {
        switch (o.action) {
            case "add" -> {
                if (o.spec == null || !o.spec.endsWith("_t")) {
                    throw new ValueError("Could not set permissive domain permissive_" + o.spec
                            + " (module installation failed)");
                }
                store.setPermissive(o.spec, true);
            }
            case "delete" -> {
                if (o.spec == null || !store.permissiveDomains().contains(o.spec)) {
                    throw new ValueError("Could not remove permissive domain " + o.spec + " (remove failed)");
                }
                store.setPermissive(o.spec, false);
            }
            case "list" -> {
                List<String> customized = new ArrayList<>(store.permissiveDomains());
                if (customized.isEmpty()) {
                    return 0;
                }
                StringBuilder sb = new StringBuilder();
                if (!o.noheading) {
                    sb.append(String.format("%n%-25s%n%n", "Builtin Permissive Types"));
                    sb.append(String.format("%n%-25s%n%n", "Customized Permissive Types"));
                }
                customized.forEach(t -> sb.append(t).append('\n'));
                c.out().print(sb.toString().replace(System.lineSeparator(), "\n"));
            }
            default -> throw new ValueError("unsupported action " + o.action);
        }
        return 0;
    }
}
