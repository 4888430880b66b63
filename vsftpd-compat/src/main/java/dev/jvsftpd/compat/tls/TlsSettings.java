package dev.jvsftpd.compat.tls;

import static dev.jvsftpd.compat.config.Directives.ALLOW_ANON_SSL;
import static dev.jvsftpd.compat.config.Directives.CA_CERTS_FILE;
import static dev.jvsftpd.compat.config.Directives.DEBUG_SSL;
import static dev.jvsftpd.compat.config.Directives.DSA_CERT_FILE;
import static dev.jvsftpd.compat.config.Directives.DSA_PRIVATE_KEY_FILE;
import static dev.jvsftpd.compat.config.Directives.FORCE_ANON_DATA_SSL;
import static dev.jvsftpd.compat.config.Directives.FORCE_ANON_LOGINS_SSL;
import static dev.jvsftpd.compat.config.Directives.FORCE_LOCAL_DATA_SSL;
import static dev.jvsftpd.compat.config.Directives.FORCE_LOCAL_LOGINS_SSL;
import static dev.jvsftpd.compat.config.Directives.IMPLICIT_SSL;
import static dev.jvsftpd.compat.config.Directives.REQUIRE_CERT;
import static dev.jvsftpd.compat.config.Directives.REQUIRE_SSL_REUSE;
import static dev.jvsftpd.compat.config.Directives.RSA_CERT_FILE;
import static dev.jvsftpd.compat.config.Directives.RSA_PRIVATE_KEY_FILE;
import static dev.jvsftpd.compat.config.Directives.SSL_CIPHERS;
import static dev.jvsftpd.compat.config.Directives.SSL_ENABLE;
import static dev.jvsftpd.compat.config.Directives.SSL_REQUEST_CERT;
import static dev.jvsftpd.compat.config.Directives.SSL_SSLV2;
import static dev.jvsftpd.compat.config.Directives.SSL_SSLV3;
import static dev.jvsftpd.compat.config.Directives.SSL_TLSV1;
import static dev.jvsftpd.compat.config.Directives.SSL_TLSV1_1;
import static dev.jvsftpd.compat.config.Directives.SSL_TLSV1_2;
import static dev.jvsftpd.compat.config.Directives.SSL_TLSV1_3;
import static dev.jvsftpd.compat.config.Directives.STRICT_SSL_READ_EOF;
import static dev.jvsftpd.compat.config.Directives.STRICT_SSL_WRITE_SHUTDOWN;
import static dev.jvsftpd.compat.config.Directives.VALIDATE_CERT;

import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.VsftpdConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every TLS directive of one configuration, read once. The decisions derived from them are pure
 * functions here so they can be tested without sockets.
 *
 * @param versions the protocol switches; RHEL's ssl_tlsv1_1/1_2/1_3 are null in the other builds
 */
