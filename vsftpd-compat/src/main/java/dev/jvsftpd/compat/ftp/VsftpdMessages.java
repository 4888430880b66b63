package dev.jvsftpd.compat.ftp;

import java.util.List;
import java.util.Map;
import org.apache.ftpserver.message.MessageResource;
import org.apache.ftpserver.message.MessageResourceFactory;

/**
 * The one text FtpServer's handler still sends itself: its refusal of commands before login,
 * which vsftpd words {@code 530 Please login with USER and PASS.} Everything else is written by
 * jvsftpd's commands and connection gate.
 */
public final class VsftpdMessages implements MessageResource {
    private final MessageResource fallback = new MessageResourceFactory().createMessageResource();

    @Override
    public List<String> getAvailableLanguages() {
        return fallback.getAvailableLanguages();
    }

    @Override
    public String getMessage(int code, String subId, String language) {
        if (code == 530 && "permission".equals(subId)) {
            return PreLogin.PLEASE_LOGIN_TEXT;
        }
        return fallback.getMessage(code, subId, language);
    }

    @Override
    public Map<String, String> getMessages(String language) {
        return fallback.getMessages(language);
    }
}
