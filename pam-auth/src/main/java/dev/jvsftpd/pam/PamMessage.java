package dev.jvsftpd.pam;

/**
 * One message a PAM stack sent through the conversation: a prompt the authenticator answered, or
 * a text the modules meant for the user ({@code Your account has expired; ...}).
 */
public record PamMessage(Style style, String text) {

    /** The conversation message styles of Linux-PAM, with their ABI numbers. */
    public enum Style {
        PROMPT_ECHO_OFF(1), PROMPT_ECHO_ON(2), ERROR_MSG(3), TEXT_INFO(4), OTHER(0);

        private final int value;

        Style(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }

        public static Style of(int value) {
            for (Style s : values()) {
                if (s.value == value && s != OTHER) {
                    return s;
                }
            }
            return OTHER;
        }
    }

    public PamMessage {
        text = text == null ? "" : text;
    }

    public boolean prompt() {
        return style == Style.PROMPT_ECHO_OFF || style == Style.PROMPT_ECHO_ON;
    }
}
