package dev.jvsftpd.selinux.ftplet;

import dev.jvsftpd.selinux.SelinuxGuard;
import dev.jvsftpd.selinux.policy.Decision;
import dev.jvsftpd.selinux.policy.Operation;
import dev.jvsftpd.selinux.policy.VsftpdReplies;
import dev.jvsftpd.selinux.policy.VsftpdReplies.Reply;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/**
 * ftpd_t's SELinux decisions in a stock Apache FtpServer with the native file system: before each command
 * that touches a file (STOR, STOU, APPE, RETR, MKD, RMD, DELE, RNFR, RNTO, SITE CHMOD, MFMT, CWD, CDUP, SIZE,
 * MDTM, LIST, NLST, MLSD) and before transfers to a PORT/EPRT address, asks {@link SelinuxGuard}; a denial
 * is answered with vsftpd's EACCES reply and the command is skipped. New files and directories get their
 * label after the command succeeded. Configure it with {@code JVSFTPD_SELINUX=emulate} (or on an SELinux
 * host) and the other {@code JVSFTPD_SELINUX_*} settings, or hand it a guard.
 */
public class SelinuxFtplet extends DefaultFtplet {
    private static final String CREATED = SelinuxFtplet.class.getName() + ".created";
    private static final String ACTIVE_PORT = SelinuxFtplet.class.getName() + ".activePort";

    private final SelinuxGuard guard;

    /** For FtpServer's Spring/XML configuration: settings from the environment. */
    public SelinuxFtplet() {
        this(SelinuxGuard.fromEnvironment());
    }

    public SelinuxFtplet(SelinuxGuard guard) {
        this.guard = guard;
    }

    public SelinuxGuard guard() {
        return guard;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
        session.removeAttribute(CREATED);
        if (!guard.active() || !session.isLoggedIn()) {
            return FtpletResult.DEFAULT;
        }
        String verb = request.getCommand().toUpperCase(Locale.ROOT);
        String arg = request.hasArgument() ? request.getArgument() : "";
        switch (verb) {
            case "PORT", "EPRT" -> {
                clientPort(verb, arg).ifPresentOrElse(p -> session.setAttribute(ACTIVE_PORT, p),
                        () -> session.removeAttribute(ACTIVE_PORT));
                return FtpletResult.DEFAULT;
            }
            case "PASV", "EPSV" -> {
                session.removeAttribute(ACTIVE_PORT);
                return FtpletResult.DEFAULT;
            }
            case "STOR", "APPE" -> {
                Optional<Path> file = physical(session, arg);
                if (file.isEmpty()) {
                    return FtpletResult.DEFAULT;
                }
                boolean exists = Files.exists(file.get(), LinkOption.NOFOLLOW_LINKS);
                Operation op = !exists ? Operation.CREATE : verb.equals("APPE") ? Operation.APPEND : Operation.WRITE;
                if (deny(session, verb, guard.check(op, file.get())) || denyActive(session)) {
                    return FtpletResult.SKIP;
                }
                if (!exists) {
                    session.setAttribute(CREATED, file.get().toString());
                }
                return FtpletResult.DEFAULT;
            }
            case "STOU" -> {
                // FtpServer picks the unique name itself; the directory decides
                Optional<Path> dir = physical(session, arg.isEmpty() ? "." : arg);
                if (dir.isPresent() && (deny(session, verb, guard.check(Operation.CREATE, dir.get().resolve("STOU")))
                        || denyActive(session))) {
                    return FtpletResult.SKIP;
                }
                return FtpletResult.DEFAULT;
            }
            case "RETR" -> {
                return fileCheck(session, verb, Operation.READ, arg, true);
            }
            case "MKD", "XMKD" -> {
                Optional<Path> dir = physical(session, arg);
                if (dir.isPresent()) {
                    if (deny(session, verb, guard.check(Operation.MKDIR, dir.get()))) {
                        return FtpletResult.SKIP;
                    }
                    session.setAttribute(CREATED, dir.get().toString());
                }
                return FtpletResult.DEFAULT;
            }
            case "RMD", "XRMD" -> {
                return fileCheck(session, verb, Operation.RMDIR, arg, false);
            }
            case "DELE" -> {
                return fileCheck(session, verb, Operation.DELETE, arg, false);
            }
            case "RNFR", "SIZE", "MDTM" -> {
                return fileCheck(session, verb, Operation.STAT, arg, false);
            }
            case "CWD", "XCWD" -> {
                return fileCheck(session, verb, Operation.CHDIR, arg.isEmpty() ? "/" : arg, false);
            }
            case "CDUP", "XCUP" -> {
                return fileCheck(session, verb, Operation.CHDIR, "..", false);
            }
            case "RNTO" -> {
                FtpFile from = session.getRenameFrom();
                Optional<Path> source = from == null ? Optional.empty() : physical(from);
                Optional<Path> target = physical(session, arg);
                if (source.isPresent() && target.isPresent()
                        && deny(session, verb, guard.checkRename(source.get(), target.get()))) {
                    return FtpletResult.SKIP;
                }
                return FtpletResult.DEFAULT;
            }
            case "SITE" -> {
                String[] parts = arg.strip().split("\\s+", 3);
                if (parts.length == 3 && parts[0].equalsIgnoreCase("CHMOD")) {
                    return fileCheck(session, "SITE CHMOD", Operation.SETATTR, parts[2], false);
                }
                return FtpletResult.DEFAULT;
            }
            case "MFMT" -> {
                String[] parts = arg.strip().split("\\s+", 2);
                return parts.length == 2 ? fileCheck(session, verb, Operation.SETATTR, parts[1], false)
                        : FtpletResult.DEFAULT;
            }
            case "LIST", "NLST", "MLSD" -> {
                return list(session, verb, arg);
            }
            default -> {
                return FtpletResult.DEFAULT;
            }
        }
    }

