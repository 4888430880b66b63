package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.Dialect;
import dev.jvsftpd.pam.PamCode;
import java.util.List;
import java.util.function.Function;

/**
 * Walks one chain and combines the modules' return values the way libpam 1.5.2 does (reference
 * B.3): the impression/status pair, jumps that skip whole substacks, done/die ending the current
 * level, reset restoring the state saved on entering the level, and the final sanity check.
 *
 * <p>pam_setcred and pam_close_session replay the chain "frozen": each line's action is chosen by
 * the value it returned in pam_authenticate / pam_open_session, while the status comes from the
 * current call. A line that did not run then uses its current value. Upstream also counts a jump in
 * a frozen chain as "ok"; Debian's libpam does not.
 */
final class Dispatcher {
    private static final int UNDEF = 0;
    private static final int POSITIVE = 1;
    private static final int NEGATIVE = -1;
    static final int NOT_RUN = -1;

    private Dispatcher() {
    }

    /** The chain's result and the line that last set it (for the log), or null. */
    record Outcome(PamCode code, Handler decidedBy) {
    }

    /**
     * @param chain   the handlers, in order
     * @param frozen  replay mode (setcred, close_session)
     * @param cache   per handler: the value it returned when the chain was defined ({@link #NOT_RUN}
     *                when it did not run); written when not frozen, read when frozen
     * @param call    runs one handler's module and returns its value
     */
    static Outcome dispatch(List<Handler> chain, boolean frozen, int[] cache, Dialect dialect,
                            Function<Handler, PamCode> call) {
        if (chain.isEmpty()) {
            return new Outcome(PamCode.PERM_DENIED, null);
        }
        int impression = UNDEF;
        PamCode status = PamCode.PERM_DENIED;
        Handler decidedBy = null;
        int[] savedImpression = new int[17];
        PamCode[] savedStatus = new PamCode[17];
        savedStatus[0] = PamCode.PERM_DENIED;
        int prevLevel = 0;

        // prevLevel is always the level of the line just handled, even when a jump or a decision
        // moved past deeper lines, as libpam's loop keeps it
        for (int i = 0; i < chain.size(); i++) {
            Handler h = chain.get(i);
            int level = h.level();
            if (prevLevel < level) {
                savedImpression[level] = impression;
                savedStatus[level] = status;
            }
            prevLevel = level;
            PamCode r;
            if (h.kind() == Handler.Kind.MUST_FAIL) {
                r = PamCode.PERM_DENIED;
            } else if (h.kind() == Handler.Kind.SUBSTACK) {
                continue;
            } else {
                r = call.apply(h);
            }
            PamCode c;
            if (frozen) {
                c = cache[i] == NOT_RUN ? r : PamCode.of(cache[i]);
            } else {
                cache[i] = r.value();
                c = r;
            }
            int action = h.actions()[c.value()];
            boolean decide = false;
            if (action == Actions.RESET) {
                impression = savedImpression[level];
                status = savedStatus[level];
                decidedBy = h;
            } else if (action == Actions.OK || action == Actions.DONE) {
                if (impression == UNDEF || (impression == POSITIVE && status == PamCode.SUCCESS)) {
                    // a frozen chain can meet IGNORE where the defining call saw something else
                    if (r != PamCode.IGNORE || c == r) {
                        impression = POSITIVE;
                        status = r;
                        decidedBy = h;
                    }
                }
                decide = impression == POSITIVE && action == Actions.DONE;
            } else if (action == Actions.BAD || action == Actions.DIE) {
                if (impression != NEGATIVE) {
                    impression = NEGATIVE;
                    status = r == PamCode.IGNORE ? PamCode.PERM_DENIED : r;
                    decidedBy = h;
                }
                decide = action == Actions.DIE;
            } else if (action > 0) {
                if (frozen && dialect == Dialect.UPSTREAM
                        && (impression == UNDEF || (impression == POSITIVE && status == PamCode.SUCCESS))
                        && (r != PamCode.IGNORE || c == r)) {
                    impression = POSITIVE;
                    status = r;
                    decidedBy = h;
                }
                int left = action;
                while (i + 1 < chain.size() && chain.get(i + 1).level() >= level && left > 0) {
                    do {
                        i++;
                    } while (i + 1 < chain.size() && chain.get(i + 1).level() > level);
                    left--;
                }
                if (left > 0) {
                    // a jump past the end of its level can never succeed
                    impression = NEGATIVE;
                    status = PamCode.PERM_DENIED;
                    decidedBy = h;
                }
            }
            if (decide) {
                // done/die end this level: an include's lines are this level, so they end the stack
                while (i + 1 < chain.size() && chain.get(i + 1).level() >= level) {
                    i++;
                }
            }
        }
        if (status == PamCode.SUCCESS && impression != POSITIVE) {
            status = PamCode.PERM_DENIED;
        }
        return new Outcome(status, decidedBy);
    }
}
