package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.IDLE_SESSION_TIMEOUT;
import static dev.jvsftpd.compat.config.Directives.USE_LOCALTIME;

import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.policy.CommandPolicy;
import dev.jvsftpd.compat.policy.FilePolicy;
import dev.jvsftpd.compat.session.SessionState;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.unix.FileMode;
import dev.jvsftpd.selinux.policy.Operation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Commands that move around, describe the session or a file, without a data connection. */
final class SessionCommands {
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    private SessionCommands() {
    }

    static void pwd(Exchange x) {
        x.reply(257, Texts.quotePath(x.state().cwd()) + " is the current directory");
    }

    static void cwd(Exchange x) {
        changeDirectory(x, x.argument());
    }

    static void cdup(Exchange x) {
        changeDirectory(x, "..");
    }

    private static void changeDirectory(Exchange x, String target) {
        if (x.denied(target)) {
            x.permissionDenied();
            return;
        }
        VsftpdUser user = x.user();
        Resolution to = x.resolve(target, true);
        try {
            if (to.exists() && FilePolicy.mayEnter(user, FileMode.of(to.realPath()))
                    && x.selinuxAllows(Operation.CHDIR, to.realPath())) {
                x.state().cwd(to.virtualPath());
                x.reply(new Reply(250, DirectoryMessage.prefix(x, to, 250) + "250 Directory successfully changed.\r\n"));
                return;
            }
        } catch (IOException e) {
            // a dangling symlink or a vanished directory: the same refusal as a missing one
        }
        x.reply(550, "Failed to change directory.");
    }

    static void type(Exchange x) {
        switch (x.argument().toUpperCase(Locale.ROOT)) {
            case "I", "L8", "L 8" -> {
                x.state().ascii(false);
                x.reply(200, "Switching to Binary mode.");
            }
            case "A", "A N" -> {
                x.state().ascii(true);
                x.reply(200, "Switching to ASCII mode.");
            }
            default -> x.reply(500, "Unrecognised TYPE command.");
        }
    }

    static void stru(Exchange x) {
        if (x.argument().toUpperCase(Locale.ROOT).equals("F")) {
            x.reply(200, "Structure set to F.");
        } else {
            x.reply(504, "Bad STRU command.");
        }
    }

    static void mode(Exchange x) {
        if (x.argument().toUpperCase(Locale.ROOT).equals("S")) {
            x.reply(200, "Mode set to S.");
        } else {
            x.reply(504, "Bad MODE command.");
        }
    }

