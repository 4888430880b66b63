package dev.jvsftpd.selinux;

import dev.jvsftpd.selinux.audit.AuditLog;
import dev.jvsftpd.selinux.policy.AvcRecord;
import dev.jvsftpd.selinux.policy.Check;
import dev.jvsftpd.selinux.policy.CheckPlanner;
import dev.jvsftpd.selinux.policy.Decision;
import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.LabeledObject;
import dev.jvsftpd.selinux.policy.ObjectClass;
import dev.jvsftpd.selinux.policy.Operation;
import dev.jvsftpd.selinux.policy.Perm;
import dev.jvsftpd.selinux.policy.PolicyState;
import dev.jvsftpd.selinux.policy.SelinuxPolicy;
import dev.jvsftpd.selinux.state.Activation;
import dev.jvsftpd.selinux.state.EmulatedLabels;
import dev.jvsftpd.selinux.state.EmulatedStore;
import dev.jvsftpd.selinux.state.HostLabels;
import dev.jvsftpd.selinux.state.HostSelinux;
import dev.jvsftpd.selinux.state.LabelView;
import dev.jvsftpd.selinux.state.SelinuxBackend;
import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ftpd_t's SELinux decisions for real paths: reads the current mode, booleans and labels (emulated or the
 * host's) at every call, so changes apply to the next operation of a running server; plans the kernel's
 * checks, decides, writes the AVC lines to the audit log. Call it after the vsftpd and Unix permission
 * checks (the kernel checks DAC first) and answer a denial with
 * {@link dev.jvsftpd.selinux.policy.VsftpdReplies#onDenied(String)}. Thread-safe.
 */
public final class SelinuxGuard {
    private static final Logger LOG = LoggerFactory.getLogger(SelinuxGuard.class);

    private final Activation activation;
    private final SelinuxBackend backend;
    private final LabelView labels;
    private final AuditLog audit;
    /** The permissions permissive mode has granted: the AVC caches them, so each is logged once. */
    private final Set<String> permissiveGrants = new HashSet<>();
    private PolicyState grantsState;
    private boolean labelWarning;

    private SelinuxGuard(Activation activation, SelinuxBackend backend, LabelView labels, AuditLog audit) {
        this.activation = activation;
        this.backend = backend;
        this.labels = labels;
        this.audit = audit;
    }

    /** Activation and locations from {@code JVSFTPD_SELINUX*} / {@code -Djvsftpd.selinux*}. */
    public static SelinuxGuard fromEnvironment() {
        return create(SelinuxSettings.fromEnvironment());
    }

    public static SelinuxGuard create(SelinuxSettings s) {
        return switch (s.activation()) {
            case INACTIVE -> inactive();
            case EMULATE -> {
                EmulatedStore store = new EmulatedStore(s.stateDir(), s.flavor());
                store.boot();
                yield new SelinuxGuard(Activation.EMULATE, store, new EmulatedLabels(s.root(), store::fileContexts),
                        new AuditLog(s.auditLog()));
            }
            case HOST -> new SelinuxGuard(Activation.HOST, new HostSelinux(s.selinuxfs(), s.etcSelinux(), s.flavor()),
                    new HostLabels(s.root()), new AuditLog(s.auditLog()));
        };
    }

    /** Stock vsftpd: every operation allowed, nothing logged. */
    public static SelinuxGuard inactive() {
        return new SelinuxGuard(Activation.INACTIVE, null, null, null);
    }

    public Activation activation() {
        return activation;
    }

    public boolean active() {
        return activation != Activation.INACTIVE;
    }

    public Optional<SelinuxBackend> backend() {
        return Optional.ofNullable(backend);
    }

    public Optional<Path> auditLog() {
        return Optional.ofNullable(audit).map(AuditLog::file);
    }

    /**
     * Decides a file operation on {@code target}: the object read, written, listed, removed, or — for
     * CREATE and MKDIR — the path about to be created. WRITE or APPEND on a missing file is a CREATE; CREATE
     * on an existing file is a WRITE. For RENAME use {@link #checkRename}, for ports {@link #checkPort}.
     */
    public Decision check(Operation op, Path target) {
        if (!active()) {
            return Decision.ALLOWED;
        }
        PolicyState state = backend.policyState();
        Path t = target.toAbsolutePath().normalize();
        if (state.mode() == EnforceMode.DISABLED || labels.policyPath(t).isEmpty()) {
            return Decision.ALLOWED;
        }
        String path = labels.policyPath(t).orElseThrow();
        List<LabeledObject> chain = labels.chain(t);
        boolean exists = !chain.isEmpty() && chain.get(chain.size() - 1).path().equals(path);
        Operation o = op;
        if (o == Operation.CREATE && exists) {
            o = Operation.WRITE;
        } else if ((o == Operation.WRITE || o == Operation.APPEND) && !exists) {
            o = Operation.CREATE;
        }
        List<Check> checks;
        if (o == Operation.CREATE || o == Operation.MKDIR) {
            // mkdir over an existing name fails with EEXIST once the lookup is done
            checks = exists ? CheckPlanner.lookup(chain.subList(0, chain.size() - 1))
                    : planCreate(t, path, chain, o == Operation.MKDIR ? ObjectClass.DIR : ObjectClass.FILE);
        } else if (!exists) {
            // the system call fails with ENOENT after searching what exists: only the searches can be denied
            checks = CheckPlanner.lookup(chain);
        } else {
            LabeledObject object = chain.get(chain.size() - 1);
            List<LabeledObject> ancestors = chain.subList(0, chain.size() - 1);
            checks = switch (o) {
                case CHDIR -> CheckPlanner.chdir(ancestors, object);
                case LIST -> object.cls() == ObjectClass.DIR ? CheckPlanner.list(ancestors, object)
                        : CheckPlanner.stat(ancestors, object);
                case STAT -> CheckPlanner.stat(ancestors, object);
                case READ -> CheckPlanner.read(ancestors, object);
                case WRITE -> CheckPlanner.write(ancestors, object, false);
                case APPEND -> CheckPlanner.write(ancestors, object, true);
                case DELETE, RMDIR -> ancestors.isEmpty() ? List.of()
                        : CheckPlanner.remove(ancestors, ancestors.get(ancestors.size() - 1), object);
                case SETATTR -> CheckPlanner.setattr(ancestors, object);
                default -> throw new IllegalArgumentException(o + " is not a file operation on one path");
            };
        }
        return decide(o, path, checks, state);
    }

    private List<Check> planCreate(Path t, String path, List<LabeledObject> chain, ObjectClass cls) {
        String parentPath = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        if (chain.isEmpty() || !chain.get(chain.size() - 1).path().equals(parentPath)) {
            return CheckPlanner.lookup(chain);
        }
        LabeledObject created = LabeledObject.planned(path, cls, labels.labelForNew(t, cls));
        return CheckPlanner.create(chain, chain.get(chain.size() - 1), created);
    }

    /** RNFR/RNTO of {@code from} to {@code to} (replacing {@code to} if it exists). */
    public Decision checkRename(Path from, Path to) {
        if (!active()) {
            return Decision.ALLOWED;
        }
        PolicyState state = backend.policyState();
        Path f = from.toAbsolutePath().normalize();
        Path t = to.toAbsolutePath().normalize();
        Optional<String> fromPath = labels.policyPath(f);
        Optional<String> toPath = labels.policyPath(t);
        if (state.mode() == EnforceMode.DISABLED || fromPath.isEmpty() || toPath.isEmpty()) {
            return Decision.ALLOWED;
        }
        List<LabeledObject> fromChain = labels.chain(f);
        List<LabeledObject> toParentChain = labels.chain(t.getParent());
        List<LabeledObject> toChain = labels.chain(t);
        boolean fromExists = !fromChain.isEmpty() && fromChain.get(fromChain.size() - 1).path().equals(fromPath.get());
        String toParentPath = toPath.get().substring(0, Math.max(1, toPath.get().lastIndexOf('/')));
        boolean toParentExists = !toParentChain.isEmpty()
                && toParentChain.get(toParentChain.size() - 1).path().equals(toParentPath);
        if (!fromExists || !toParentExists || fromChain.size() < 2) {
            return decide(Operation.RENAME, fromPath.get(), List.of(), state);
        }
        Optional<LabeledObject> replaced = !toChain.isEmpty()
                && toChain.get(toChain.size() - 1).path().equals(toPath.get())
                ? Optional.of(toChain.get(toChain.size() - 1)) : Optional.empty();
        LabeledObject object = fromChain.get(fromChain.size() - 1);
        List<LabeledObject> fromAncestors = fromChain.subList(0, fromChain.size() - 1);
        List<Check> checks = CheckPlanner.rename(fromAncestors, fromAncestors.get(fromAncestors.size() - 1), object,
                toParentChain, toParentChain.get(toParentChain.size() - 1), toPath.get(), replaced);
        Decision d = decide(Operation.RENAME, fromPath.get(), checks, state);
        if (d.allowed()) {
            guardLabels(() -> labels.pin(f));
        }
        return d;
    }

    /** PASV_BIND (the port a PASV/EPSV would listen on) or ACTIVE_CONNECT (the client's PORT/EPRT port). */
    public Decision checkPort(Operation op, int port) {
        if (!active()) {
            return Decision.ALLOWED;
        }
        PolicyState state = backend.policyState();
        List<Check> checks = switch (op) {
            case PASV_BIND -> CheckPlanner.bind(port);
            case ACTIVE_CONNECT -> CheckPlanner.connect(port);
            default -> throw new IllegalArgumentException(op + " is not a port operation");
        };
        return decide(op, "port " + port, checks, state);
    }

    /**
     * Labels an object the server has just created (STOR, STOU, APPE of a new file, MKD) as the kernel would:
     * its parent's type, or a home-directory transition. Only the emulation stores labels; on a real SELinux
     * host the kernel has done it.
     */
    public void created(Path path) {
        if (activation == Activation.EMULATE && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            guardLabels(() -> labels.created(path.toAbsolutePath().normalize(), LabelView.classOf(path)));
        }
    }

    /** The state a decision uses right now (mode, active booleans, permissive domain); empty when inactive. */
    public Optional<PolicyState> policyState() {
        return active() ? Optional.of(backend.policyState()) : Optional.empty();
    }

    private Decision decide(Operation op, String what, List<Check> checks, PolicyState state) {
        Decision d = SelinuxPolicy.evaluate(checks, state);
        List<AvcRecord> records = state.permissive() ? notYetGranted(d.records(), state) : d.records();
        if (!records.isEmpty()) {
            List<String> lines = audit.append(records);
            for (String line : lines) {
                if (d.allowed()) {
                    LOG.info("SELinux {} {} logged (permissive): {}", op, what, line);
                } else {
                    LOG.warn("SELinux denied {} {}: {}", op, what, line);
                }
            }
        } else if (d.denied()) {
            LOG.debug("SELinux denied {} {} without an audit record (dontaudit)", op, what);
        }
        return new Decision(d.allowed(), records);
    }

    /** Permissive mode logs a denied permission once, until booleans or the mode change (an AVC flush). */
    private synchronized List<AvcRecord> notYetGranted(List<AvcRecord> records, PolicyState state) {
        if (!Objects.equals(state, grantsState)) {
            permissiveGrants.clear();
            grantsState = state;
        }
        List<AvcRecord> fresh = new ArrayList<>();
        for (AvcRecord r : records) {
            List<Perm> perms = r.perms().stream()
                    .filter(p -> permissiveGrants.add(r.tcontext() + "|" + r.tclass() + "|" + p)).toList();
            if (!perms.isEmpty()) {
                fresh.add(new AvcRecord(perms, r.scontext(), r.tcontext(), r.tclass(), r.audit(), r.permissive(),
                        r.printPermissive()));
            }
        }
        return fresh;
    }

    private void guardLabels(Runnable labelling) {
        try {
            labelling.run();
        } catch (UncheckedIOException e) {
            synchronized (this) {
                if (!labelWarning) {
                    labelWarning = true;
                    LOG.warn("SELinux emulation cannot store labels (user.{} attribute): {}; labels of new files"
                            + " are computed instead", EmulatedLabels.ATTRIBUTE, e.getMessage());
                }
            }
        }
    }
}