    @Override
    public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply)
            throws FtpException, IOException {
        Object created = session.getAttribute(CREATED);
        session.removeAttribute(CREATED);
        if (created != null && reply.getCode() >= 200 && reply.getCode() < 300) {
            guard.created(Path.of(created.toString()));
        }
        return FtpletResult.DEFAULT;
    }

    private FtpletResult fileCheck(FtpSession session, String verb, Operation op, String arg, boolean transfer)
            throws FtpException {
        Optional<Path> file = physical(session, arg);
        if (file.isPresent() && deny(session, verb, guard.check(op, file.get()))) {
            return FtpletResult.SKIP;
        }
        if (transfer && denyActive(session)) {
            return FtpletResult.SKIP;
        }
        return FtpletResult.DEFAULT;
    }

    /** vsftpd opens the directory after its 150: an empty listing, then 226 saying the open failed. */
    private FtpletResult list(FtpSession session, String verb, String arg) throws FtpException {
        String path = ".";
        for (String token : arg.strip().split("\\s+")) {
            if (!token.isEmpty() && !token.startsWith("-")) {
                path = token;
            }
        }
        Optional<Path> dir = physical(session, path);
        if (dir.isEmpty()) {
            return FtpletResult.DEFAULT;
        }
        if (denyActive(session)) {
            return FtpletResult.SKIP;
        }
        Decision d = guard.check(Operation.LIST, dir.get());
        if (d.allowed()) {
            return FtpletResult.DEFAULT;
        }
        session.write(new DefaultFtpReply(150, "Here comes the directory listing."));
        try {
            DataConnection data = session.getDataConnection().openConnection();
            data.transferToClient(session, "");
        } catch (Exception e) {
            session.getDataConnection().closeDataConnection();
            session.write(new DefaultFtpReply(425, "Failed to establish connection."));
            return FtpletResult.SKIP;
        }
        session.getDataConnection().closeDataConnection();
        Reply r = VsftpdReplies.onDenied(verb.equals("MLSD") ? "LIST" : verb).orElseThrow();
        session.write(new DefaultFtpReply(r.code(), r.text()));
        return FtpletResult.SKIP;
    }

    /** The connect to a PORT/EPRT client port, checked when a transfer would make it. */
    private boolean denyActive(FtpSession session) throws FtpException {
        Object port = session.getAttribute(ACTIVE_PORT);
        if (port == null) {
            return false;
        }
        return deny(session, "PORT", guard.checkPort(Operation.ACTIVE_CONNECT, (Integer) port));
    }

    private static boolean deny(FtpSession session, String verb, Decision d) throws FtpException {
        if (d.allowed()) {
            return false;
        }
        Reply r = VsftpdReplies.onDenied(verb).orElse(new Reply(550, "Permission denied."));
        session.write(new DefaultFtpReply(r.code(), r.text()));
        return true;
    }

    private static Optional<Path> physical(FtpSession session, String name) {
        try {
            FtpFile f = session.getFileSystemView().getFile(name);
            return f == null ? Optional.empty() : physical(f);
        } catch (FtpException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The real path behind a native file system's file; other file systems are not labeled. */
    private static Optional<Path> physical(FtpFile f) {
        Object p = f.getPhysicalFile();
        return p instanceof File file ? Optional.of(file.toPath()) : Optional.empty();
    }

    /** The port of {@code PORT h1,h2,h3,h4,p1,p2} or {@code EPRT |af|addr|port|}. */
    static Optional<Integer> clientPort(String verb, String arg) {
        try {
            if (verb.equals("PORT")) {
                String[] f = arg.strip().split(",");
                return f.length == 6 ? Optional.of(Integer.parseInt(f[4].strip()) * 256 + Integer.parseInt(f[5].strip()))
                        : Optional.empty();
            }
            String a = arg.strip();
            if (a.length() < 2) {
                return Optional.empty();
            }
            String[] f = a.substring(1).split(java.util.regex.Pattern.quote(a.substring(0, 1)), -1);
            return f.length >= 3 ? Optional.of(Integer.parseInt(f[2])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
