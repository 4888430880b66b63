package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.BANNER_FILE;
import static dev.jvsftpd.compat.config.Directives.FTPD_BANNER;

import dev.jvsftpd.compat.config.VsftpdConfig;
import java.util.List;
import java.util.Map;
import org.apache.ftpserver.message.MessageResource;
import org.apache.ftpserver.message.MessageResourceFactory;

/**
 * The two texts FtpServer's handler still sends itself: the greeting and the pre-login refusal.
 * Everything else is written by jvsftpd's commands directly.
 */
public final class VsftpdMessages implements MessageResource {
    private final MessageResource fallback = new MessageResourceFactory().createMessageResource();
    private final String greeting;

    public VsftpdMessages(VsftpdConfig config, String version) {
        if (config.string(BANNER_FILE) != null) {
            // the file's lines went out as 220- lines; vsftpd ends with a bare "220 "
            greeting = "";
        } else if (config.string(FTPD_BANNER) != null) {
            greeting = config.string(FTPD_BANNER);
        } else {
            greeting = "(jvsftpd " + version + ")";
        }
    }

    @Override
    public List<String> getAvailableLanguages() {
        return fallback.getAvailableLanguages();
    }

    @Override
    public String getMessage(int code, String subId, String language) {
        if (code == 220 && subId == null) {
            return greeting;
        }
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
