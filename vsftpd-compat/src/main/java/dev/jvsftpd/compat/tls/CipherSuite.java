package dev.jvsftpd.compat.tls;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A TLS 1.2-and-earlier cipher suite described the way OpenSSL's cipher strings select suites:
 * key exchange, authentication, bulk cipher, MAC. Parsed from the standard (IANA/JSSE) name,
 * which encodes all four; the OpenSSL name is derived from them by OpenSSL's naming rules
 * (checked in the tests against {@code openssl ciphers -stdname}).
 *
 * @param standardName the IANA name, as JSSE spells it ({@code SSL_} prefix for some old suites)
 * @param kx           RSA, DHE, ECDHE, DH or ECDH (the last two static)
 * @param auth         RSA, DSS, ECDSA or NULL (anonymous)
 * @param cipher       AES128, AES256, AES128GCM, AES256GCM, AES128CCM, AES256CCM, AES128CCM8,
 *                     AES256CCM8, CHACHA20, CAMELLIA128, CAMELLIA256, ARIA128GCM, ARIA256GCM,
 *                     3DES, DES, RC4, SEED, IDEA or NULL
 * @param mac          SHA1, SHA256, SHA384, MD5 or AEAD
 */
public record CipherSuite(String standardName, String kx, String auth, String cipher, String mac) {

    private static final Map<String, String> KEY_EXCHANGE = Map.ofEntries(
            Map.entry("RSA", "RSA/RSA"),
            Map.entry("DHE_RSA", "DHE/RSA"),
            Map.entry("DHE_DSS", "DHE/DSS"),
            Map.entry("ECDHE_RSA", "ECDHE/RSA"),
            Map.entry("ECDHE_ECDSA", "ECDHE/ECDSA"),
            Map.entry("DH_anon", "DHE/NULL"),
            Map.entry("ECDH_anon", "ECDHE/NULL"),
            Map.entry("ECDH_RSA", "ECDH/RSA"),
            Map.entry("ECDH_ECDSA", "ECDH/ECDSA"),
            Map.entry("DH_RSA", "DH/RSA"),
            Map.entry("DH_DSS", "DH/DSS"));

    /** Bulk cipher part of the standard name (mode included) to our short name. */
    private static final Map<String, String> CIPHERS = Map.ofEntries(
            Map.entry("AES_128_CBC", "AES128"), Map.entry("AES_256_CBC", "AES256"),
            Map.entry("AES_128_GCM", "AES128GCM"), Map.entry("AES_256_GCM", "AES256GCM"),
            Map.entry("AES_128_CCM", "AES128CCM"), Map.entry("AES_256_CCM", "AES256CCM"),
            Map.entry("AES_128_CCM_8", "AES128CCM8"), Map.entry("AES_256_CCM_8", "AES256CCM8"),
            Map.entry("CHACHA20_POLY1305", "CHACHA20"),
            Map.entry("CAMELLIA_128_CBC", "CAMELLIA128"), Map.entry("CAMELLIA_256_CBC", "CAMELLIA256"),
            Map.entry("ARIA_128_GCM", "ARIA128GCM"), Map.entry("ARIA_256_GCM", "ARIA256GCM"),
            Map.entry("3DES_EDE_CBC", "3DES"), Map.entry("DES_CBC", "DES"),
            Map.entry("RC4_128", "RC4"), Map.entry("SEED_CBC", "SEED"), Map.entry("IDEA_CBC", "IDEA"),
            Map.entry("NULL", "NULL"));

    /** OpenSSL's spelling of each bulk cipher inside a suite name. */
    private static final Map<String, String> OPENSSL_CIPHER = Map.ofEntries(
            Map.entry("AES128", "AES128"), Map.entry("AES256", "AES256"),
            Map.entry("AES128GCM", "AES128-GCM"), Map.entry("AES256GCM", "AES256-GCM"),
            Map.entry("AES128CCM", "AES128-CCM"), Map.entry("AES256CCM", "AES256-CCM"),
            Map.entry("AES128CCM8", "AES128-CCM8"), Map.entry("AES256CCM8", "AES256-CCM8"),
            Map.entry("CHACHA20", "CHACHA20-POLY1305"),
            Map.entry("CAMELLIA128", "CAMELLIA128"), Map.entry("CAMELLIA256", "CAMELLIA256"),
            Map.entry("ARIA128GCM", "ARIA128-GCM"), Map.entry("ARIA256GCM", "ARIA256-GCM"),
            Map.entry("3DES", "DES-CBC3"), Map.entry("DES", "DES-CBC"), Map.entry("RC4", "RC4"),
            Map.entry("SEED", "SEED"), Map.entry("IDEA", "IDEA-CBC"), Map.entry("NULL", "NULL"));

    private static volatile Set<String> formable;

    /**
     * Every suite name OpenSSL's naming rules can form from the parts this class knows; used to
     * tell a real OpenSSL suite that the JVM lacks (CAMELLIA, CCM ...) from a typing error.
     */
    static Set<String> formableOpenSslNames() {
        Set<String> names = formable;
        if (names == null) {
            Set<String> all = new HashSet<>();
            for (String kxAuth : KEY_EXCHANGE.values()) {
                String[] parts = kxAuth.split("/");
                for (String cipher : CIPHERS.values()) {
                    for (String mac : List.of("SHA1", "SHA256", "SHA384", "MD5", "AEAD", "AEAD:SHA256", "AEAD:SHA384")) {
                        all.addAll(new CipherSuite("", parts[0], parts[1], cipher, mac).openSslNames());
                    }
                }
            }
            names = Set.copyOf(all);
            formable = names;
        }
        return names;
    }

