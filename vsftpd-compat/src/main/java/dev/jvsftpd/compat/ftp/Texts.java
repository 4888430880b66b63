package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.PASV_ENABLE;
import static dev.jvsftpd.compat.config.Directives.PORT_ENABLE;
import static dev.jvsftpd.compat.config.Directives.SSL_ENABLE;
import static dev.jvsftpd.compat.config.Directives.UTF8_FILESYSTEM;

import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.tls.TlsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** vsftpd's fixed multi-line and option replies, shared by the pre-login filter and the commands. */
final class Texts {
    private Texts() {
    }

    /** FEAT, in vsftpd's order; Debian lists UTF8 only with utf8_filesystem, upstream always, last. */
    static Reply feat(VsftpdConfig config) {
        List<String> body = new ArrayList<>();
        Dialect dialect = config.dialect();
        body.addAll(TlsSettings.from(config).authFeatures());
        if (dialect == Dialect.DEBIAN && config.bool(UTF8_FILESYSTEM)) {
            body.add(" UTF8");
        }
        if (config.bool(PORT_ENABLE)) {
            body.add(" EPRT");
        }
        if (config.bool(PASV_ENABLE)) {
            body.add(" EPSV");
        }
        body.add(" MDTM");
        if (config.bool(PASV_ENABLE)) {
            body.add(" PASV");
        }
        if (config.bool(SSL_ENABLE)) {
            body.add(" PBSZ");
            body.add(" PROT");
        }
        body.add(" REST STREAM");
        body.add(" SIZE");
        body.add(" TVFS");
        if (dialect != Dialect.DEBIAN) {
            body.add(" UTF8");
        }
        return Reply.multi(211, "Features:", body, "End");
    }

    static Reply opts(String argument) {
        return argument.toUpperCase(Locale.ROOT).equals("UTF8 ON")
                ? Reply.of(200, "Always in UTF8 mode.")
                : Reply.of(501, "Option not understood.");
    }

    static Reply help() {
        return Reply.multi(214, "The following commands are recognized.", List.of(
                " ABOR ACCT ALLO APPE CDUP CWD  DELE EPRT EPSV FEAT HELP LIST MDTM MKD",
                " MODE NLST NOOP OPTS PASS PASV PORT PWD  QUIT REIN REST RETR RMD  RNFR",
                " RNTO SITE SIZE SMNT STAT STOR STOU STRU SYST TYPE USER XCUP XCWD XMKD",
                " XPWD XRMD"), "Help OK.");
    }

    /** A path inside {@code 257 "..."}: embedded quotes are doubled (RFC 959). */
    static String quotePath(String path) {
        return '"' + path.replace("\"", "\"\"") + '"';
    }
}
