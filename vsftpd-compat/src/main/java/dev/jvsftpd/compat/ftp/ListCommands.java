package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.FORCE_DOT_FILES;
import static dev.jvsftpd.compat.config.Directives.HIDE_IDS;
import static dev.jvsftpd.compat.config.Directives.LS_RECURSE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.TEXT_USERDB_NAMES;
import static dev.jvsftpd.compat.config.Directives.USE_LOCALTIME;

import dev.jvsftpd.compat.access.AccessRules;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.listing.ListEntry;
import dev.jvsftpd.compat.listing.ListFilter;
import dev.jvsftpd.compat.listing.ListRequest;
import dev.jvsftpd.compat.listing.ListTarget;
import dev.jvsftpd.compat.listing.Listing;
import dev.jvsftpd.compat.listing.LongFormat;
import dev.jvsftpd.compat.policy.FilePolicy;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.unix.FileMode;
import dev.jvsftpd.compat.unix.UnixAccount;
import dev.jvsftpd.compat.unix.UnixAccounts;
import dev.jvsftpd.selinux.policy.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** LIST, NLST and {@code STAT <path>}: directories the session may open, formatted as vsftpd's ls. */
final class ListCommands {
    private ListCommands() {
    }

    static void list(Exchange x) {
        send(x, Listing.Command.LIST);
    }

    static void nlst(Exchange x) {
        send(x, Listing.Command.NLST);
    }

    private static void send(Exchange x, Listing.Command command) {
        if (!TransferCommands.dataChannelReady(x)) {
            return;
        }
        ListRequest request = request(x);
        if (request.hasPath() && x.denied(request.path())) {
            x.permissionDenied();
            return;
        }
        Optional<String> body;
        try {
            body = build(x, command, request);
        } catch (OopsException e) {
            x.replyAndClose(500, "OOPS: " + e.vsftpdText());
            return;
        }
        byte[] bytes = body.orElse("").getBytes(StandardCharsets.UTF_8);
        TransferCommands.finish(x, TransferCommands.transfer(x, "Here comes the directory listing.", (socket, progress) -> {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            progress.addAndGet(bytes.length);
        }, body.isPresent() ? "Directory send OK." : "Transfer done (but failed to open directory).",
                "Failure reading local file.", "Failure writing network stream."));
    }

    /** STAT with a path: the long listing with {@code -a}, on the control connection. */
    static void statPath(Exchange x) {
        ListRequest request = request(x);
        if (request.hasPath() && x.denied(request.path())) {
            x.permissionDenied();
            return;
        }
        String body = build(x, Listing.Command.STAT, request).orElse("");
        List<String> lines = body.isEmpty() ? List.of() : List.of(body.split("\r\n", -1)).subList(0,
                body.split("\r\n", -1).length - 1);
        x.reply(Reply.multi(213, "Status follows:", lines, "End of status"));
    }

    /** The listing body, or empty when the directory cannot be opened by this session. */
    private static ListRequest request(Exchange x) {
        return ListRequest.parse(x.argument(), x.config().bool(LS_RECURSE_ENABLE));
    }

    private static Optional<String> build(Exchange x, Listing.Command command, ListRequest request) {
        ListTarget target = request.target(path -> openable(x, path).isPresent());
        Optional<List<ListEntry>> entries = openable(x, target.directory());
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        // Debian resolves hide_file names and patterns against the session's cwd, not the listed directory
        AccessRules rules = x.state().accessRules();
        String cwd = x.state().cwd();
        ListFilter filter = ListFilter.of(x.config().bool(FORCE_DOT_FILES), rules.hiddenIn(cwd))
                .withPattern(target.pattern(), rules.listPattern(cwd, target.pattern()));
        LongFormat format = LongFormat.gmt(Instant.now()).withHideIds(x.config().bool(HIDE_IDS));
        if (x.config().bool(TEXT_USERDB_NAMES)) {
            UnixAccounts accounts = x.accountsInView();
            // root's names resolve even in a jail without /etc/passwd (observed on vsftpd 3.0.3)
            // the database is read per lookup; a listing asks for the same few ids over and over
            Map<Integer, Optional<String>> users = new HashMap<>();
            Map<Integer, Optional<String>> groups = new HashMap<>();
            format = format.withUserdbNames(
                    uid -> users.computeIfAbsent(uid, id -> accounts.byUid(id).map(UnixAccount::name).or(() -> rootName(id))),
                    gid -> groups.computeIfAbsent(gid, id -> accounts.groupName(id).or(() -> rootName(id))));
        }
        if (x.config().bool(USE_LOCALTIME)) {
            format = format.withZone(ZoneId.systemDefault());
        }
        return Optional.of(Listing.build(command, target.directory(), entries.get(), request.options(), filter,
                format, path -> openable(x, path)));
    }

    private static Optional<String> rootName(int id) {
        return id == 0 ? Optional.of("root") : Optional.empty();
    }

    /** A directory's entries if this session may list it ({@code ..} of the jail root is the root). */
    private static Optional<List<ListEntry>> openable(Exchange x, String path) {
        VsftpdUser user = x.user();
        Resolution dir = x.resolve(path, true);
        try {
            if (!dir.exists() || !Files.isDirectory(dir.realPath())
                    || !FilePolicy.mayList(user, x.config(), FileMode.of(dir.realPath()))
                    || !x.selinuxAllows(Operation.LIST, dir.realPath())) {
                return Optional.empty();
            }
            boolean atRoot = dir.virtualPath().equals("/");
            return Optional.of(ListEntry.readDirectory(dir.realPath(),
                    atRoot ? dir.realPath() : dir.realPath().getParent()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