    /**
     * Parses a TLS 1.2-or-earlier standard name; TLS 1.3 suites (no key exchange in the name),
     * PSK, SRP, export and signalling suites are not selectable by ssl_ciphers and give empty.
     */
    public static Optional<CipherSuite> parse(String standardName) {
        String name = standardName;
        if (name.startsWith("TLS_") || name.startsWith("SSL_")) {
            name = name.substring(4);
        } else {
            return Optional.empty();
        }
        int with = name.indexOf("_WITH_");
        if (with < 0) {
            return Optional.empty();
        }
        String kxAuth = KEY_EXCHANGE.get(name.substring(0, with));
        if (kxAuth == null) {
            return Optional.empty();
        }
        String rest = name.substring(with + "_WITH_".length());
        String mac;
        String cipherPart;
        if (rest.endsWith("_CCM") || rest.endsWith("_CCM_8")) {
            mac = "AEAD";
            cipherPart = rest;
        } else {
            int last = rest.lastIndexOf('_');
            if (last < 0) {
                return Optional.empty();
            }
            mac = switch (rest.substring(last + 1)) {
                case "SHA" -> "SHA1";
                case "SHA256" -> "SHA256";
                case "SHA384" -> "SHA384";
                case "MD5" -> "MD5";
                default -> null;
            };
            cipherPart = rest.substring(0, last);
            if (mac == null) {
                return Optional.empty();
            }
        }
        String cipher = CIPHERS.get(cipherPart);
        if (cipher == null) {
            return Optional.empty();
        }
        if (cipher.endsWith("GCM") || cipher.equals("CHACHA20")) {
            // the hash named after an AEAD cipher is the handshake PRF's, not a record MAC
            mac = "AEAD:" + mac;
        }
        String[] parts = kxAuth.split("/");
        return Optional.of(new CipherSuite(standardName, parts[0], parts[1], cipher, mac));
    }

    /** The name {@code openssl ciphers} prints, followed by older spellings it also accepts. */
    public List<String> openSslNames() {
        String bulk = OPENSSL_CIPHER.get(cipher);
        String digest = switch (mac) {
            case "SHA1" -> "-SHA";
            case "SHA256", "AEAD:SHA256" -> cipher.equals("CHACHA20") ? "" : "-SHA256";
            case "SHA384", "AEAD:SHA384" -> "-SHA384";
            case "MD5" -> "-MD5";
            default -> "";
        };
        String body = bulk + digest;
        List<String> names = new ArrayList<>();
        String key = kx + "/" + auth;
        switch (key) {
            case "RSA/RSA" -> names.add(body);
            case "DHE/RSA", "DHE/DSS" -> {
                String suffix = auth.equals("RSA") ? "RSA-" : "DSS-";
                // the single and triple DES suites kept their pre-1.1 EDH- names
                if (cipher.equals("3DES") || cipher.equals("DES")) {
                    names.add("EDH-" + suffix + body);
                    names.add("DHE-" + suffix + body);
                } else {
                    names.add("DHE-" + suffix + body);
                    names.add("EDH-" + suffix + body);
                }
            }
            case "ECDHE/RSA" -> names.add((cipher.startsWith("ARIA") ? "ECDHE-" : "ECDHE-RSA-") + body);
            case "ECDHE/ECDSA" -> names.add("ECDHE-ECDSA-" + body);
            case "DHE/NULL" -> names.add("ADH-" + body);
            case "ECDHE/NULL" -> names.add("AECDH-" + body);
            case "ECDH/RSA" -> names.add("ECDH-RSA-" + body);
            case "ECDH/ECDSA" -> names.add("ECDH-ECDSA-" + body);
            case "DH/RSA" -> names.add("DH-RSA-" + body);
            case "DH/DSS" -> names.add("DH-DSS-" + body);
            default -> names.add(body);
        }
        return names;
    }

    /** OpenSSL's strength class: HIGH, MEDIUM, LOW or NONE (no encryption). */
    public String strength() {
        return switch (cipher) {
            case "3DES", "RC4", "SEED", "IDEA" -> "MEDIUM";
            case "DES" -> "LOW";
            case "NULL" -> "NONE";
            default -> "HIGH";
        };
    }

    /**
     * The oldest protocol the suite works with, as OpenSSL's TLSv1.2/TLSv1.0/SSLv3 aliases select:
     * AEAD ciphers and SHA-2 MACs need TLS 1.2, elliptic-curve key exchange came with TLS 1.0,
     * the rest dates from SSLv3.
     */
    public String minimumVersion() {
        if (!(mac.equals("SHA1") || mac.equals("MD5"))) {
            return "TLSv1.2";
        }
        return kx.startsWith("ECDH") ? "TLSv1.0" : "SSLv3";
    }

    /**
     * Whether OpenSSL 3's DEFAULT keeps the suite: not anonymous, not DSS-authenticated, and none
     * of the ciphers it marks "not default" (CCM, ARIA, CAMELLIA and the legacy ones).
     */
    public boolean inDefault() {
        return !auth.equals("NULL") && !auth.equals("DSS") && !cipher.contains("CCM") && !cipher.startsWith("ARIA")
                && !cipher.startsWith("CAMELLIA") && !strength().equals("MEDIUM") && !strength().equals("LOW");
    }
}
