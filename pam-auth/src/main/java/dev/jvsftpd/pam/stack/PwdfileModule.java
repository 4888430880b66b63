package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * pam_pwdfile (Debian's libpam-pwdfile 1.0): users and crypt(3) hashes in a passwd-like file, the
 * other common way to keep FTP-only virtual users. Only auth (and a no-op setcred); as account or
 * session module it is PAM_MODULE_UNKNOWN, as the real one lacks those functions.
 */
final class PwdfileModule implements PamModule {
    private static final long DELAY_USEC = 2_000_000;

    @Override
    public Set<ServiceFunction> functions() {
        return EnumSet.of(ServiceFunction.AUTHENTICATE, ServiceFunction.SETCRED);
    }

    @Override
    public PamCode call(ServiceFunction function, ModuleCall call) {
        if (function == ServiceFunction.SETCRED) {
            return PamCode.SUCCESS;
        }
        List<String> args = call.args();
        String file = null;
        boolean delay = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("pwdfile") && i + 1 < args.size()) {
                file = args.get(++i);
            } else if (a.startsWith("pwdfile=")) {
                file = a.substring("pwdfile=".length());
            } else if (a.equals("nodelay")) {
                delay = false;
            }
        }
        Transaction tx = call.tx();
        if (delay) {
            tx.failDelay(DELAY_USEC);
        }
        if (file == null) {
            return PamCode.AUTHINFO_UNAVAIL;
        }
        Optional<byte[]> content = TextFiles.read(Path.of(file));
        if (content.isEmpty()) {
            return PamCode.AUTHINFO_UNAVAIL;
        }
        String stored = null;
        for (String line : new String(content.get(), StandardCharsets.UTF_8).split("\n", -1)) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            if (!name.equals(tx.user()) || colon < 0) {
                continue;
            }
            String rest = line.substring(colon + 1);
            int end = rest.indexOf(':');
            stored = end < 0 ? rest : rest.substring(0, end);
            break;
        }
        if (stored != null && stored.isEmpty()) {
            return PamCode.SUCCESS; // an empty hash field lets anyone in, as the real module does
        }
        Transaction.Reply password = tx.authtok();
        if (password.code() != PamCode.SUCCESS) {
            return PamCode.AUTH_ERR;
        }
        if (stored == null) {
            return PamCode.USER_UNKNOWN;
        }
        return tx.crypt.matches(password.text(), stored) ? PamCode.SUCCESS : PamCode.AUTH_ERR;
    }
}
