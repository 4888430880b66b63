package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.PamMessage;
import dev.jvsftpd.pam.SystemUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * pam_nologin: while the nologin file exists only root gets in; everyone else is refused and shown
 * the file's text. Without the file the module has no opinion (PAM_IGNORE, or SUCCESS with successok).
 */
final class NologinModule implements PamModule {
    private static final Path RUN_NOLOGIN = Path.of("/var/run/nologin");
    private static final Path ETC_NOLOGIN = Path.of("/etc/nologin");

    @Override
    public Set<ServiceFunction> functions() {
        return EnumSet.of(ServiceFunction.AUTHENTICATE, ServiceFunction.SETCRED, ServiceFunction.ACCT_MGMT);
    }

    @Override
    public PamCode call(ServiceFunction function, ModuleCall call) {
        PamCode noFile = call.has("successok") ? PamCode.SUCCESS : PamCode.IGNORE;
        if (function == ServiceFunction.SETCRED) {
            return noFile;
        }
        String configured = null;
        for (String a : call.args()) {
            if (a.startsWith("file=")) {
                configured = a.substring(5);
            }
        }
        Path file;
        if (configured != null) {
            file = Path.of(configured);
        } else {
            file = Files.exists(RUN_NOLOGIN) ? RUN_NOLOGIN : ETC_NOLOGIN;
        }
        if (!Files.exists(file)) {
            return noFile;
        }
        Transaction tx = call.tx();
        Optional<SystemUser> user = tx.users.lookup(tx.user());
        PamCode result = noFile;
        PamMessage.Style style = PamMessage.Style.TEXT_INFO;
        if (user.isEmpty()) {
            result = PamCode.USER_UNKNOWN;
            style = PamMessage.Style.ERROR_MSG;
        } else if (user.get().uid() != 0) {
            result = PamCode.AUTH_ERR;
            style = PamMessage.Style.ERROR_MSG;
        }
        Optional<byte[]> content = Files.isDirectory(file) ? Optional.empty() : TextFiles.read(file);
        if (content.isEmpty()) {
            return PamCode.SYSTEM_ERR;
        }
        tx.prompt(style, TextFiles.utf8(new String(content.get(), java.nio.charset.StandardCharsets.ISO_8859_1)));
        return result;
    }
}
