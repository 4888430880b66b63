package dev.jvsftpd.compat.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.ConfigParser;
import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading the PEM files vsftpd configs name, and vsftpd's startup OOPS when they are bad. */
class CredentialsTest {
    private final TestPki pki = TestPki.shared();

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
        "server.pem, server.key, RSA",
        "server.pem, server-pkcs1.key, RSA",
        "combined.pem, , RSA",
        "ec.pem, ec.key, EC",
        "ec.pem, ec-sec1.key, EC",
        "dsa.pem, dsa.key, DSA",
        "dsa.pem, dsa-trad.key, DSA",
    })
    void loadsEveryKeyFormOpensslWrites(String cert, String key, String algorithm) {
        ServerCredentials loaded = ServerCredentials.load("RSA", pki.path(cert), key == null ? null : pki.path(key));
        assertEquals(algorithm, loaded.key().getAlgorithm());
        assertTrue(ServerCredentials.matches(loaded.key(), loaded.chain().get(0).getPublicKey()));
    }

    @Test
    void theRestOfTheCertificateFileIsTheChain() {
        ServerCredentials loaded = ServerCredentials.load("RSA", pki.path("leaf-chain.pem"), pki.path("leaf.key"));
        assertEquals(2, loaded.chain().size());
        assertEquals("CN=jvsftpd test intermediate", loaded.chain().get(1).getSubjectX500Principal().getName());
    }

    @Test
    void textAroundTheBlocksIsIgnored(@TempDir Path dir) throws Exception {
        Path bagged = dir.resolve("bagged.pem");
        Files.writeString(bagged, "Bag Attributes\n    friendlyName: x\nsubject=/CN=127.0.0.1\n"
                + Files.readString(pki.file("server.pem")) + "Key Attributes: <No Attributes>\n"
                + Files.readString(pki.file("server-pkcs1.key")));
        assertEquals("RSA", ServerCredentials.load("RSA", bagged.toString(), null).key().getAlgorithm());
    }

    @Test
    void aMissingOrUnreadableCertificateIsVsftpdsOopsWithTheFileInTheDetail() {
        OopsException missing = oops(() -> ServerCredentials.load("RSA", pki.path("missing.pem"), null));
        assertEquals("SSL: cannot load RSA certificate", missing.vsftpdText());
        assertEquals(pki.path("missing.pem") + ": cannot be read (no such file)", missing.detail().orElseThrow());
        OopsException directory = oops(() -> ServerCredentials.load("RSA", pki.dir.toString(), null));
        assertEquals("SSL: cannot load RSA certificate", directory.vsftpdText());
        assertTrue(directory.detail().orElseThrow().startsWith(pki.dir + ": cannot be read"));
        OopsException notPem = oops(() -> ServerCredentials.load("DSA", pki.path("no-cert.pem"), null));
        assertEquals("SSL: cannot load DSA certificate", notPem.vsftpdText());
        assertEquals(pki.path("no-cert.pem") + ": no PEM certificate in it", notPem.detail().orElseThrow());
        OopsException garbage = oops(() -> ServerCredentials.load("RSA", pki.path("garbage.pem"), null));
        assertEquals("SSL: cannot load RSA certificate", garbage.vsftpdText());
        assertTrue(garbage.detail().orElseThrow().contains("garbage.pem"));
    }

    @Test
    void aKeyThatIsMissingMismatchedOrEncryptedIsTheKeyOops() {
        OopsException none = oops(() -> ServerCredentials.load("RSA", pki.path("server.pem"), null));
        assertEquals("SSL: cannot load RSA private key", none.vsftpdText());
        assertEquals(pki.path("server.pem") + ": no PEM private key in it (rsa_private_key_file is unset, so the key"
                + " must be in rsa_cert_file)", none.detail().orElseThrow());
        OopsException mismatch = oops(() -> ServerCredentials.load("RSA", pki.path("server.pem"), pki.path("other.key")));
        assertEquals("SSL: cannot load RSA private key", mismatch.vsftpdText());
        assertEquals(pki.path("other.key") + ": the private key does not belong to the certificate in "
                + pki.path("server.pem"), mismatch.detail().orElseThrow());
        OopsException ecForRsa = oops(() -> ServerCredentials.load("RSA", pki.path("server.pem"), pki.path("ec.key")));
        assertEquals("SSL: cannot load RSA private key", ecForRsa.vsftpdText());
        OopsException encrypted = oops(() -> ServerCredentials.load("RSA", pki.path("server.pem"),
                pki.path("encrypted.key")));
        assertTrue(encrypted.detail().orElseThrow().contains("encrypted"), encrypted.detail().orElseThrow());
    }

    @Test
    void startupChecksTheFilesTheCaFileTheCiphersAndExpiry() {
        assertEquals("SSL: cannot load RSA certificate", oops(() -> ServerTls.checkAtStartup(config(
                "rsa_cert_file=" + pki.path("missing.pem")), Instant.now())).vsftpdText());
        assertEquals("SSL: cannot load RSA private key", oops(() -> ServerTls.checkAtStartup(config(
                "rsa_private_key_file=" + pki.path("other.key")), Instant.now())).vsftpdText());
        assertEquals("SSL: could not load verify file", oops(() -> ServerTls.checkAtStartup(config(
                "ca_certs_file=" + pki.path("missing.pem")), Instant.now())).vsftpdText());
        assertEquals("SSL: could not set cipher list", oops(() -> ServerTls.checkAtStartup(config(
                "ssl_ciphers=NONSENSE"), Instant.now())).vsftpdText());
        OopsException expired = oops(() -> ServerTls.checkAtStartup(config("rsa_cert_file=" + pki.path("expired.pem")),
                Instant.now()));
        assertEquals("SSL: cannot load RSA certificate", expired.vsftpdText());
        assertTrue(expired.detail().orElseThrow().startsWith(pki.path("expired.pem") + ": the certificate expired on"));
        // vsftpd reads the CA file only when a certificate may be asked for
        ServerTls.checkAtStartup(config("ca_certs_file=" + pki.path("missing.pem"), "ssl_request_cert=NO"), Instant.now());
        // and nothing at all without ssl_enable
        ServerTls.checkAtStartup(config("ssl_enable=NO", "rsa_cert_file=" + pki.path("missing.pem")), Instant.now());
    }

    @Test
    void vsftpdsDefaultsGiveTls13AndTheOneTls12Suite() {
        ServerTls tls = ServerTls.forConfig(config());
        // ssl_tlsv1=YES keeps TLS 1.0 too; the JVM policy (jdk.tls.disabledAlgorithms) still refuses 1.0 and 1.1
        assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"), tls.protocols());
        assertEquals(List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), tls.cipherSuites());
    }

    /** A Debian config with ssl_enable and the test server pair, plus {@code lines}. */
    VsftpdConfig config(String... lines) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(Dialect.DEBIAN);
        List<String> settings = new java.util.ArrayList<>(List.of("ssl_enable=YES",
                "rsa_cert_file=" + pki.path("server.pem"), "rsa_private_key_file=" + pki.path("server.key")));
        settings.addAll(List.of(lines));
        for (String setting : settings) {
            ConfigParser.applySetting(setting, VsftpdConfig.Source.commandLine(), builder);
        }
        return builder.build();
    }

    private static OopsException oops(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(OopsException.class, action);
    }
}
