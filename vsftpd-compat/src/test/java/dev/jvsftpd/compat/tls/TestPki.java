package dev.jvsftpd.compat.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Certificates made with openssl when the tests start, once per JVM: a test CA, server
 * certificates for 127.0.0.1 signed by it (RSA and EC keys, PKCS#1/SEC1 and PKCS#8 files, a key
 * inside the certificate file, a chain through an intermediate CA), a DSA pair, a client
 * certificate from the CA, a self-signed rogue one, an expired server certificate and an
 * unrelated key.
 */
final class TestPki {
    private static TestPki shared;
    final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    static synchronized TestPki shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("jvsftpd-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                shared = new TestPki(dir);
                shared.generate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    String path(String name) {
        return file(name).toString();
    }

    private void generate() throws IOException {
        Files.writeString(file("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        Files.writeString(file("ca.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
        run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30",
                "-subj", "/CN=jvsftpd test CA");
        // RSA: openssl 3 writes PKCS#8; the PKCS#1 form is made from it
        signed("server", "rsa:2048", "/CN=127.0.0.1", "ca", "server.ext", 30);
        run("pkey", "-in", "server.key", "-traditional", "-out", "server-pkcs1.key");
        Files.writeString(file("combined.pem"), Files.readString(file("server.pem")) + Files.readString(file("server.key")));
        // EC: ecparam writes EC PARAMETERS + a SEC1 key; pkcs8 makes the PKCS#8 form
        run("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec-sec1.key");
        run("pkcs8", "-topk8", "-nocrypt", "-in", "ec-sec1.key", "-out", "ec.key");
        run("req", "-new", "-key", "ec.key", "-out", "ec.csr", "-subj", "/CN=127.0.0.1");
        run("x509", "-req", "-in", "ec.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "ec.pem",
                "-days", "30", "-extfile", "server.ext");
        // a chain: CA -> intermediate -> leaf
        signed("inter", "rsa:2048", "/CN=jvsftpd test intermediate", "ca", "ca.ext", 30);
        signed("leaf", "rsa:2048", "/CN=127.0.0.1", "inter", "server.ext", 30);
        Files.writeString(file("leaf-chain.pem"), Files.readString(file("leaf.pem")) + Files.readString(file("inter.pem")));
        // DSA, the traditional OpenSSL form and PKCS#8
        run("dsaparam", "-out", "dsa.param", "1024");
        run("gendsa", "-out", "dsa.key", "dsa.param");
        run("pkey", "-in", "dsa.key", "-traditional", "-out", "dsa-trad.key");
        run("req", "-x509", "-new", "-key", "dsa.key", "-out", "dsa.pem", "-days", "30", "-subj", "/CN=127.0.0.1",
                "-sha256");
        signed("client", "rsa:2048", "/CN=client", "ca", null, 30);
        run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rogue.key", "-out", "rogue.pem", "-days", "30",
                "-subj", "/CN=rogue");
        run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.key");
        run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "expired.pem", "-days", "-1", "-extfile", "server.ext");
        run("pkey", "-in", "server.key", "-out", "encrypted.key", "-aes128", "-passout", "pass:secret");
        Files.writeString(file("garbage.pem"), "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n");
        Files.writeString(file("no-cert.pem"), "just text\n", StandardCharsets.US_ASCII);
    }

    /** {@code name.key} + {@code name.pem} signed by {@code issuer}. */
    private void signed(String name, String key, String subject, String issuer, String extensions, int days)
            throws IOException {
        run("req", "-newkey", key, "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        if (extensions == null) {
            run("x509", "-req", "-in", name + ".csr", "-CA", issuer + ".pem", "-CAkey", issuer + ".key",
                    "-CAcreateserial", "-out", name + ".pem", "-days", String.valueOf(days));
        } else {
            run("x509", "-req", "-in", name + ".csr", "-CA", issuer + ".pem", "-CAkey", issuer + ".key",
                    "-CAcreateserial", "-out", name + ".pem", "-days", String.valueOf(days), "-extfile", extensions);
        }
    }

    private void run(String... args) throws IOException {
        Openssl.run(dir, args);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is all that can go wrong
        }
    }
}
