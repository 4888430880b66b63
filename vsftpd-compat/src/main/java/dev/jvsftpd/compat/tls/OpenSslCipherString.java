package dev.jvsftpd.compat.tls;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ssl_ciphers, an OpenSSL cipher string, applied to the suites the JVM offers. vsftpd 3.0.3 hands
 * the string to SSL_CTX_set_cipher_list, which selects TLS 1.2-and-earlier suites only: TLS 1.3
 * suites are never touched by it, so they stay at the library's defaults (the same three in
 * OpenSSL 3 and JSSE).
 *
 * <p>Supported: exact OpenSSL suite names (and the older EDH- spellings), the aliases of
 * OpenSSL's ciphers(1) that can match a JSSE suite (ALL, DEFAULT, COMPLEMENTOFDEFAULT,
 * COMPLEMENTOFALL, HIGH, MEDIUM, LOW, eNULL/NULL, aNULL, kRSA/RSA, aRSA, kDHE/kEDH/DH, DHE/EDH,
 * ADH, kECDHE/kEECDH/ECDH, ECDHE/EECDH, AECDH, aDSS/DSS, aECDSA/ECDSA, AES, AES128, AES256,
 * AESGCM, AESCCM, AESCCM8, CHACHA20, CAMELLIA*, ARIA*, 3DES, DES, RC4, SEED, IDEA, MD5, SHA1/SHA,
 * SHA256, SHA384, CBC, TLSv1.2, TLSv1.0/TLSv1/SSLv3), {@code +} to combine them, the
 * {@code ! - +} prefixes, and separators {@code : , ;} and blanks. {@code @STRENGTH} and
 * {@code @SECLEVEL=n} only order or filter at handshake time in OpenSSL and are ignored: the
 * JVM's jdk.tls.disabledAlgorithms plays the security level's part. Order is irrelevant here
 * because vsftpd lets the client's preference decide (no SSL_OP_CIPHER_SERVER_PREFERENCE), and
 * jvsftpd does the same. RHEL's {@code PROFILE=SYSTEM} means the platform policy: the JVM's
 * default suites.
 */
public final class OpenSslCipherString {
    /** Aliases OpenSSL knows that never match a suite JSSE has (PSK, SRP, GOST ...). */
    private static final Set<String> OPENSSL_ONLY = Set.of("PSK", "KPSK", "APSK", "KECDHEPSK", "KDHEPSK",
            "KRSAPSK", "SRP", "KSRP", "ASRP", "AGOST", "AGOST01", "AGOST12", "KGOST", "GOST94", "GOST89MAC",
            "GOST2012", "KGOST18", "SUITEB128", "SUITEB128ONLY", "SUITEB128C2", "SUITEB192", "FIPS",
            "IDEA", "SEED", "RC2", "EXP", "EXPORT", "EXPORT40", "EXPORT56");

    /** The aliases {@link #alias} implements. */
    private static final Set<String> ALIASES = Set.of("ALL", "COMPLEMENTOFALL", "eNULL", "NULL",
            "COMPLEMENTOFDEFAULT", "HIGH", "MEDIUM", "LOW", "aNULL", "kRSA", "RSA", "aRSA", "kDHE", "kEDH", "DH",
            "DHE", "EDH", "ADH", "kECDHE", "kEECDH", "ECDH", "ECDHE", "EECDH", "AECDH", "aDSS", "DSS", "aECDSA",
            "ECDSA", "AES", "AES128", "AES256", "AESGCM", "AESCCM", "AESCCM8", "CHACHA20", "CAMELLIA",
            "CAMELLIA128", "CAMELLIA256", "ARIA", "ARIAGCM", "ARIA128", "ARIA256", "3DES", "DES", "RC4", "CBC",
            "MD5", "SHA1", "SHA", "SHA256", "SHA384", "TLSv1.2", "TLSv1.0", "TLSv1", "SSLv3");

    /** What a cipher string selects. */
    public record Selection(List<String> suites, boolean systemProfile, boolean recognised) {
    }

    private OpenSslCipherString() {
    }

    /**
     * @param string   the ssl_ciphers value
     * @param universe the TLS 1.2-and-earlier suites available, standard names, in preference order
     * @return the selected standard names in the universe's order; {@code recognised} is false
     *         when nothing in the string names a cipher OpenSSL knows (OpenSSL's
     *         "could not set cipher list" case)
     */
    public static Selection select(String string, List<String> universe) {
        if (string.startsWith("PROFILE=")) {
            return new Selection(List.of(), true, true);
        }
        List<CipherSuite> suites = universe.stream().map(CipherSuite::parse).flatMap(Optional::stream).toList();
        List<String> tokens = tokens(string);
        if (!tokens.isEmpty() && tokens.get(0).equals("DEFAULT")) {
            // OpenSSL expands DEFAULT only in first position
            tokens.remove(0);
            tokens.addAll(0, List.of("ALL", "!COMPLEMENTOFDEFAULT", "!eNULL"));
        }
        LinkedHashSet<CipherSuite> active = new LinkedHashSet<>();
        Set<CipherSuite> banned = new HashSet<>();
        // OpenSSL fails on an empty result; a term that adds suites the JVM lacks still counts
        boolean recognised = false;
        for (String token : tokens) {
            char op = token.charAt(0);
            String term = op == '!' || op == '-' || op == '+' ? token.substring(1) : token;
            if (term.startsWith("@") || term.isEmpty()) {
                continue;
            }
            Optional<Predicate<CipherSuite>> matcher = matcher(term);
            if (matcher.isEmpty()) {
                continue;
            }
            recognised |= op != '!' && op != '-' && op != '+' && knownToOpenSsl(term);
            List<CipherSuite> matching = suites.stream().filter(matcher.get()).toList();
            switch (op) {
                case '!' -> {
                    banned.addAll(matching);
                    matching.forEach(active::remove);
                }
                case '-' -> matching.forEach(active::remove);
                case '+' -> {
                    // moves to the end in OpenSSL: an ordering matter only
                }
                default -> matching.stream().filter(s -> !banned.contains(s)).forEach(active::add);
            }
        }
        List<String> selected = suites.stream().filter(active::contains).map(CipherSuite::standardName).toList();
        return new Selection(selected, false, !selected.isEmpty() || recognised);
    }

