package dev.jvsftpd.selinux.cli;

import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.FileContextSpec;
import dev.jvsftpd.selinux.policy.FileContexts;
import dev.jvsftpd.selinux.policy.FileKind;
import dev.jvsftpd.selinux.policy.Flavor;
import dev.jvsftpd.selinux.policy.LabeledObject;
import dev.jvsftpd.selinux.policy.SecurityContext;
import dev.jvsftpd.selinux.policy.Types;
import dev.jvsftpd.selinux.state.Activation;
import dev.jvsftpd.selinux.state.EmulatedLabels;
import dev.jvsftpd.selinux.state.EmulatedStore;
import dev.jvsftpd.selinux.state.LabelView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * restorecon, chcon, matchpathcon and getfilecon on the emulation's labels. Paths are the policy's paths
 * ({@code /var/ftp/pub}), under the emulation root.
 */
final class Labels {
    private Labels() {
    }

    private static final String RESTORECON_USAGE = "usage:  restorecon [-iIDFmnprRv0xT] [-e excludedir] pathname...\n"
            + "usage:  restorecon [-iIDFmnprRv0xT] [-e excludedir] -f filename";

    static int restorecon(SelinuxCli.Context c, String[] args) {
        boolean recurse = false;
        boolean verbose = false;
        boolean force = false;
        boolean dryRun = false;
        boolean ignoreMissing = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-") && args[i].length() > 1; i++) {
            for (char f : args[i].substring(1).toCharArray()) {
                switch (f) {
                    case 'R', 'r' -> recurse = true;
                    case 'v' -> verbose = true;
                    case 'F' -> force = true;
                    case 'n' -> dryRun = true;
                    case 'i' -> ignoreMissing = true;
                    case 'p', 'm', 'D', 'I', 'x', '0' -> {
                        // progress, xattr digests, mounts: nothing to do in the emulation
                    }
                    default -> {
                        c.err().println(RESTORECON_USAGE);
                        return 255;
                    }
                }
            }
        }
        if (i >= args.length) {
            c.err().println(RESTORECON_USAGE);
            return 255;
        }
        if (c.activation() == Activation.EMULATE && c.mode() == EnforceMode.DISABLED) {
            return 0; // restorecon exits silently without SELinux
        }
        Optional<EmulatedStore> store = c.store("restorecon");
        if (store.isEmpty()) {
            return 255;
        }
        EmulatedLabels labels = c.labels(store.get());
        FileContexts fc = store.get().fileContexts();
        Relabel r = new Relabel(c, labels, fc, verbose, force, dryRun, c.flavor());
        int rc = 0;
        for (; i < args.length; i++) {
            Optional<Path> real = real(c, labels, args[i]);
            if (real.isEmpty() || !Files.exists(real.get(), LinkOption.NOFOLLOW_LINKS)) {
                if (!ignoreMissing) {
                    c.err().println("restorecon: lstat(" + absolute(args[i]) + ") failed: No such file or directory");
                    rc = 255;
                }
                continue;
            }
            try {
                if (recurse) {
                    walk(real.get(), r::apply);
                } else {
                    r.apply(real.get());
                }
            } catch (UncheckedIOException e) {
                c.err().println("restorecon: Could not set context for " + labels.policyPath(real.get()).orElse(args[i])
                        + ":  " + e.getCause().getMessage());
                rc = 255;
            }
        }
        return rc;
    }

    /** One restorecon pass over a file, with libselinux's rules and messages. */
    private record Relabel(SelinuxCli.Context c, EmulatedLabels labels, FileContexts fc, boolean verbose,
                           boolean force, boolean dryRun, Flavor flavor) {
        void apply(Path real) {
            String path = labels.policyPath(real).orElseThrow();
            FileKind kind = FileKind.of(LabelView.classOf(real));
            Optional<SecurityContext> wanted = fc.match(path, kind).flatMap(FileContextSpec::context);
            if (wanted.isEmpty()) {
                return; // <<none>>: leave it
            }
            List<EmulatedLabels.Effective> chain = labels.effectiveChain(real);
            SecurityContext current = chain.get(chain.size() - 1).object().context();
            SecurityContext target = wanted.get();
            if (current.equals(target)) {
                return;
            }
            if (!force && Types.CUSTOMIZABLE.contains(current.type())) {
                if (verbose) {
                    c.out().println(path + " not reset as customized by admin to " + current);
                }
                return;
            }
            if (!force) {
                // without -F only the type changes; user, role and range stay
                if (current.type().equals(target.type())) {
                    return;
                }
                target = current.withType(target.type());
            }
            if (!dryRun) {
                labels.setLabel(real, target);
            }
            if (verbose) {
                if (flavor == Flavor.RHEL7) {
                    c.out().println("restorecon reset " + path + " context " + current + "->" + target);
                } else {
                    c.out().println((dryRun ? "Would relabel " : "Relabeled ") + path + " from " + current + " to " + target);
                }
            }
        }
    }

    /** Pre-order, without following symbolic links, in name order. */
    private static void walk(Path p, java.util.function.Consumer<Path> action) {
        action.accept(p);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(p)) {
                for (Path child : children.sorted().toList()) {
                    walk(child, action);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static int chcon(SelinuxCli.Context c, String[] args) {
        boolean recurse = false;
        boolean verbose = false;
        String type = null;
        String user = null;
        String role = null;
        String range = null;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-R", "--recursive" -> recurse = true;
                case "-v", "--verbose" -> verbose = true;
                case "-h", "--no-dereference" -> {
                    // labels are never followed through links here
                }
                case "-t", "--type" -> type = i + 1 < args.length ? args[++i] : null;
                case "-u", "--user" -> user = i + 1 < args.length ? args[++i] : null;
                case "-r", "--role" -> role = i + 1 < args.length ? args[++i] : null;
                case "-l", "--range" -> range = i + 1 < args.length ? args[++i] : null;
                default -> operands.add(a);
            }
        }
        boolean partial = type != null || user != null || role != null || range != null;
        if (operands.isEmpty() || (!partial && operands.size() < 2)) {
            c.err().println("chcon: missing operand");
            c.err().println("Try 'chcon --help' for more information.");
            return 1;
        }
        Optional<EmulatedStore> store = c.store("chcon");
        if (store.isEmpty()) {
            return 1;
        }
        SecurityContext full = null;
        if (!partial) {
            try {
                full = SecurityContext.parse(operands.remove(0));
            } catch (IllegalArgumentException e) {
                c.err().println("chcon: invalid context: " + e.getMessage());
                return 1;
            }
        }
        EmulatedLabels labels = c.labels(store.get());
        int rc = 0;
        for (String operand : operands) {
            Optional<Path> real = real(c, labels, operand);
            if (real.isEmpty() || !Files.exists(real.get(), LinkOption.NOFOLLOW_LINKS)) {
                c.err().println("chcon: cannot access '" + operand + "': No such file or directory");
                rc = 1;
                continue;
            }
            final SecurityContext fullContext = full;
            final String t = type;
            final String u = user;
            final String r = role;
            final String l = range;
            final boolean v = verbose;
            int[] status = {0};
            java.util.function.Consumer<Path> change = p -> {
                List<EmulatedLabels.Effective> chain = labels.effectiveChain(p);
                SecurityContext cur = chain.get(chain.size() - 1).object().context();
                SecurityContext next = fullContext != null ? fullContext : new SecurityContext(u != null ? u : cur.user(),
                        r != null ? r : cur.role(), t != null ? t : cur.type(), l != null ? l : cur.range());
                String shown = p.equals(real.get()) ? operand : labels.policyPath(p).orElse(p.toString());
                if (!Types.isKnownFileType(next.type())) {
                    c.err().println("chcon: failed to change context of '" + shown + "' to '" + next
                            + "': Invalid argument");
                    status[0] = 1;
                    return;
                }
                if (v) {
                    c.out().println("changing security context of '" + shown + "'");
                }
                labels.setLabel(p, next);
            };
            if (recurse) {
                walk(real.get(), change);
            } else {
                change.accept(real.get());
            }
            rc = Math.max(rc, status[0]);
        }
        return rc;
    }

    static int matchpathcon(SelinuxCli.Context c, String[] args) {
        if (args.length == 0) {
            c.err().println("usage:  matchpathcon [-V] [-N] [-n] [-m type] [-f file_contexts_file] [-p prefix] [-P policy_root_path] filepath...");
            return 1;
        }
        Optional<EmulatedStore> store = c.store("matchpathcon");
        if (store.isEmpty()) {
            return 1;
        }
        EmulatedLabels labels = c.labels(store.get());
        FileContexts fc = store.get().fileContexts();
        for (String a : args) {
            Path real = labels.realPath(absolute(a));
            FileKind kind = Files.exists(real, LinkOption.NOFOLLOW_LINKS) ? FileKind.of(LabelView.classOf(real)) : FileKind.ALL;
            String ctx = fc.lookup(absolute(a), kind).map(SecurityContext::toString).orElse("<<none>>");
            c.out().println(a + "\t" + ctx);
        }
        return 0;
    }

    static int getfilecon(SelinuxCli.Context c, String[] args) {
        if (args.length == 0) {
            c.err().println("usage:  getfilecon path...");
            return 1;
        }
        Optional<EmulatedStore> store = c.store("getfilecon");
        if (store.isEmpty()) {
            return 1;
        }
        EmulatedLabels labels = c.labels(store.get());
        for (String a : args) {
            Optional<Path> real = real(c, labels, a);
            List<LabeledObject> chain = real.map(labels::chain).orElse(List.of());
            if (real.isEmpty() || chain.isEmpty()
                    || !chain.get(chain.size() - 1).path().equals(labels.policyPath(real.get()).orElse(""))) {
                c.err().println("getfilecon:  getfilecon(" + a + ") failed:  No such file or directory");
                return 1;
            }
            c.out().println(a + "\t" + chain.get(chain.size() - 1).context());
        }
        return 0;
    }

    /** A policy path (absolute) or a real path relative to the working directory, as a real path under the root. */
    private static Optional<Path> real(SelinuxCli.Context c, EmulatedLabels labels, String arg) {
        if (arg.startsWith("/")) {
            return Optional.of(labels.realPath(arg));
        }
        Path p = Path.of(arg).toAbsolutePath().normalize();
        return labels.policyPath(p).isPresent() ? Optional.of(p) : Optional.empty();
    }

    private static String absolute(String arg) {
        return arg.startsWith("/") ? Path.of(arg).normalize().toString() : Path.of(arg).toAbsolutePath().normalize().toString();
    }
}
