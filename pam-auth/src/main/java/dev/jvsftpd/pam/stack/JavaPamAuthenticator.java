package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.Backend;
import dev.jvsftpd.pam.PamAuthenticator;
import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.PamOptions;
import dev.jvsftpd.pam.PamRequest;
import dev.jvsftpd.pam.PamResult;
import dev.jvsftpd.pam.PamSession;
import dev.jvsftpd.pam.PamStep;
import dev.jvsftpd.pam.SystemUsers;
import dev.jvsftpd.pam.crypt.Crypt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java interpreter of pam.d: the same call sequence as {@code LibPamAuthenticator}, with the
 * stack read and combined as libpam 1.5.2 does and the common modules built in (pam_permit,
 * pam_deny, pam_listfile, pam_shells, pam_nologin, pam_succeed_if, pam_unix, pam_userdb,
 * pam_pwdfile). Any other module is PAM_MODULE_UNKNOWN, like a .so that is not installed.
 */
public final class JavaPamAuthenticator implements PamAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JavaPamAuthenticator.class);
    private static final int PAM_ESTABLISH_CRED = 0x0002;
    private static final int PAM_DELETE_CRED = 0x0004;

    private final PamOptions options;
    private final String whyNotLibpam;
    private final SystemUsers users;
    private final Crypt crypt;

    /** @param whyNotLibpam why libpam is not used, for the startup line; null when the Java backend was asked for */
    public JavaPamAuthenticator(PamOptions options, String whyNotLibpam) {
        this(options, whyNotLibpam, SystemUsers.of(options.files()), Crypt.system());
    }

    /** With a chosen crypt implementation: tests run the pure-Java hashes this way. */
    public JavaPamAuthenticator(PamOptions options, String whyNotLibpam, SystemUsers users, Crypt crypt) {
        this.options = options;
        this.whyNotLibpam = whyNotLibpam;
        this.users = users;
        this.crypt = crypt;
    }

    @Override
    public Backend backend() {
        return Backend.JAVA;
    }

    @Override
    public PamOptions options() {
        return options;
    }

    @Override
    public String description() {
        return "PAM backend: Java interpreter of " + (options.confDir() == null ? "/etc/pam.d" : options.confDir())
                + " (" + options.dialect().name().toLowerCase(java.util.Locale.ROOT) + " rules; built-in modules "
                + String.join(", ", Modules.names()) + "; password hashes by " + crypt.description()
                + "; users from " + users.description() + ")"
                + (whyNotLibpam != null ? " because " + whyNotLibpam : "")
                + (options.sessionSupport() ? ", sessions opened" : "");
    }

    @Override
    public PamResult authenticate(PamRequest request) {
        LoadedStack stack = StackLoader.load(request.service(), options.confDir(), options.dialect());
        if (stack.aborted()) {
            logProblems(request, stack.problems());
            return PamResult.failure(request.user(), PamStep.START, PamCode.ABORT, List.of(), Duration.ZERO,
                    "pam_start returned " + PamCode.ABORT + ": " + stack.abortReason());
        }
        Run run = new Run(request, stack);
        Dispatcher.Outcome auth = run.call(ModuleType.AUTH, ServiceFunction.AUTHENTICATE, 0, false);
        run.tx.forgetAuthtok();
        Duration owed = Duration.ZERO;
        if (auth.code() != PamCode.SUCCESS && run.tx.failDelayUsec() > 0) {
            owed = randomized(run.tx.failDelayUsec());
            if (options.failDelay() == PamOptions.FailDelay.SLEEP) {
                sleep(owed);
                owed = Duration.ZERO;
            }
        }
        if (auth.code() != PamCode.SUCCESS) {
            return run.fail(PamStep.AUTHENTICATE, auth, owed);
        }
        String pamUser = run.tx.user();
        Dispatcher.Outcome acct = run.call(ModuleType.ACCOUNT, ServiceFunction.ACCT_MGMT, 0, false);
        if (acct.code() != PamCode.SUCCESS) {
            return run.fail(PamStep.ACCT_MGMT, acct, Duration.ZERO);
        }
        Dispatcher.Outcome cred = run.call(ModuleType.AUTH, ServiceFunction.SETCRED, PAM_ESTABLISH_CRED, true);
        if (cred.code() != PamCode.SUCCESS) {
            return run.fail(PamStep.SETCRED, cred, Duration.ZERO);
        }
        if (!options.sessionSupport()) {
            return PamResult.success(pamUser, run.tx.conversation(), null);
        }
        Dispatcher.Outcome open = run.call(ModuleType.SESSION, ServiceFunction.OPEN_SESSION, 0, false);
        if (open.code() != PamCode.SUCCESS) {
            run.call(ModuleType.AUTH, ServiceFunction.SETCRED, PAM_DELETE_CRED, true);
            return run.fail(PamStep.OPEN_SESSION, open, Duration.ZERO);
        }
        return PamResult.success(pamUser, run.tx.conversation(), new Session(run, pamUser));
    }

    /** libpam's randomized delay: the requested time scaled by 0.5 to 1.5, most often near 1. */
    private static Duration randomized(long usec) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        double mean = (r.nextDouble() + r.nextDouble() + r.nextDouble()) / 3.0;
        return Duration.ofNanos((long) (usec * (1.0 + mean - 0.5)) * 1000L);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logProblems(PamRequest request, List<ConfigProblem> problems) {
        for (ConfigProblem p : problems) {
            if (p.harmless()) {
                continue;
            }
            LOG.warn("PAM configuration: {} (login of '{}' through service '{}' refused)", p, request.user(),
                    request.service());
        }
    }

    /** One PAM handle's worth of state. */
    private final class Run {
        final Transaction tx;
        final LoadedStack stack;
        final Map<List<Handler>, int[]> caches = new IdentityHashMap<>();
        final List<ConfigProblem> missing = new ArrayList<>();
        final PamRequest request;

        Run(PamRequest request, LoadedStack stack) {
            this.request = request;
            this.stack = stack;
            this.tx = new Transaction(StackLoader.serviceName(request.service()), request.user(), request.rhost(),
                    request.tty(), request.ruser(), request.password(), users, options.files(), crypt);
        }

        Dispatcher.Outcome call(ModuleType type, ServiceFunction fn, int flags, boolean frozen) {
            List<Handler> chain = stack.chain(type);
            int[] cache = caches.computeIfAbsent(chain, c -> {
                int[] a = new int[c.size()];
                java.util.Arrays.fill(a, Dispatcher.NOT_RUN);
                return a;
            });
            return Dispatcher.dispatch(chain, frozen, cache, options.dialect(), h -> invoke(h, fn, flags));
        }

        private PamCode invoke(Handler h, ServiceFunction fn, int flags) {
            java.util.Optional<PamModule> module = Modules.forPath(h.modulePath());
            if (module.isEmpty()) {
                boolean harmless = h.actions()[PamCode.MODULE_UNKNOWN.value()] == Actions.IGNORE;
                ConfigProblem p = new ConfigProblem(h.source().file(), h.source().line(), "module "
                        + h.modulePath() + " is not built into the Java PAM interpreter: PAM_MODULE_UNKNOWN", harmless);
                if (!missing.contains(p)) {
                    missing.add(p);
                }
                return PamCode.MODULE_UNKNOWN;
            }
            if (!module.get().functions().contains(fn)) {
                return PamCode.MODULE_UNKNOWN;
            }
            try {
                return module.get().call(fn, new ModuleCall(tx, h.args(), flags));
            } catch (RuntimeException e) {
                LOG.warn("PAM module {} at {} failed: {}", h.moduleName(), h.source().where(), e.toString());
                return PamCode.SYSTEM_ERR;
            }
        }

        PamResult fail(PamStep step, Dispatcher.Outcome outcome, Duration owed) {
            List<ConfigProblem> all = new ArrayList<>(stack.problems());
            all.addAll(missing);
            logProblems(request, all);
            String decided = outcome.decidedBy() != null ? ", decided by " + outcome.decidedBy().describe()
                    : stack.chain(typeOf(step)).isEmpty() ? ", no lines for this call" : "";
            return PamResult.failure(tx.user(), step, outcome.code(), tx.conversation(), owed,
                    step.function() + " returned " + outcome.code() + decided);
        }

        private ModuleType typeOf(PamStep step) {
            switch (step) {
                case ACCT_MGMT:
                    return ModuleType.ACCOUNT;
                case OPEN_SESSION:
                    return ModuleType.SESSION;
                default:
                    return ModuleType.AUTH;
            }
        }
    }

    private static final class Session implements PamSession {
        private Run run;
        private final String user;

        Session(Run run, String user) {
            this.run = run;
            this.user = user;
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public synchronized void close() {
            if (run == null) {
                return;
            }
            run.call(ModuleType.SESSION, ServiceFunction.CLOSE_SESSION, 0, true);
            run.call(ModuleType.AUTH, ServiceFunction.SETCRED, PAM_DELETE_CRED, true);
            run = null;
        }
    }
}
