package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.SystemUser;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** pam_shells: the user's login shell must be a line of /etc/shells (auth and account). */
final class ShellsModule implements PamModule {

    @Override
    public Set<ServiceFunction> functions() {
        return EnumSet.of(ServiceFunction.AUTHENTICATE, ServiceFunction.SETCRED, ServiceFunction.ACCT_MGMT);
    }

    @Override
    public PamCode call(ServiceFunction function, ModuleCall call) {
        if (function == ServiceFunction.SETCRED) {
            return PamCode.SUCCESS;
        }
        Transaction tx = call.tx();
        Optional<SystemUser> user = tx.users.lookup(tx.user());
        if (user.isEmpty()) {
            return PamCode.AUTH_ERR;
        }
        String shell = user.get().shell().isEmpty() ? "/bin/sh" : user.get().shell();
        Optional<PosixFileAttributes> attrs = TextFiles.stat(tx.files.shells(), true);
        if (attrs.isEmpty() || !TextFiles.regularAndNotWorldWritable(attrs.get())) {
            return PamCode.AUTH_ERR;
        }
        Optional<byte[]> content = TextFiles.read(tx.files.shells());
        if (content.isEmpty()) {
            return PamCode.SERVICE_ERR;
        }
        // fgets(buf, 255): pieces of 254 bytes; only the newline is cut, a \r stays
        for (String piece : TextFiles.fgets(content.get(), 255)) {
            String line = piece.endsWith("\n") ? piece.substring(0, piece.length() - 1) : piece;
            if (line.equals(shell)) {
                return PamCode.SUCCESS;
            }
        }
        return PamCode.AUTH_ERR;
    }
}
