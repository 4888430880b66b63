package dev.jvsftpd.selinux.cli;

import dev.jvsftpd.selinux.audit.Audit2Why;
import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.Flavor;
import dev.jvsftpd.selinux.state.Activation;
import dev.jvsftpd.selinux.state.EmulatedLabels;
import dev.jvsftpd.selinux.state.EmulatedStore;
import dev.jvsftpd.selinux.state.HostSelinux;
import dev.jvsftpd.selinux.state.SelinuxBackend;
import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code jvsftpd-selinux}: the SELinux administration commands an ftp admin uses, with the real tools'
 * arguments, output and exit codes, under one program so nothing collides with a real SELinux install.
 * <pre>
 * jvsftpd-selinux getsebool -a | NAME...
 * jvsftpd-selinux setsebool [-PNV] NAME on|off | NAME=VALUE...
 * jvsftpd-selinux getenforce
 * jvsftpd-selinux setenforce Enforcing|Permissive|1|0
 * jvsftpd-selinux semanage fcontext -a|-m -t TYPE [-f FTYPE] SPEC | -a -e TARGET PATH | -d [-f FTYPE] SPEC | -l [-C] [-n]
 * jvsftpd-selinux semanage boolean -l [-C] [-n] | -m --on|--off NAME
 * jvsftpd-selinux semanage permissive -a|-d DOMAIN | -l
 * jvsftpd-selinux restorecon [-R] [-v] [-F] [-n] [-i] PATH...
 * jvsftpd-selinux chcon [-R] [-v] -t TYPE PATH... | CONTEXT PATH...
 * jvsftpd-selinux matchpathcon PATH...
 * jvsftpd-selinux getfilecon PATH...
 * jvsftpd-selinux audit2why [-a | -i FILE]
 * jvsftpd-selinux reboot
 * </pre>
 * Settings come from the same {@code JVSFTPD_SELINUX*} variables as the server, so both see one state.
 * On a real SELinux host ({@code host} activation) the reading commands read the host and the changing
 * ones send the admin to the system's own tools.
 */
public final class SelinuxCli {
    private SelinuxCli() {
    }

    public static void main(String[] args) {
        int rc;
        try {
            rc = run(args, SelinuxSettings.fromEnvironment(), System.out, System.err, System.in);
        } catch (IllegalArgumentException e) {
            System.err.println("jvsftpd-selinux: " + e.getMessage());
            rc = 1;
        }
        System.out.flush();
        System.exit(rc & 0xff);
    }

