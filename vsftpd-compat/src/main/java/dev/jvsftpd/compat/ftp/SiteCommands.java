package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.CHMOD_ENABLE;
import static dev.jvsftpd.compat.config.Directives.WRITE_ENABLE;

import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.log.SessionEvent;
import dev.jvsftpd.compat.unix.FileMode;
import dev.jvsftpd.compat.unix.UnixFiles;
import dev.jvsftpd.selinux.policy.Operation;
import java.io.IOException;
import java.util.Locale;

/**
 * SITE CHMOD, SITE UMASK and SITE HELP (reference sections 7.4 and 8.3). Only sessions with
 * local rights get here; the others get {@code 550 Permission denied.} from the command policy.
 */
final class SiteCommands {
    private SiteCommands() {
    }

    static void site(Exchange x) {
        String argument = x.argument();
        int space = argument.indexOf(' ');
        String sub = (space < 0 ? argument : argument.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : argument.substring(space + 1);
        boolean chmodAllowed = x.config().bool(WRITE_ENABLE) && x.config().bool(CHMOD_ENABLE);
        switch (sub) {
            case "CHMOD" -> {
                if (chmodAllowed) {
                    chmod(x, rest);
                } else {
                    x.reply(500, "Unknown SITE command.");
                }
            }
            case "UMASK" -> umask(x, rest);
            case "HELP" -> x.reply(214, chmodAllowed ? "CHMOD UMASK HELP" : "UMASK HELP");
            default -> x.reply(500, "Unknown SITE command.");
        }
    }

    /**
     * vsftpd reads the mode as octal up to the first other character ({@code abc} is mode 0) and
     * masks it with 0777, so set-ID and sticky bits can never be set. Changing a mode needs the
     * file's owner, as chmod(2) does.
     */
    private static void chmod(Exchange x, String arguments) {
        int space = arguments.indexOf(' ');
        if (space < 0) {
            x.reply(500, "SITE CHMOD needs 2 arguments.");
            return;
        }
        String modeText = arguments.substring(0, space);
        String path = arguments.substring(space + 1);
        if (x.denied(path)) {
            x.permissionDenied();
            return;
        }
        Resolution file = x.resolve(path, true);
        boolean changed = false;
        try {
            if (file.exists() && (x.user().identity().isRoot()
                    || FileMode.of(file.realPath()).uid() == x.user().identity().uid())
                    && x.selinuxAllows(Operation.SETATTR, file.realPath())) {
                UnixFiles.chmod(file.realPath(), octalPrefix(modeText) & 0777);
                changed = true;
            }
        } catch (IOException e) {
            // refused below, as a failed chmod(2)
        }
        x.log(SessionEvent.chmod(x.clientIp(), x.logUser(), changed, x.logPath(path), modeText));
        if (changed) {
            x.reply(200, "SITE CHMOD command ok.");
        } else {
            x.reply(550, "SITE CHMOD command failed.");
        }
    }

    private static void umask(Exchange x, String argument) {
        if (argument.isEmpty()) {
            x.reply(200, "Your current UMASK is " + octal(x.state().umask()));
            return;
        }
        int umask = octalPrefix(argument) & 0777;
        x.state().umask(umask);
        x.reply(200, "UMASK set to " + octal(umask));
    }

    /** vsftpd prints the umask with a leading 0, and zero as {@code 0}. */
    private static String octal(int value) {
        return value == 0 ? "0" : "0" + Integer.toOctalString(value);
    }

    static int octalPrefix(String text) {
        int value = 0;
        for (int i = 0; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '7' && value < 010000; i++) {
            value = value * 8 + (text.charAt(i) - '0');
        }
        return value;
    }
}
