package dev.jvsftpd.pam;

import java.util.List;

/**
 * One login and what real libpam 1.5.2 answers (reference B.5): which call fails with which code,
 * what the stack says through the conversation, and whether a failure delay is asked for.
 */
record LoginCase(String name, String service, String user, String password, PamStep step, PamCode code,
                 List<PamMessage> conversation, boolean delay) {

    static final PamMessage PROMPT = new PamMessage(PamMessage.Style.PROMPT_ECHO_OFF, "Password: ");

    static LoginCase ok(String name, String service, String user, String password, PamMessage... conversation) {
        return new LoginCase(name, service, user, password, null, PamCode.SUCCESS, List.of(conversation), false);
    }

    static LoginCase fails(String name, String service, String user, String password, PamStep step, PamCode code,
                           boolean delay, PamMessage... conversation) {
        return new LoginCase(name, service, user, password, step, code, List.of(conversation), delay);
    }

    boolean succeeds() {
        return step == null;
    }

    static PamMessage error(String text) {
        return new PamMessage(PamMessage.Style.ERROR_MSG, text);
    }

    static PamMessage info(String text) {
        return new PamMessage(PamMessage.Style.TEXT_INFO, text);
    }

    @Override
    public String toString() {
        return name;
    }
}
