package dev.jvsftpd.pam.libpam;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.jvsftpd.pam.Backend;
import dev.jvsftpd.pam.Dialect;
import dev.jvsftpd.pam.stack.ConfigProblem;
import dev.jvsftpd.pam.stack.PamConfigCheck;
import dev.jvsftpd.pam.ConversationAnswer;
import dev.jvsftpd.pam.PamAuthenticator;
import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.PamMessage;
import dev.jvsftpd.pam.PamOptions;
import dev.jvsftpd.pam.PamRequest;
import dev.jvsftpd.pam.PamResult;
import dev.jvsftpd.pam.PamSession;
import dev.jvsftpd.pam.PamStep;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real PAM: libpam.so.0 through JNA, making exactly vsftpd's calls (reference B.1). Every
 * module the system has works as it does for vsftpd, because it is the same code.
 */
public final class LibPamAuthenticator implements PamAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(LibPamAuthenticator.class);
    private static final int PAM_SUCCESS = 0;
    private static final int PAM_CONV_ERR = PamCode.CONV_ERR.value();

    private final LibPam pam;
    private final LibPam.LibC libc;
    private final PamOptions options;

    private LibPamAuthenticator(LibPam pam, LibPam.LibC libc, PamOptions options) {
        this.pam = pam;
        this.libc = libc;
        this.options = options;
    }

    /** The libpam backend, or why it cannot be had on this JVM. */
    public static Optional<LibPamAuthenticator> load(PamOptions options, StringBuilder whyNot) {
        try {
            return Optional.of(new LibPamAuthenticator(LibPam.load(), LibPam.libc(), options));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            whyNot.append(LibPam.SONAME).append(" cannot be loaded: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Backend backend() {
        return Backend.LIBPAM;
    }

    @Override
    public PamOptions options() {
        return options;
    }

    @Override
    public String description() {
        return "PAM backend: libpam (" + LibPam.SONAME + " through JNA), configuration "
                + (options.confDir() == null ? "/etc/pam.d" : options.confDir() + " (pam_start_confdir)")
                + (options.sessionSupport() ? ", sessions opened" : "");
    }

    @Override
    public PamResult authenticate(PamRequest request) {
        if (options.dialect() == Dialect.DEBIAN) {
            // Debian's libpam dereferences NULL on a bare "@include": the whole JVM would die
            Optional<ConfigProblem> crasher = PamConfigCheck.crasher(request.service(), options);
            if (crasher.isPresent()) {
                LOG.warn("PAM configuration: {} (login of '{}' through service '{}' refused without calling libpam)",
                        crasher.get(), request.user(), request.service());
                return PamResult.failure(request.user(), PamStep.START, PamCode.ABORT, List.of(), Duration.ZERO,
                        "not calling pam_start: " + crasher.get());
            }
        }
        Conversation conv = new Conversation(request.password());
        LibPam.PamConv pamConv = new LibPam.PamConv(conv);
        DelayRecorder delay = new DelayRecorder();
        PointerByReference handleRef = new PointerByReference();
        int rc;
        try {
            rc = options.confDir() == null
                    ? pam.pam_start(request.service(), request.user(), pamConv, handleRef)
                    : pam.pam_start_confdir(request.service(), request.user(), pamConv,
                            options.confDir().toString(), handleRef);
        } catch (UnsatisfiedLinkError e) {
            return PamResult.failure(request.user(), PamStep.START, PamCode.ABORT, List.of(), Duration.ZERO,
                    "pam_start_confdir is missing from this libpam (Linux-PAM before 1.4): " + e.getMessage());
        }
        if (rc != PAM_SUCCESS) {
            // libpam has already freed the handle
            conv.wipe();
            return fail(request.user(), PamStep.START, rc, conv, delay, request);
        }
        Pointer pamh = handleRef.getValue();
        boolean keepOpen = false;
        try {
            if ((rc = setItems(pamh, request)) != PAM_SUCCESS) {
                return fail(request.user(), PamStep.START, rc, conv, delay, request);
            }
            if (options.failDelay() == PamOptions.FailDelay.REPORT
                    && (rc = pam.pam_set_item(pamh, LibPam.PAM_FAIL_DELAY, delay)) != PAM_SUCCESS) {
                return fail(request.user(), PamStep.START, rc, conv, delay, request);
            }
            rc = pam.pam_authenticate(pamh, 0);
            if (rc != PAM_SUCCESS) {
                return fail(request.user(), PamStep.AUTHENTICATE, rc, conv, delay, request);
            }
            String pamUser = pamUser(pamh).orElse(request.user());
            if ((rc = pam.pam_acct_mgmt(pamh, 0)) != PAM_SUCCESS) {
                return fail(pamUser, PamStep.ACCT_MGMT, rc, conv, delay, request);
            }
            if ((rc = pam.pam_setcred(pamh, LibPam.PAM_ESTABLISH_CRED)) != PAM_SUCCESS) {
                return fail(pamUser, PamStep.SETCRED, rc, conv, delay, request);
            }
            if (!options.sessionSupport()) {
                return PamResult.success(pamUser, conv.messages(), null);
            }
            if ((rc = pam.pam_open_session(pamh, 0)) != PAM_SUCCESS) {
                pam.pam_setcred(pamh, LibPam.PAM_DELETE_CRED);
                return fail(pamUser, PamStep.OPEN_SESSION, rc, conv, delay, request);
            }
            keepOpen = true;
            return PamResult.success(pamUser, conv.messages(), new Session(pamh, pamUser, pamConv, conv, delay));
        } finally {
            if (!keepOpen) {
                pam.pam_end(pamh, rc);
            }
            conv.wipe();
            // libpam holds pointers to these callbacks until pam_end
            java.lang.ref.Reference.reachabilityFence(pamConv);
            java.lang.ref.Reference.reachabilityFence(delay);
        }
    }

    private int setItems(Pointer pamh, PamRequest request) {
        int rc = PAM_SUCCESS;
        if (request.rhost() != null) {
            rc = pam.pam_set_item(pamh, LibPam.PAM_RHOST, request.rhost());
        }
        if (rc == PAM_SUCCESS && request.tty() != null) {
            rc = pam.pam_set_item(pamh, LibPam.PAM_TTY, request.tty());
        }
        if (rc == PAM_SUCCESS && request.ruser() != null) {
            rc = pam.pam_set_item(pamh, LibPam.PAM_RUSER, request.ruser());
        }
        return rc;
    }

    private Optional<String> pamUser(Pointer pamh) {
        PointerByReference item = new PointerByReference();
        if (pam.pam_get_item(pamh, LibPam.PAM_USER, item) != PAM_SUCCESS || item.getValue() == null) {
            return Optional.empty();
        }
        return Optional.of(item.getValue().getString(0, StandardCharsets.UTF_8.name()));
    }

    private PamResult fail(String user, PamStep step, int rc, Conversation conv, DelayRecorder delay,
                           PamRequest request) {
        PamCode code = rc >= 0 && rc < PamCode.values().length ? PamCode.of(rc) : PamCode.SYSTEM_ERR;
        // libpam says why only in syslog; name the configuration's mistakes, file and line, here
        for (ConfigProblem p : check(request.service())) {
            if (p.harmless()) {
                continue;
            }
            LOG.warn("PAM configuration: {} (login of '{}' through service '{}' refused)", p, request.user(),
                    request.service());
        }
        Duration owed = step == PamStep.AUTHENTICATE ? delay.owed() : Duration.ZERO;
        return PamResult.failure(user, step, code, conv.messages(), owed,
                step.function() + " returned " + code);
    }

    /** vsftpd's conversation: the password to every echo-off prompt, nothing to texts, refusal otherwise. */
    private final class Conversation implements LibPam.ConvFunction {
        private final byte[] password;
        private final List<PamMessage> seen = new ArrayList<>();

        Conversation(String password) {
            byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
            this.password = Arrays.copyOf(bytes, bytes.length + 1);
        }

        synchronized List<PamMessage> messages() {
            return List.copyOf(seen);
        }

        /** Our copy of the password is not needed once authentication is over. */
        synchronized void wipe() {
            Arrays.fill(password, (byte) 0);
        }

        @Override
        public int invoke(int numMsg, Pointer msg, Pointer resp, Pointer appdata) {
            try {
                return answer(numMsg, msg, resp);
            } catch (RuntimeException | Error e) {
                // never let an exception unwind into C
                return PAM_CONV_ERR;
            }
        }

        private synchronized int answer(int numMsg, Pointer msg, Pointer resp) {
            if (numMsg <= 0 || msg == null || resp == null) {
                return PAM_CONV_ERR;
            }
            int ptr = Native.POINTER_SIZE;
            long responseSize = 2L * ptr; // struct pam_response { char *resp; int resp_retcode; }
            Pointer replies = libc.calloc(numMsg, responseSize);
            if (replies == null) {
                return PamCode.BUF_ERR.value();
            }
            for (int i = 0; i < numMsg; i++) {
                // Linux-PAM passes an array of pointers to struct pam_message { int msg_style; const char *msg; }
                Pointer m = msg.getPointer((long) i * ptr);
                PamMessage.Style style = PamMessage.Style.of(m.getInt(0));
                Pointer text = m.getPointer(ptr);
                seen.add(new PamMessage(style, text == null ? "" : text.getString(0, StandardCharsets.UTF_8.name())));
                switch (ConversationAnswer.to(style)) {
                    case PASSWORD:
                        Pointer copy = libc.strdup(password);
                        if (copy == null) {
                            freeReplies(replies, i);
                            return PamCode.BUF_ERR.value();
                        }
                        replies.setPointer(i * responseSize, copy);
                        break;
                    case NONE:
                        break;
                    default:
                        freeReplies(replies, i);
                        return PAM_CONV_ERR;
                }
            }
            resp.setPointer(0, replies);
            return PAM_SUCCESS;
        }

        private void freeReplies(Pointer replies, int filled) {
            long responseSize = 2L * Native.POINTER_SIZE;
            for (int j = 0; j < filled; j++) {
                Pointer r = replies.getPointer(j * responseSize);
                if (r != null) {
                    // wipe the copied password before handing the memory back
                    r.clear(password.length);
                    libc.free(r);
                }
            }
            libc.free(replies);
        }
    }

    /** Set as PAM_FAIL_DELAY in REPORT mode: libpam then calls us instead of sleeping. */
    public static final class DelayRecorder implements LibPam.DelayFunction {
        private volatile long usec;

        @Override
        public void invoke(int retval, int usecDelay, Pointer appdata) {
            usec = retval == PAM_SUCCESS ? 0 : Integer.toUnsignedLong(usecDelay);
        }

        Duration owed() {
            return Duration.ofNanos(usec * 1000);
        }
    }

    /** An open session: closed the way vsftpd closes it when the session ends. */
    private final class Session implements PamSession {
        private Pointer pamh;
        private final String user;
        private final Object[] keepAlive;

        Session(Pointer pamh, String user, Object... keepAlive) {
            this.pamh = pamh;
            this.user = user;
            this.keepAlive = keepAlive;
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public synchronized void close() {
            if (pamh == null) {
                return;
            }
            int rc = pam.pam_close_session(pamh, 0);
            pam.pam_setcred(pamh, LibPam.PAM_DELETE_CRED);
            pam.pam_end(pamh, rc);
            pamh = null;
            java.lang.ref.Reference.reachabilityFence(keepAlive);
        }
    }
}
