package dev.jvsftpd.pam;

/**
 * How vsftpd's PAM conversation answers each message style: both backends use this, so the stack
 * sees the same client either way.
 */
public enum ConversationAnswer {
    /** Echo-off prompts get the password, every time they are asked. */
    PASSWORD,
    /** Texts for the user get no response; vsftpd has no channel to show them before the 530. */
    NONE,
    /** Echo-on prompts (and anything unknown) fail the whole conversation call with PAM_CONV_ERR. */
    REFUSE;

    public static ConversationAnswer to(PamMessage.Style style) {
        switch (style) {
            case PROMPT_ECHO_OFF:
                return PASSWORD;
            case ERROR_MSG:
            case TEXT_INFO:
                return NONE;
            default:
                return REFUSE;
        }
    }
}