    /** Runs one command; returns the exit status the real tool would (-1 shows as 255). */
    public static int run(String[] args, SelinuxSettings settings, PrintStream out, PrintStream err, InputStream in) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            err.println(USAGE);
            return args.length == 0 ? 1 : 0;
        }
        Context c = Context.of(settings, out, err, in);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "getsebool" -> Booleans.getsebool(c, rest);
                case "setsebool" -> Booleans.setsebool(c, rest);
                case "getenforce" -> getenforce(c);
                case "setenforce" -> setenforce(c, rest);
                case "semanage" -> Semanage.run(c, rest);
                case "restorecon" -> Labels.restorecon(c, rest);
                case "chcon" -> Labels.chcon(c, rest);
                case "matchpathcon" -> Labels.matchpathcon(c, rest);
                case "getfilecon" -> Labels.getfilecon(c, rest);
                case "audit2why" -> audit2why(c, rest);
                case "reboot" -> reboot(c);
                default -> {
                    err.println("jvsftpd-selinux: unknown command '" + args[0] + "'");
                    err.println(USAGE);
                    yield 1;
                }
            };
        } catch (UncheckedIOException e) {
            err.println("jvsftpd-selinux: " + e.getMessage());
            return 1;
        }
    }

    static final String USAGE = String.join("\n",
            "usage: jvsftpd-selinux COMMAND [ARGS]",
            "  getsebool -a | NAME...",
            "  setsebool [-PNV] NAME on|off | NAME=VALUE...",
            "  getenforce",
            "  setenforce Enforcing|Permissive|1|0",
            "  semanage fcontext -a|-m -t TYPE [-f FTYPE] SPEC | -a -e TARGET PATH | -d [-f FTYPE] SPEC | -l [-C] [-n]",
            "  semanage boolean -l [-C] [-n] | -m --on|--off NAME",
            "  semanage permissive -a|-d DOMAIN | -l",
            "  restorecon [-R] [-v] [-F] [-n] [-i] PATH...",
            "  chcon [-R] [-v] -t TYPE PATH... | CONTEXT PATH...",
            "  matchpathcon PATH...",
            "  getfilecon PATH...",
            "  audit2why [-a | -i FILE]",
            "  reboot",
            "Settings: JVSFTPD_SELINUX=emulate|host|off|auto, JVSFTPD_SELINUX_STATE, JVSFTPD_SELINUX_ROOT,",
            "JVSFTPD_SELINUX_AUDIT_LOG, JVSFTPD_SELINUX_POLICY=rhel9|rhel8|rhel7");

    /** What every command needs: the settings, the streams, and the backend the activation selects. */
    record Context(SelinuxSettings settings, PrintStream out, PrintStream err, InputStream in, Activation activation,
                   Optional<SelinuxBackend> backend) {

        static Context of(SelinuxSettings s, PrintStream out, PrintStream err, InputStream in) {
            Activation a = s.activation();
            Optional<SelinuxBackend> backend = switch (a) {
                case INACTIVE -> Optional.empty();
                case EMULATE -> {
                    EmulatedStore store = new EmulatedStore(s.stateDir(), s.flavor());
                    store.boot();
                    yield Optional.of(store);
                }
                case HOST -> Optional.of(new HostSelinux(s.selinuxfs(), s.etcSelinux(), s.flavor()));
            };
            return new Context(s, out, err, in, a, backend);
        }

        EnforceMode mode() {
            return backend.map(SelinuxBackend::mode).orElse(EnforceMode.DISABLED);
        }

        Flavor flavor() {
            return settings.flavor();
        }

        /** The emulation's store, or a message telling why this command cannot change anything here. */
        Optional<EmulatedStore> store(String command) {
            if (activation == Activation.EMULATE) {
                return backend.map(EmulatedStore.class::cast);
            }
            if (activation == Activation.HOST) {
                err.println("jvsftpd-selinux: SELinux is managed by this host; use the system's " + command);
            } else {
                err.println("jvsftpd-selinux: SELinux is not active here; set JVSFTPD_SELINUX=emulate to use"
                        + " the emulation");
            }
            return Optional.empty();
        }

        EmulatedLabels labels(EmulatedStore store) {
            return new EmulatedLabels(settings.root(), store::fileContexts);
        }
    }

    static int getenforce(Context c) {
        c.out().println(c.mode().getenforce());
        return 0;
    }

    static int setenforce(Context c, String[] args) {
        if (args.length != 1) {
            c.err().println("usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]");
            return 1;
        }
        if (c.mode() == EnforceMode.DISABLED) {
            c.err().println("setenforce: SELinux is disabled");
            return 1;
        }
        String v = args[0];
        Boolean enforcing = v.equals("1") ? Boolean.TRUE : v.equals("0") ? Boolean.FALSE
                : v.equalsIgnoreCase("enforcing") ? Boolean.TRUE : v.equalsIgnoreCase("permissive") ? Boolean.FALSE : null;
        if (enforcing == null) {
            c.err().println("usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]");
            return 1;
        }
        Optional<EmulatedStore> store = c.store("setenforce");
        if (store.isEmpty()) {
            return 1;
        }
        store.get().setEnforce(enforcing);
        return 0;
    }

    static int audit2why(Context c, String[] args) {
        List<String> lines;
        try {
            if (args.length == 0 || (args.length == 1 && args[0].equals("-a"))) {
                lines = readLines(c.settings().auditLog());
            } else if (args.length == 2 && args[0].equals("-i")) {
                lines = args[1].equals("-") ? new String(c.in().readAllBytes(), StandardCharsets.UTF_8).lines().toList()
                        : readLines(Path.of(args[1]));
            } else {
                c.err().println("usage: audit2why [-a | -i FILE]");
                return 2;
            }
        } catch (IOException e) {
            c.out().println(e.getMessage());
            return 1;
        }
        if (c.backend().isEmpty() || c.mode() == EnforceMode.DISABLED) {
            c.err().println("audit2why: SELinux is disabled");
            return 1;
        }
        Optional<String> text = new Audit2Why(c.backend().get().policyState()).explain(lines);
        if (text.isEmpty()) {
            c.err().println("Nothing to do");
            return 0;
        }
        c.out().print(text.get());
        return 0;
    }

    private static List<String> readLines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    static int reboot(Context c) {
        Optional<EmulatedStore> store = c.store("reboot");
        if (store.isEmpty()) {
            return 1;
        }
        store.get().reboot();
        return 0;
    }
}
