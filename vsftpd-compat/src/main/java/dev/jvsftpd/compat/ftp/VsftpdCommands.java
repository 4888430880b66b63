package dev.jvsftpd.compat.ftp;

import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.policy.CommandPolicy;
import dev.jvsftpd.compat.session.SessionState;
import java.io.IOException;
import java.util.Map;
import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.command.CommandFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * vsftpd's command set for FtpServer, replacing FtpServer's own (whose replies differ in code
 * and text almost everywhere). Every verb first passes {@link CommandPolicy}; a verb vsftpd does
 * not know gets {@code 500 Unknown command.} ({@code 530} before login).
 */
public final class VsftpdCommands implements CommandFactory {
    /** A vsftpd command handler. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws IOException, FtpException;
    }

    private static final Map<String, Handler> HANDLERS = Map.ofEntries(
            Map.entry("USER", LoginCommands::user),
            Map.entry("PASS", LoginCommands::pass),
            Map.entry("QUIT", LoginCommands::quit),
            Map.entry("SYST", SessionCommands::syst),
            Map.entry("NOOP", SessionCommands::noop),
            Map.entry("PWD", SessionCommands::pwd),
            Map.entry("CWD", SessionCommands::cwd),
            Map.entry("CDUP", SessionCommands::cdup),
            Map.entry("TYPE", SessionCommands::type),
            Map.entry("STRU", SessionCommands::stru),
            Map.entry("MODE", SessionCommands::mode),
            Map.entry("ALLO", SessionCommands::allo),
            Map.entry("REST", SessionCommands::rest),
            Map.entry("SIZE", SessionCommands::size),
            Map.entry("MDTM", SessionCommands::mdtm),
            Map.entry("STAT", SessionCommands::stat),
            Map.entry("FEAT", SessionCommands::feat),
            Map.entry("OPTS", SessionCommands::opts),
            Map.entry("HELP", SessionCommands::help),
            Map.entry("ABOR", SessionCommands::abor),
            Map.entry("REIN", SessionCommands::notImplemented),
            Map.entry("ACCT", SessionCommands::notImplemented),
            Map.entry("SMNT", SessionCommands::notImplemented),
            Map.entry("PASV", DataChannelCommands::pasv),
            Map.entry("EPSV", DataChannelCommands::epsv),
            Map.entry("PORT", DataChannelCommands::port),
            Map.entry("EPRT", DataChannelCommands::eprt),
            Map.entry("RETR", TransferCommands::retr),
            Map.entry("STOR", TransferCommands::stor),
            Map.entry("APPE", TransferCommands::appe),
            Map.entry("STOU", TransferCommands::stou),
            Map.entry("LIST", ListCommands::list),
            Map.entry("NLST", ListCommands::nlst),
            Map.entry("MKD", FileCommands::mkd),
            Map.entry("RMD", FileCommands::rmd),
            Map.entry("DELE", FileCommands::dele),
            Map.entry("RNFR", FileCommands::rnfr),
            Map.entry("RNTO", FileCommands::rnto),
            Map.entry("SITE", SiteCommands::site),
            Map.entry("AUTH", TlsCommands::auth),
            Map.entry("PBSZ", TlsCommands::pbsz),
            Map.entry("PROT", TlsCommands::prot),
            Map.entry("CCC", TlsCommands::ccc));

    private final VsftpdConfig config;
    private final SessionServices services;

    public VsftpdCommands(VsftpdConfig config, SessionServices services) {
        this.config = config;
        this.services = services;
    }

    /** One dispatcher for every name: FtpServer's reading of the verb is not vsftpd's ({@link Verbs}). */
    @Override
    public Command getCommand(String ignored) {
        return this::dispatch;
    }

    private void dispatch(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        String verb = Verbs.of(request);
        Handler handler = HANDLERS.get(verb);
        VsftpdConfig sessionConfig = SessionState.of(session).config() != null ? SessionState.of(session).config() : config;
        Exchange exchange = new Exchange(session, context, request, sessionConfig, services);
        if (!session.isLoggedIn() && !PreLogin.allowed(verb, sessionConfig)) {
            exchange.reply(PreLogin.PLEASE_LOGIN);
        } else if (session.isLoggedIn() && !CommandPolicy.listed(sessionConfig, Verbs.typed(request))) {
            exchange.reply(550, "Permission denied.");
        } else if (session.isLoggedIn() && Verbs.HTTP.contains(verb)) {
            exchange.replyAndClose(500, "HTTP protocol commands not allowed.");
        } else if (session.isLoggedIn()
                && !CommandPolicy.permits(sessionConfig, exchange.user().anonymousRules(), verb, request.hasArgument())) {
            exchange.reply(550, "Permission denied.");
        } else if (handler == null) {
            exchange.reply(500, "Unknown command.");
        } else {
            handler.handle(exchange);
        }
    }
}
