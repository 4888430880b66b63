package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.SSL_ENABLE;

import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.session.SessionKind;
import dev.jvsftpd.compat.tls.ControlTlsFilter;
import dev.jvsftpd.compat.tls.FtpsState;
import dev.jvsftpd.compat.tls.LoginEncryption;
import dev.jvsftpd.compat.tls.SecureData;
import dev.jvsftpd.compat.tls.ServerTls;
import dev.jvsftpd.compat.tls.TlsSettings;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.mina.core.session.IoSession;

/**
 * AUTH, PBSZ, PROT and CCC as vsftpd 3.0.3 answers them (reference sections 8.2 and 8.3, and
 * runs of Debian's build), plus the TLS checks the login and transfer commands make. FtpServer's
 * own AUTH is not used: jvsftpd replaces FtpServer's command set, and FtpServer 1.2.1's AUTH
 * refuses {@code TLS-C} and {@code TLS-P} (it expects {@code TLS_C}); vsftpd accepts both.
 */
final class TlsCommands {
    /** vsftpd's four AUTH types, compared upper-cased. */
    private static final Set<String> AUTH_TYPES = Set.of("TLS", "TLS-C", "SSL", "TLS-P");

    private TlsCommands() {
    }

    /**
     * Only before login and only once: after login vsftpd knows no AUTH ({@code 500 Unknown
     * command.}), and a second AUTH before login is just another command that needs a login.
     * AUTH SSL and AUTH TLS-P protect data connections at once, as if PROT P had followed.
     */
    static void auth(Exchange x) {
        if (x.session().isLoggedIn() || !x.config().bool(SSL_ENABLE)) {
            x.reply(500, "Unknown command.");
            return;
        }
        FtpsState ftps = FtpsState.of(x.session());
        if (ftps.controlProtected()) {
            x.reply(PreLogin.PLEASE_LOGIN);
            return;
        }
        String type = x.argument().toUpperCase(Locale.ROOT);
        if (!AUTH_TYPES.contains(type)) {
            x.reply(504, "Unknown AUTH type.");
            return;
        }
        ServerTls server;
        try {
            server = ServerTls.forConfig(x.config());
        } catch (OopsException e) {
            x.replyAndClose(500, "OOPS: " + e.vsftpdText());
            return;
        }
        Reply proceed = Reply.of(234, "Proceed with negotiation.");
        ControlTlsFilter.startExplicit(x.session(), server, proceed);
        if (type.equals("SSL") || type.equals("TLS-P")) {
            ftps.dataProtected(true);
        }
        x.reply(proceed);
    }

    /** Any argument is fine: TLS has no protection buffer, the answer is always 0. */
    static void pbsz(Exchange x) {
        if (!x.config().bool(SSL_ENABLE)) {
            // known to vsftpd but switched off: its generic refusal (only reachable after login)
            x.reply(550, "Permission denied.");
        } else if (!FtpsState.of(x.session()).controlProtected()) {
            x.reply(503, "PBSZ needs a secure connection.");
        } else {
            x.reply(200, "PBSZ set to 0.");
        }
    }

    static void prot(Exchange x) {
        FtpsState ftps = FtpsState.of(x.session());
        if (!x.config().bool(SSL_ENABLE)) {
            x.reply(550, "Permission denied.");
            return;
        }
        if (!ftps.controlProtected()) {
            x.reply(503, "PROT needs a secure connection.");
            return;
        }
        switch (x.argument().toUpperCase(Locale.ROOT)) {
            case "C" -> {
                ftps.dataProtected(false);
                x.reply(200, "PROT now Clear.");
            }
            case "P" -> {
                ftps.dataProtected(true);
                x.reply(200, "PROT now Private.");
            }
            case "S", "E" -> x.reply(536, "PROT not supported.");
            default -> x.reply(504, "PROT not recognized.");
        }
    }

    /** vsftpd has no CCC: once encrypted, the control connection stays encrypted. */
    static void ccc(Exchange x) {
        x.reply(500, "Unknown command.");
    }

    /** Whether PreLogin lets {@code verb} through: AUTH, PBSZ and PROT join the list with ssl_enable. */
    static boolean allowedBeforeLogin(String verb, VsftpdConfig config) {
        return config.bool(SSL_ENABLE) && (verb.equals("AUTH") || verb.equals("PBSZ") || verb.equals("PROT"));
    }

    /**
     * USER's TLS rules; true when USER was refused (and answered). The caller has already
     * answered {@code This FTP server is anonymous only.}; the userlist comes after this.
     */
    static boolean refuseUser(Exchange x, boolean anonymousName) {
        Optional<LoginEncryption.Refusal> refusal = LoginEncryption.atUser(TlsSettings.from(x.config()),
                anonymousName, FtpsState.of(x.session()).controlProtected());
        refusal.ifPresent(r -> {
            if (r.closes()) {
                x.replyAndClose(r.code(), r.text());
            } else {
                x.state().pendingUser(null);
                x.reply(r.code(), r.text());
            }
        });
        return refusal.isPresent();
    }

    /** force_*_data_ssl; true when the transfer was refused with 522 (the data channel stays ready). */
    static boolean refuseClearData(Exchange x) {
        Optional<LoginEncryption.Refusal> refusal = LoginEncryption.atTransfer(TlsSettings.from(x.config()),
                x.user().kind() == SessionKind.ANONYMOUS, FtpsState.of(x.session()).dataProtected());
        refusal.ifPresent(r -> x.reply(r.code(), r.text()));
        return refusal.isPresent();
    }

    /** TLS on an opened data connection (after the 150), when PROT P is in force; null otherwise. */
    static SecureData protect(Exchange x, Socket data) throws SecureData.HandshakeFailedException,
            SecureData.RefusedException {
        FtpsState ftps = FtpsState.of(x.session());
        if (!ftps.dataProtected()) {
            return null;
        }
        return SecureData.accept(data, ftps, FtpsState.controlSession(x.session()),
                ((InetSocketAddress) x.session().getRemoteAddress()).getAddress().getHostAddress());
    }

    /** implicit_ssl: TLS from the first byte, before the greeting; call when the session is created. */
    static void startImplicit(IoSession session, VsftpdConfig config) {
        if (config.bool(SSL_ENABLE) && TlsSettings.from(config).implicit()) {
            ControlTlsFilter.startImplicit(session, ServerTls.forConfig(config));
        }
    }

    /** STAT's two TLS lines. */
    static String controlLine(Exchange x) {
        return FtpsState.of(x.session()).controlProtected()
                ? "     Control connection is encrypted" : "     Control connection is plain text";
    }

    static String dataLine(Exchange x) {
        return FtpsState.of(x.session()).dataProtected()
                ? "     Data connections will be encrypted" : "     Data connections will be plain text";
    }
}