public record TlsSettings(boolean enabled, boolean implicit, Files files, Versions versions, String ciphers,
                          ClientCerts clientCerts, Logins logins, DataRules data, boolean debug) {

    /** The PEM files; a null key file means "the key is in the certificate file" (vsftpd's fallback). */
    public record Files(String rsaCert, String rsaKey, String dsaCert, String dsaKey, String caCerts) {
    }

    /** ssl_sslv2, ssl_sslv3, ssl_tlsv1 and RHEL's per-version switches (null outside RHEL). */
    public record Versions(Dialect dialect, boolean sslv2, boolean sslv3, boolean tlsv1, Boolean tlsv11,
                           Boolean tlsv12, Boolean tlsv13) {
    }

    /** ssl_request_cert, require_cert, validate_cert. */
    public record ClientCerts(boolean request, boolean require, boolean validate) {
    }

    /** allow_anon_ssl and the force_*_logins_ssl switches. */
    public record Logins(boolean allowAnonymous, boolean forceAnonymous, boolean forceLocal) {
    }

    /** force_*_data_ssl, require_ssl_reuse and the strict TLS closing rules of data connections. */
    public record DataRules(boolean forceAnonymous, boolean forceLocal, boolean requireReuse, boolean strictReadEof,
                            boolean strictWriteShutdown) {
    }

    /** How a client certificate is asked for on the handshake. */
    public enum ClientAuth { NONE, WANT, NEED }

    public static TlsSettings from(VsftpdConfig config) {
        Dialect dialect = config.dialect();
        boolean rhel = dialect == Dialect.RHEL;
        return new TlsSettings(
                config.bool(SSL_ENABLE),
                config.bool(IMPLICIT_SSL),
                new Files(config.string(RSA_CERT_FILE), config.string(RSA_PRIVATE_KEY_FILE),
                        config.string(DSA_CERT_FILE), config.string(DSA_PRIVATE_KEY_FILE),
                        config.string(CA_CERTS_FILE)),
                new Versions(dialect, config.bool(SSL_SSLV2), config.bool(SSL_SSLV3), config.bool(SSL_TLSV1),
                        rhel ? config.bool(SSL_TLSV1_1) : null, rhel ? config.bool(SSL_TLSV1_2) : null,
                        rhel ? config.bool(SSL_TLSV1_3) : null),
                config.string(SSL_CIPHERS),
                new ClientCerts(config.bool(SSL_REQUEST_CERT), config.bool(REQUIRE_CERT), config.bool(VALIDATE_CERT)),
                new Logins(config.bool(ALLOW_ANON_SSL), config.bool(FORCE_ANON_LOGINS_SSL),
                        config.bool(FORCE_LOCAL_LOGINS_SSL)),
                new DataRules(config.bool(FORCE_ANON_DATA_SSL), config.bool(FORCE_LOCAL_DATA_SSL),
                        config.bool(REQUIRE_SSL_REUSE), config.bool(STRICT_SSL_READ_EOF),
                        config.bool(STRICT_SSL_WRITE_SHUTDOWN)),
                config.bool(DEBUG_SSL));
    }

    /**
     * The FEAT lines that come first: {@code AUTH SSL} when SSLv2 or SSLv3 is on, {@code AUTH TLS}
     * when TLS is. On RHEL any of its TLS switches counts (its patch splits ssl_tlsv1 in four).
     */
    public List<String> authFeatures() {
        List<String> lines = new ArrayList<>();
        if (!enabled) {
            return lines;
        }
        if (versions.sslv2() || versions.sslv3()) {
            lines.add(" AUTH SSL");
        }
        boolean tls = versions.tlsv1() || Boolean.TRUE.equals(versions.tlsv11())
                || Boolean.TRUE.equals(versions.tlsv12()) || Boolean.TRUE.equals(versions.tlsv13());
        if (tls) {
            lines.add(" AUTH TLS");
        }
        return lines;
    }

    /**
     * The JSSE protocol names to enable, in JSSE's order. vsftpd 3.0.3 starts from everything
     * OpenSSL offers and only switches off what a NO names: ssl_tlsv1=NO removes TLS 1.0 alone,
     * so TLS 1.1, 1.2 and 1.3 stay on whatever the config says (seen with openssl s_client against
     * Debian's build). RHEL has one switch per version. The JVM's jdk.tls.disabledAlgorithms still
     * applies on top (TLS 1.0/1.1 and SSLv3 are off there by default, as OpenSSL 3's security
     * level 1 turns them off for vsftpd). SSLv2 does not exist in JSSE or OpenSSL 1.1+.
     */
    public List<String> protocols(Set<String> supported) {
        List<String> wanted = new ArrayList<>();
        boolean rhel = versions.tlsv13() != null;
        if (rhel ? versions.tlsv13() : true) {
            wanted.add("TLSv1.3");
        }
        if (rhel ? versions.tlsv12() : true) {
            wanted.add("TLSv1.2");
        }
        if (rhel ? versions.tlsv11() : true) {
            wanted.add("TLSv1.1");
        }
        if (versions.tlsv1()) {
            wanted.add("TLSv1");
        }
        if (versions.sslv3()) {
            wanted.add("SSLv3");
        }
        return wanted.stream().filter(supported::contains).toList();
    }

    /**
     * vsftpd asks OpenSSL to verify the peer only with ssl_request_cert; require_cert adds "fail
     * when none is given", which OpenSSL ignores unless the certificate is asked for at all.
     */
    public ClientAuth clientAuth() {
        if (!clientCerts.request()) {
            return ClientAuth.NONE;
        }
        return clientCerts.require() ? ClientAuth.NEED : ClientAuth.WANT;
    }

    /**
     * vsftpd reads ca_certs_file whenever ssl_request_cert or require_cert is on, even in the
     * combination where no certificate is then asked for.
     */
    public boolean readsCaFile() {
        return (clientCerts.request() || clientCerts.require()) && files.caCerts() != null;
    }
}
