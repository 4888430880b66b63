package dev.jvsftpd.compat.tls;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The private key of a PEM file, in any of the forms OpenSSL writes: PKCS#8
 * ({@code PRIVATE KEY}) and the traditional PKCS#1 RSA, SEC1 EC and OpenSSL DSA forms, which are
 * wrapped into PKCS#8 here because that is all Java's KeyFactory reads.
 */
final class PrivateKeys {
    /** Thrown for a key block that is there but cannot be used. */
    static final class UnusableKeyException extends Exception {
        UnusableKeyException(String message) {
            super(message);
        }
    }

    /** PKCS#8 algorithm identifiers (OID with tag and length) to KeyFactory names. */
    private static final Map<String, String> ALGORITHMS = Map.of(
            Arrays.toString(Der.RSA_OID), "RSA",
            Arrays.toString(Der.EC_OID), "EC",
            Arrays.toString(Der.DSA_OID), "DSA",
            Arrays.toString(new byte[] {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0a}),
            "RSASSA-PSS",
            Arrays.toString(new byte[] {0x06, 0x03, 0x2b, 0x65, 0x70}), "Ed25519",
            Arrays.toString(new byte[] {0x06, 0x03, 0x2b, 0x65, 0x71}), "Ed448");

    private PrivateKeys() {
    }

    /**
     * The first private key among the blocks, as OpenSSL takes the first one: certificates and
     * other blocks before it are skipped.
     */
    static Optional<PrivateKey> first(List<Pem.Block> blocks) throws UnusableKeyException {
        for (Pem.Block block : blocks) {
            String label = block.label();
            if (!label.endsWith("PRIVATE KEY")) {
                continue;
            }
            if (block.encrypted()) {
                throw new UnusableKeyException("the private key is encrypted; vsftpd would ask for its passphrase"
                        + " on a terminal, jvsftpd needs it unencrypted (openssl pkey -in key.pem -out plain.pem)");
            }
            try {
                return Optional.of(switch (label) {
                    case "PRIVATE KEY" -> pkcs8(block.der());
                    case "RSA PRIVATE KEY" -> generate("RSA", wrap(Der.RSA_OID, Der.NULL_VALUE, block.der()));
                    case "EC PRIVATE KEY" -> generate("EC", wrap(Der.EC_OID, curve(block.der(), blocks), block.der()));
                    case "DSA PRIVATE KEY" -> dsa(block.der());
                    default -> throw new UnusableKeyException("unsupported key type: " + label);
                });
            } catch (GeneralSecurityException | Der.MalformedException | IndexOutOfBoundsException e) {
                throw new UnusableKeyException("the " + label + " block is not a valid key: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException, UnusableKeyException {
        List<Der.Element> fields = Der.read(der, 0).children();
        byte[] oid = fields.get(1).children().get(0).encoded();
        String algorithm = ALGORITHMS.get(Arrays.toString(oid));
        if (algorithm == null) {
            throw new UnusableKeyException("unsupported key algorithm in the PRIVATE KEY block");
        }
        return generate(algorithm, der);
    }

    private static PrivateKey generate(String algorithm, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** PrivateKeyInfo: version 0, the algorithm and its parameters, the traditional key as octets. */
    private static byte[] wrap(byte[] oid, byte[] parameters, byte[] key) {
        return Der.sequence(Der.smallInteger(0), Der.sequence(oid, parameters), Der.octetString(key));
    }

    /**
     * The curve of a SEC1 key: its own {@code [0]} parameters, else the {@code EC PARAMETERS}
     * block that {@code openssl ecparam -genkey} writes before it.
     */
    private static byte[] curve(byte[] sec1, List<Pem.Block> blocks) throws UnusableKeyException {
        for (Der.Element field : Der.read(sec1, 0).children()) {
            if (field.tag() == 0xa0) {
                return field.content();
            }
        }
        for (Pem.Block block : blocks) {
            if (block.label().equals("EC PARAMETERS")) {
                return block.der();
            }
        }
        throw new UnusableKeyException("the EC PRIVATE KEY names no curve");
    }

    /** OpenSSL's DSA form is SEQUENCE {0, p, q, g, y, x}; PKCS#8 wants {p, q, g} and x apart. */
    private static PrivateKey dsa(byte[] der) throws GeneralSecurityException {
        List<Der.Element> f = Der.read(der, 0).children();
        byte[] parameters = Der.sequence(f.get(1).encoded(), f.get(2).encoded(), f.get(3).encoded());
        return generate("DSA", wrap(Der.DSA_OID, parameters, f.get(5).encoded()));
    }
}
