package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.ConversationAnswer;
import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.PamMessage;
import dev.jvsftpd.pam.SystemFiles;
import dev.jvsftpd.pam.SystemUsers;
import dev.jvsftpd.pam.crypt.Crypt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pam_handle_t holds for one login in the interpreter: the items, the conversation with
 * vsftpd's answers, the cached password, module data, and the largest failure delay asked for.
 */
final class Transaction {
    final String service;
    private String user;
    final String rhost;
    final String tty;
    final String ruser;
    private final String password;
    private String authtok;
    private final List<PamMessage> conversation = new ArrayList<>();
    private final Map<String, Object> data = new HashMap<>();
    private long failDelayUsec = -1;
    final SystemUsers users;
    final SystemFiles files;
    final Crypt crypt;

    Transaction(String service, String user, String rhost, String tty, String ruser, String password,
                SystemUsers users, SystemFiles files, Crypt crypt) {
        this.service = service;
        this.user = user;
        this.rhost = rhost;
        this.tty = tty;
        this.ruser = ruser;
        this.password = password;
        this.users = users;
        this.files = files;
        this.crypt = crypt;
    }

    String user() {
        return user;
    }

    void user(String value) {
        user = value;
    }

    /** One message through the conversation; the answer, null for none, or CONV_ERR thrown as a code. */
    Reply prompt(PamMessage.Style style, String text) {
        conversation.add(new PamMessage(style, text));
        switch (ConversationAnswer.to(style)) {
            case PASSWORD:
                return new Reply(PamCode.SUCCESS, password);
            case NONE:
                return new Reply(PamCode.SUCCESS, null);
            default:
                return new Reply(PamCode.CONV_ERR, null);
        }
    }

    record Reply(PamCode code, String text) {
    }

    /** pam_get_authtok: the password already given, or an echo-off "Password: " prompt. */
    Reply authtok() {
        if (authtok != null) {
            return new Reply(PamCode.SUCCESS, authtok);
        }
        Reply r = prompt(PamMessage.Style.PROMPT_ECHO_OFF, "Password: ");
        if (r.code() != PamCode.SUCCESS || r.text() == null) {
            return new Reply(PamCode.AUTHTOK_ERR, null);
        }
        authtok = r.text();
        return r;
    }

    /** A prompt that always asks (pam_userdb does), remembering the answer as the password item. */
    Reply promptAuthtok() {
        Reply r = prompt(PamMessage.Style.PROMPT_ECHO_OFF, "Password: ");
        if (r.code() == PamCode.SUCCESS && r.text() != null) {
            authtok = r.text();
        }
        return r;
    }

    String authtokItem() {
        return authtok;
    }

    /** libpam clears the password item once pam_authenticate returns. */
    void forgetAuthtok() {
        authtok = null;
    }

    void failDelay(long usec) {
        failDelayUsec = Math.max(failDelayUsec, usec);
    }

    /** The largest delay asked for during this transaction, or -1 when none was. */
    long failDelayUsec() {
        return failDelayUsec;
    }

    void error(String text) {
        prompt(PamMessage.Style.ERROR_MSG, text);
    }

    void info(String text) {
        prompt(PamMessage.Style.TEXT_INFO, text);
    }

    Object data(String key) {
        return data.get(key);
    }

    void data(String key, Object value) {
        data.put(key, value);
    }

    List<PamMessage> conversation() {
        return List.copyOf(conversation);
    }
}
