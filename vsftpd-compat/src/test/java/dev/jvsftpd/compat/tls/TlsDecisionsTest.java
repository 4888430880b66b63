package dev.jvsftpd.compat.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.ConfigParser;
import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.VsftpdConfig;
import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The pure decisions: protocols, FEAT lines, client certificates, login and data rules, failure texts. */
class TlsDecisionsTest {
    private static final Set<String> JSSE = Set.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3", "SSLv2Hello");

    static TlsSettings settings(Dialect dialect, String... lines) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(dialect);
        ConfigParser.applySetting("ssl_enable=YES", VsftpdConfig.Source.commandLine(), builder);
        for (String line : lines) {
            ConfigParser.applySetting(line, VsftpdConfig.Source.commandLine(), builder);
        }
        return TlsSettings.from(builder.build());
    }

    @Test
    void sslTlsv1SwitchesOnlyTls10AsOpensslOptionsDo() {
        assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"), settings(Dialect.DEBIAN).protocols(JSSE));
        assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1"), settings(Dialect.DEBIAN, "ssl_tlsv1=NO").protocols(JSSE));
        assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"),
                settings(Dialect.UPSTREAM, "ssl_sslv3=YES", "ssl_sslv2=YES").protocols(JSSE));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), settings(Dialect.DEBIAN).protocols(Set.of("TLSv1.3", "TLSv1.2")));
    }

    @Test
    void rhelHasOneSwitchPerVersion() {
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), settings(Dialect.RHEL).protocols(JSSE));
        assertEquals(List.of("TLSv1.2", "TLSv1.1", "TLSv1"),
                settings(Dialect.RHEL, "ssl_tlsv1_3=NO", "ssl_tlsv1_1=YES", "ssl_tlsv1=YES").protocols(JSSE));
        assertEquals(List.of(" AUTH TLS"), settings(Dialect.RHEL).authFeatures());
        assertEquals(List.of(), settings(Dialect.RHEL, "ssl_tlsv1_2=NO", "ssl_tlsv1_3=NO").authFeatures());
    }

    @Test
    void featListsAuthSslForSslv2Or3AndAuthTlsForTls() {
        assertEquals(List.of(" AUTH TLS"), settings(Dialect.DEBIAN).authFeatures());
        assertEquals(List.of(), settings(Dialect.DEBIAN, "ssl_tlsv1=NO").authFeatures());
        assertEquals(List.of(" AUTH SSL", " AUTH TLS"), settings(Dialect.DEBIAN, "ssl_sslv3=YES").authFeatures());
        assertEquals(List.of(" AUTH SSL"), settings(Dialect.DEBIAN, "ssl_sslv2=YES", "ssl_tlsv1=NO").authFeatures());
        assertEquals(List.of(), settings(Dialect.DEBIAN, "ssl_enable=NO").authFeatures());
    }

    @Test
    void clientCertificatesAreAskedForOnlyWithSslRequestCert() {
        assertEquals(TlsSettings.ClientAuth.WANT, settings(Dialect.DEBIAN).clientAuth());
        assertEquals(TlsSettings.ClientAuth.NEED, settings(Dialect.DEBIAN, "require_cert=YES").clientAuth());
        assertEquals(TlsSettings.ClientAuth.NONE, settings(Dialect.DEBIAN, "ssl_request_cert=NO", "require_cert=YES")
                .clientAuth());
        assertTrue(settings(Dialect.DEBIAN, "ssl_request_cert=NO", "require_cert=YES", "ca_certs_file=/x").readsCaFile());
        assertTrue(!settings(Dialect.DEBIAN, "ssl_request_cert=NO", "ca_certs_file=/x").readsCaFile());
    }

    @Test
    void userRules() {
        TlsSettings defaults = settings(Dialect.DEBIAN);
        assertEquals(Optional.of(new LoginEncryption.Refusal(530, "Non-anonymous sessions must use encryption.", true)),
                LoginEncryption.atUser(defaults, false, false));
        assertEquals(Optional.empty(), LoginEncryption.atUser(defaults, false, true));
        assertEquals(Optional.of(new LoginEncryption.Refusal(530, "Anonymous sessions may not use encryption.", false)),
                LoginEncryption.atUser(defaults, true, true));
        assertEquals(Optional.empty(), LoginEncryption.atUser(defaults, true, false));
        assertEquals(Optional.empty(), LoginEncryption.atUser(settings(Dialect.DEBIAN, "allow_anon_ssl=YES"), true, true));
        TlsSettings forceAnon = settings(Dialect.DEBIAN, "force_anon_logins_ssl=YES");
        assertEquals(Optional.empty(), LoginEncryption.atUser(forceAnon, true, true));
        assertEquals(Optional.of(new LoginEncryption.Refusal(530, "Anonymous sessions must use encryption.", true)),
                LoginEncryption.atUser(forceAnon, true, false));
        assertEquals(Optional.empty(), LoginEncryption.atUser(settings(Dialect.DEBIAN, "ssl_enable=NO"), false, false));
    }

    @Test
    void dataRules() {
        TlsSettings defaults = settings(Dialect.DEBIAN);
        LoginEncryption.Refusal refusal = new LoginEncryption.Refusal(522, "Data connections must be encrypted.", false);
        assertEquals(Optional.of(refusal), LoginEncryption.atTransfer(defaults, false, false));
        assertEquals(Optional.empty(), LoginEncryption.atTransfer(defaults, false, true));
        assertEquals(Optional.empty(), LoginEncryption.atTransfer(defaults, true, false));
        assertEquals(Optional.of(refusal), LoginEncryption.atTransfer(settings(Dialect.DEBIAN, "force_anon_data_ssl=YES"),
                true, false));
        assertEquals(Optional.empty(), LoginEncryption.atTransfer(settings(Dialect.DEBIAN, "force_local_data_ssl=NO"),
                false, false));
    }

    @Test
    void dataConnectionChecks() {
        TlsSettings reuse = settings(Dialect.DEBIAN);
        TlsSettings noReuse = settings(Dialect.DEBIAN, "require_ssl_reuse=NO");
        Certificate a = certificate("server.pem");
        Certificate b = certificate("client.pem");
        assertEquals(Optional.of("No SSL session reuse on data channel."),
                SecureData.refusal(reuse, false, Optional.empty(), Optional.empty()));
        assertEquals(Optional.empty(), SecureData.refusal(reuse, true, Optional.empty(), Optional.empty()));
        assertEquals(Optional.empty(), SecureData.refusal(noReuse, false, Optional.empty(), Optional.empty()));
        assertEquals(Optional.of("Missing cert on data channel."),
                SecureData.refusal(noReuse, false, Optional.of(a), Optional.empty()));
        assertEquals(Optional.of("DIFFERENT cert on data channel."),
                SecureData.refusal(reuse, true, Optional.of(a), Optional.of(b)));
        assertEquals(Optional.empty(), SecureData.refusal(reuse, true, Optional.of(a), Optional.of(a)));
    }

    @Test
    void handshakeFailuresReadAsOpenssl3Reads() {
        assertEquals("error:0A00010B:SSL routines::wrong version number",
                TlsFailure.describe(new SSLException("Unsupported or unrecognized SSL message")));
        assertEquals("error:0A0000C7:SSL routines::peer did not return a certificate",
                TlsFailure.describe(new SSLHandshakeException("(certificate_required) Empty client certificate chain")));
        assertEquals("error:0A000086:SSL routines::certificate verify failed",
                TlsFailure.describe(new SSLException("x", new CertificateException("PKIX path building failed"))));
        assertEquals("error:0A0000C1:SSL routines::no shared cipher",
                TlsFailure.describe(new SSLHandshakeException("no cipher suites in common")));
        assertEquals("error:0A000102:SSL routines::unsupported protocol", TlsFailure.describe(
                new SSLHandshakeException("Client requested protocol TLSv1.1 is not enabled or supported in server context")));
        assertEquals("error:0A000126:SSL routines::unexpected eof while reading",
                TlsFailure.describe(new SSLException("x", new EOFException())));
        assertEquals("error:0A000126:SSL routines::unexpected eof while reading",
                TlsFailure.describe(new SocketException("Socket closed")));
        assertEquals("something else", TlsFailure.describe(new SSLException("something else")));
    }

    @Test
    void pemBlocksHeadersAndBrokenFiles() throws Exception {
        List<Pem.Block> blocks = Pem.parse(("junk\n-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n").getBytes());
        assertEquals(1, blocks.size());
        assertTrue(blocks.get(0).encrypted());
        assertEquals(3, blocks.get(0).der().length);
        org.junit.jupiter.api.Assertions.assertThrows(Pem.MalformedException.class,
                () -> Pem.parse("-----BEGIN CERTIFICATE-----\nAAAA\n".getBytes()));
    }

    private static Certificate certificate(String name) {
        TestPki pki = TestPki.shared();
        return ServerCredentials.certificates(ServerCredentials.read(pki.path(name), "x"), name, "x").get(0);
    }
}
