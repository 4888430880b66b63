package dev.jvsftpd.compat.tls;

import dev.jvsftpd.compat.config.OopsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A certificate chain and its private key, loaded as vsftpd's SSL_CTX_use_certificate_chain_file
 * and SSL_CTX_use_PrivateKey_file load rsa_cert_file/rsa_private_key_file (or the dsa_ pair):
 * the first certificate of the file is the server's, the others its chain; the key is the first
 * private key of the key file, which is the certificate file itself when no key file is set.
 * Failures carry vsftpd's exact OOPS text; the file and the reason go in the detail line.
 *
 * @param kind RSA or DSA: which directive pair, as vsftpd names it in its errors (an EC key in
 *             rsa_cert_file is fine: vsftpd never checked the type either)
 */
public record ServerCredentials(String kind, String certFile, String keyFile, List<X509Certificate> chain,
                                PrivateKey key) {
    /** OpenSSL reads whatever it is given; a megabyte is far beyond any PEM chain. */
    private static final int MAX_FILE = 1 << 20;

    public ServerCredentials {
        chain = List.copyOf(chain);
    }

    public static ServerCredentials load(String kind, String certFile, String keyFile) {
        String certOops = "SSL: cannot load " + kind + " certificate";
        String keyOops = "SSL: cannot load " + kind + " private key";
        List<X509Certificate> chain = certificates(read(certFile, certOops), certFile, certOops);
        if (chain.isEmpty()) {
            throw new OopsException(certOops, certFile + ": no PEM certificate in it");
        }
        String keyPath = keyFile != null ? keyFile : certFile;
        PrivateKey key;
        try {
            key = PrivateKeys.first(parse(read(keyPath, keyOops), keyPath, keyOops)).orElseThrow(() -> new OopsException(
                    keyOops, keyPath + ": no PEM private key in it" + (keyFile == null
                            ? " (" + kind.toLowerCase() + "_private_key_file is unset, so the key must be in "
                                    + kind.toLowerCase() + "_cert_file)" : "")));
        } catch (PrivateKeys.UnusableKeyException e) {
            throw new OopsException(keyOops, keyPath + ": " + e.getMessage());
        }
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new OopsException(keyOops, keyPath + ": the private key does not belong to the certificate in "
                    + certFile);
        }
        return new ServerCredentials(kind, certFile, keyPath, chain, key);
    }

    /** The certificates of a PEM file (CERTIFICATE, X509 CERTIFICATE and TRUSTED CERTIFICATE blocks). */
    static List<X509Certificate> certificates(byte[] file, String path, String oops) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Pem.Block block : parse(file, path, oops)) {
            if (!block.label().endsWith("CERTIFICATE") || block.label().contains("REQUEST")) {
                continue;
            }
            try {
                // a TRUSTED CERTIFICATE carries OpenSSL trust settings after the certificate: read one
                InputStream in = new ByteArrayInputStream(block.der());
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
            } catch (CertificateException e) {
                throw new OopsException(oops, path + ": a " + block.label() + " block is not a valid certificate: "
                        + e.getMessage());
            }
        }
        return certificates;
    }

    static byte[] read(String file, String oops) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return in.readNBytes(MAX_FILE);
        } catch (IOException | RuntimeException e) {
            throw new OopsException(oops, file + ": cannot be read (" + reason(e) + ")");
        }
    }

    private static List<Pem.Block> parse(byte[] file, String path, String oops) {
        try {
            return Pem.parse(file);
        } catch (Pem.MalformedException e) {
            throw new OopsException(oops, path + ": " + e.getMessage());
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Whether the key signs what the certificate's public key verifies: the one test for every key type. */
    static boolean matches(PrivateKey key, PublicKey certified) {
        byte[] probe = "jvsftpd key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = signature(key.getAlgorithm());
            signer.initSign(key);
            signer.update(probe);
            byte[] signed = signer.sign();
            Signature verifier = signature(key.getAlgorithm());
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signed);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Signature signature(String keyAlgorithm) throws GeneralSecurityException {
        return switch (keyAlgorithm) {
            case "RSA" -> Signature.getInstance("SHA256withRSA");
            case "EC" -> Signature.getInstance("SHA256withECDSA");
            case "DSA" -> Signature.getInstance("SHA256withDSA");
            case "RSASSA-PSS" -> {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield pss;
            }
            default -> Signature.getInstance(keyAlgorithm);
        };
    }

    /**
     * Why the server certificate should not be served at {@code now}: expired or not valid yet.
     * vsftpd itself serves such a certificate; every client that verifies then refuses it.
     */
    public Optional<String> validityProblem(Instant now) {
        X509Certificate server = chain.get(0);
        if (now.isAfter(server.getNotAfter().toInstant())) {
            return Optional.of(certFile + ": the certificate expired on " + server.getNotAfter().toInstant());
        }
        if (now.isBefore(server.getNotBefore().toInstant())) {
            return Optional.of(certFile + ": the certificate is not valid before " + server.getNotBefore().toInstant());
        }
        return Optional.empty();
    }
}
