package dev.jvsftpd.pam;

import java.time.Duration;
import java.util.List;

/**
 * The verdict on one login.
 *
 * @param ok           every step returned PAM_SUCCESS
 * @param pamUser      PAM_USER read back after pam_authenticate (a module may rename the user; vsftpd
 *                     adopts the new name, and for a virtual user this is the name user_config_dir
 *                     and the guest mapping use). The login name when authentication never ran.
 * @param failedStep   the call that failed, or null when ok
 * @param code         that call's return value, SUCCESS when ok
 * @param conversation every message the stack sent, prompts included, in order
 * @param failDelay    the failure delay the stack asked for and the caller still owes: zero when the
 *                     authenticator already slept it (libpam's default) or when nothing was asked
 * @param reason       one line for the log: which call failed with what, and where known which
 *                     pam.d line decided it; null when ok
 * @param session      the open session when session support is on and ok, otherwise null
 */
public record PamResult(boolean ok, String pamUser, PamStep failedStep, PamCode code,
                        List<PamMessage> conversation, Duration failDelay, String reason, PamSession session) {

    public PamResult {
        conversation = List.copyOf(conversation);
        failDelay = failDelay == null ? Duration.ZERO : failDelay;
    }

    public static PamResult success(String pamUser, List<PamMessage> conversation, PamSession session) {
        return new PamResult(true, pamUser, null, PamCode.SUCCESS, conversation, Duration.ZERO, null, session);
    }

    public static PamResult failure(String pamUser, PamStep step, PamCode code, List<PamMessage> conversation,
                                    Duration failDelay, String reason) {
        return new PamResult(false, pamUser, step, code, conversation, failDelay, reason, null);
    }
}