    /** vsftpd reads the marker with atoi-like rules: garbage and negatives are 0. */
    static void rest(Exchange x) {
        long offset = 0;
        String text = x.argument();
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && offset < Long.MAX_VALUE / 10) {
            offset = offset * 10 + (text.charAt(i++) - '0');
        }
        x.state().restOffset(offset);
        x.reply(350, "Restart position accepted (" + offset + ").");
    }

    static void size(Exchange x) {
        if (x.denied(x.argument())) {
            x.permissionDenied();
            return;
        }
        VsftpdUser user = x.user();
        Resolution file = x.resolve(x.argument(), true);
        try {
            if (file.exists() && Files.isRegularFile(file.realPath()) && x.selinuxAllows(Operation.STAT, file.realPath())) {
                x.reply(213, Long.toString(Files.size(file.realPath())));
                return;
            }
        } catch (IOException e) {
            // same reply as a missing file
        }
        x.reply(550, "Could not get file size.");
    }

    static void mdtm(Exchange x) {
        String argument = x.argument();
        Resolution whole = x.resolve(argument, true);
        int space = argument.indexOf(' ');
        boolean setting = !whole.exists() && isTimeArgument(argument, space)
                && CommandPolicy.maySetModificationTime(x.config(), x.user().anonymousRules());
        if (x.denied(setting ? argument.substring(space + 1) : argument)) {
            x.permissionDenied();
            return;
        }
        if (setting) {
            setModificationTime(x, argument.substring(0, Math.min(space, 14)), argument.substring(space + 1));
            return;
        }
        try {
            if (whole.exists() && x.selinuxAllows(Operation.STAT, whole.realPath())) {
                BasicFileAttributes attributes = Files.readAttributes(whole.realPath(), BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    x.reply(213, MDTM.format(attributes.lastModifiedTime().toInstant().atZone(zone(x))));
                    return;
                }
            }
        } catch (IOException e) {
            // same reply as a missing file
        }
        x.reply(550, "Could not get file modification time.");
    }

    /** vsftpd's test: a digit first, and the first space where a date or date-time would end. */
    private static boolean isTimeArgument(String argument, int space) {
        return !argument.isEmpty() && Character.isDigit(argument.charAt(0))
                && (space == 8 || space == 14 || (space > 15 && argument.charAt(14) == '.'));
    }

    /** Setting a time needs the file's owner (or root), as utimes(2) with a time does. */
    private static void setModificationTime(Exchange x, String digits, String path) {
        VsftpdUser user = x.user();
        Resolution file = x.resolve(path, true);
        try {
            LocalDateTime time = normalisedTime((digits + "000000").substring(0, 14));
            if (file.exists() && (user.identity().isRoot()
                    || FileMode.of(file.realPath()).uid() == user.identity().uid())
                    && x.selinuxAllows(Operation.SETATTR, file.realPath())) {
                Files.setLastModifiedTime(file.realPath(), FileTime.from(time.atZone(zone(x)).toInstant()));
                x.reply(213, "File modification time set.");
                return;
            }
        } catch (IOException | NumberFormatException | DateTimeException e) {
            // not digits, or a vanished file: the same refusal
        }
        x.reply(550, "Could not set file modification time.");
    }

    /** Out-of-range fields roll over as mktime(3) rolls them: month 13 is January of the next year. */
    static LocalDateTime normalisedTime(String digits) {
        int[] f = new int[6];
        int[] widths = {4, 2, 2, 2, 2, 2};
        for (int i = 0, at = 0; i < 6; at += widths[i++]) {
            f[i] = Integer.parseInt(digits.substring(at, at + widths[i]));
        }
        return LocalDateTime.of(f[0], 1, 1, 0, 0).plusMonths(f[1] - 1L).plusDays(f[2] - 1L)
                .plusHours(f[3]).plusMinutes(f[4]).plusSeconds(f[5]);
    }

    private static ZoneId zone(Exchange x) {
        return x.config().bool(USE_LOCALTIME) ? ZoneId.systemDefault() : ZoneOffset.UTC;
    }

    static void stat(Exchange x) {
        if (!x.argument().isEmpty()) {
            ListCommands.statPath(x);
            return;
        }
        VsftpdUser user = x.user();
        SessionState state = x.state();
        String client = ((InetSocketAddress) x.session().getRemoteAddress()).getAddress().getHostAddress();
        long timeout = x.config().uint(IDLE_SESSION_TIMEOUT);
        List<String> body = new ArrayList<>();
        body.add("     Connected to " + client);
        body.add("     Logged in as " + user.name());
        body.add("     TYPE: " + (state.ascii() ? "ASCII" : "BINARY"));
        body.add(user.maxRate() == 0 ? "     No session bandwidth limit"
                : "     Session bandwidth limit in byte/s is " + user.maxRate());
        body.add(timeout == 0 ? "     No session timeout" : "     Session timeout in seconds is " + timeout);
        body.add(TlsCommands.controlLine(x));
        body.add(TlsCommands.dataLine(x));
        body.add("     At session startup, client count was " + state.clientCountAtStart());
        body.add("     jvsftpd " + x.services().version() + " - secure, fast, stable");
        x.reply(Reply.multi(211, "FTP server status:", body, "End of status"));
    }

    static void feat(Exchange x) {
        x.reply(Texts.feat(x.config()));
    }

    static void opts(Exchange x) {
        x.reply(Texts.opts(x.argument()));
    }

    static void help(Exchange x) {
        x.reply(Texts.help());
    }

    static void syst(Exchange x) {
        x.reply(215, "UNIX Type: L8");
    }

    static void noop(Exchange x) {
        x.reply(200, "NOOP ok.");
    }

    static void allo(Exchange x) {
        x.reply(202, "ALLO command ignored.");
    }

    /**
     * FtpServer reads the next command only after a transfer ends, so ABOR finds a transfer only
     * when async_abor_enable let it cut one short.
     */
    static void abor(Exchange x) {
        if (x.state().takeAborted()) {
            x.reply(226, "ABOR successful.");
        } else {
            x.reply(225, "No transfer to ABOR.");
        }
    }

    static void notImplemented(Exchange x) {
        x.reply(502, x.verb() + " not implemented.");
    }
}