    private static List<String> tokens(String string) {
        List<String> tokens = new ArrayList<>();
        // a command such as @STRENGTH may follow a term directly: HIGH@STRENGTH
        for (String token : string.replace("@", ":@").split("[:, ;]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** A term: keywords joined with {@code +}; one unknown part and the term matches nothing. */
    private static Optional<Predicate<CipherSuite>> matcher(String term) {
        Predicate<CipherSuite> all = s -> true;
        for (String part : term.split("\\+")) {
            Optional<Predicate<CipherSuite>> one = keyword(part);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            all = all.and(one.get());
        }
        return Optional.of(all);
    }

    /** Whether OpenSSL would know the term: an alias, or a suite name its naming rules can form. */
    private static boolean knownToOpenSsl(String term) {
        for (String part : term.split("\\+")) {
            if (!OPENSSL_ONLY.contains(part.toUpperCase(Locale.ROOT)) && !ALIASES.contains(part)
                    && !CipherSuite.formableOpenSslNames().contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<CipherSuite> alias(String word) {
        return switch (word) {
            case "ALL" -> s -> !s.cipher().equals("NULL");
            case "COMPLEMENTOFALL", "eNULL", "NULL" -> s -> s.cipher().equals("NULL");
            case "COMPLEMENTOFDEFAULT" -> s -> !s.inDefault() && !s.cipher().equals("NULL");
            case "HIGH" -> s -> s.strength().equals("HIGH");
            case "MEDIUM" -> s -> s.strength().equals("MEDIUM");
            case "LOW" -> s -> s.strength().equals("LOW");
            case "aNULL" -> s -> s.auth().equals("NULL");
            case "kRSA", "RSA" -> s -> s.kx().equals("RSA");
            case "aRSA" -> s -> s.auth().equals("RSA");
            case "kDHE", "kEDH", "DH" -> s -> s.kx().equals("DHE");
            case "DHE", "EDH" -> s -> s.kx().equals("DHE") && !s.auth().equals("NULL");
            case "ADH" -> s -> s.kx().equals("DHE") && s.auth().equals("NULL");
            case "kECDHE", "kEECDH", "ECDH" -> s -> s.kx().equals("ECDHE");
            case "ECDHE", "EECDH" -> s -> s.kx().equals("ECDHE") && !s.auth().equals("NULL");
            case "AECDH" -> s -> s.kx().equals("ECDHE") && s.auth().equals("NULL");
            case "aDSS", "DSS" -> s -> s.auth().equals("DSS");
            case "aECDSA", "ECDSA" -> s -> s.auth().equals("ECDSA");
            case "AES" -> s -> s.cipher().startsWith("AES");
            case "AES128" -> s -> s.cipher().startsWith("AES128");
            case "AES256" -> s -> s.cipher().startsWith("AES256");
            case "AESGCM" -> s -> s.cipher().startsWith("AES") && s.cipher().endsWith("GCM");
            case "AESCCM" -> s -> s.cipher().startsWith("AES") && s.cipher().contains("CCM");
            case "AESCCM8" -> s -> s.cipher().startsWith("AES") && s.cipher().endsWith("CCM8");
            case "CHACHA20" -> s -> s.cipher().equals("CHACHA20");
            case "CAMELLIA" -> s -> s.cipher().startsWith("CAMELLIA");
            case "CAMELLIA128" -> s -> s.cipher().equals("CAMELLIA128");
            case "CAMELLIA256" -> s -> s.cipher().equals("CAMELLIA256");
            case "ARIA", "ARIAGCM" -> s -> s.cipher().startsWith("ARIA");
            case "ARIA128" -> s -> s.cipher().equals("ARIA128GCM");
            case "ARIA256" -> s -> s.cipher().equals("ARIA256GCM");
            case "3DES" -> s -> s.cipher().equals("3DES");
            case "DES" -> s -> s.cipher().equals("DES");
            case "RC4" -> s -> s.cipher().equals("RC4");
            case "CBC" -> s -> !s.mac().startsWith("AEAD") && !s.cipher().equals("NULL") && !s.cipher().equals("RC4");
            case "MD5" -> s -> s.mac().equals("MD5");
            case "SHA1", "SHA" -> s -> s.mac().equals("SHA1");
            case "SHA256" -> s -> s.mac().equals("SHA256");
            case "SHA384" -> s -> s.mac().equals("SHA384");
            case "TLSv1.2" -> s -> s.minimumVersion().equals("TLSv1.2");
            case "TLSv1.0", "TLSv1" -> s -> s.minimumVersion().equals("TLSv1.0");
            case "SSLv3" -> s -> s.minimumVersion().equals("SSLv3");
            default -> null;
        };
    }


    private static Optional<Predicate<CipherSuite>> keyword(String word) {
        Predicate<CipherSuite> p = alias(word);
        if (p != null) {
            return Optional.of(p);
        }
        if (OPENSSL_ONLY.contains(word.toUpperCase(Locale.ROOT))) {
            return Optional.of(s -> false);
        }
        if (word.matches("[A-Z0-9][A-Z0-9-]*")) {
            // an exact suite name, in any spelling OpenSSL accepts for it
            return Optional.of(s -> s.openSslNames().contains(word));
        }
        return Optional.empty();
    }
}
