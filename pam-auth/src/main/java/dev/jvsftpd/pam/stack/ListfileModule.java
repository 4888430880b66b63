package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.SystemUser;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * pam_listfile (reference B.4): allow or deny by whether an item (user, tty, rhost, ruser, group,
 * shell) is a line of a file. Options are read in order and an unknown one ends the call with the
 * onerr value in force at that point. setcred does nothing.
 */
final class ListfileModule implements PamModule {
    private static final int OPTION_BUFFER = 256;

    @Override
    public Set<ServiceFunction> functions() {
        return EnumSet.allOf(ServiceFunction.class);
    }

    private enum Item { USER, TTY, RHOST, RUSER, GROUP, SHELL }

    @Override
    public PamCode call(ServiceFunction function, ModuleCall call) {
        if (function == ServiceFunction.SETCRED) {
            return PamCode.SUCCESS;
        }
        PamCode onerr = PamCode.SERVICE_ERR;
        Boolean deny = null;
        String file = null;
        Item item = null;
        boolean itemGiven = false;
        String apply = null;
        boolean applyGroup = false;
        for (String arg : call.args()) {
            if (arg.equals("quiet")) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq < 0 || eq >= OPTION_BUFFER) {
                continue; // logged and skipped by the real module
            }
            String name = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "onerr":
                    if (value.equals("succeed")) {
                        onerr = PamCode.SUCCESS;
                    } else if (value.equals("fail")) {
                        onerr = PamCode.SERVICE_ERR;
                    } else {
                        return PamCode.SERVICE_ERR;
                    }
                    break;
                case "sense":
                    if (value.equals("allow")) {
                        deny = false;
                    } else if (value.equals("deny")) {
                        deny = true;
                    } else {
                        return onerr;
                    }
                    break;
                case "file":
                    file = value;
                    break;
                case "item":
                    itemGiven = true;
                    item = switch (value) {
                        case "user" -> Item.USER;
                        case "tty" -> Item.TTY;
                        case "rhost" -> Item.RHOST;
                        case "ruser" -> Item.RUSER;
                        case "group" -> Item.GROUP;
                        case "shell" -> Item.SHELL;
                        default -> null;
                    };
                    break;
                case "apply":
                    applyGroup = value.startsWith("@");
                    apply = applyGroup ? value.substring(1) : value;
                    break;
                default:
                    return onerr;
            }
        }
        if (!itemGiven || item == null || file == null || deny == null) {
            return onerr;
        }
        if (apply != null && apply.isEmpty()) {
            return onerr;
        }
        if (item == Item.USER || item == Item.RUSER || item == Item.GROUP || item == Item.SHELL) {
            apply = null; // "non-sense use for apply=", ignored with a warning
        }
        Transaction tx = call.tx();
        String user = tx.user();
        if (apply != null && !user.isEmpty()) {
            if (!applyGroup && !user.equals(apply)) {
                return PamCode.IGNORE;
            }
            if (applyGroup) {
                Optional<SystemUser> u = tx.users.lookup(user);
                if (u.isEmpty() || !tx.users.inGroup(u.get(), apply)) {
                    return PamCode.IGNORE;
                }
            }
        }
        String value;
        switch (item) {
            case TTY:
                value = tx.tty == null ? null : stripDev(tx.tty);
                break;
            case RHOST:
                value = tx.rhost;
                break;
            case RUSER:
                value = tx.ruser;
                break;
            default:
                value = user;
        }
        if (value == null || value.isEmpty()) {
            return deny ? PamCode.SUCCESS : PamCode.AUTH_ERR;
        }
        if (item == Item.SHELL) {
            Optional<SystemUser> u = tx.users.lookup(value);
            if (u.isEmpty()) {
                return onerr;
            }
            value = u.get().shell();
        }
        Path path = Path.of(file);
        Optional<PosixFileAttributes> attrs = TextFiles.stat(path, false);
        if (attrs.isEmpty()) {
            return onerr;
        }
        if (!TextFiles.regularAndNotWorldWritable(attrs.get())) {
            return PamCode.AUTH_ERR;
        }
        Optional<byte[]> content = TextFiles.read(path);
        if (content.isEmpty()) {
            return onerr;
        }
        boolean found = false;
        Optional<SystemUser> member = item == Item.GROUP ? tx.users.lookup(value) : Optional.empty();
        for (String piece : TextFiles.fgets(content.get(), 256)) {
            String line = piece.endsWith("\n") ? piece.substring(0, piece.length() - 1) : piece;
            if (line.isEmpty()) {
                continue;
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (item == Item.TTY) {
                line = stripDev(line);
            }
            if (item == Item.GROUP) {
                found = member.isPresent() && tx.users.inGroup(member.get(), line);
            } else {
                found = line.equals(value);
            }
            if (found) {
                break;
            }
        }
        if (found) {
            return deny ? PamCode.AUTH_ERR : PamCode.SUCCESS;
        }
        return deny ? PamCode.SUCCESS : PamCode.AUTH_ERR;
    }

    private static String stripDev(String tty) {
        return tty.startsWith("/dev/") ? tty.substring(5) : tty;
    }
}
