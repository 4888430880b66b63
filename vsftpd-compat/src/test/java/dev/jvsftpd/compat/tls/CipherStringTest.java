package dev.jvsftpd.compat.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ssl_ciphers against OpenSSL itself: the names and the selections of {@code openssl ciphers}
 * for every suite both know (OpenSSL 3 knows more than the JVM; the universe here is OpenSSL's,
 * so the mapping is checked on suites the JVM lacks too).
 */
class CipherStringTest {
    /** Standard name to OpenSSL name, for every TLS 1.2-and-earlier suite this OpenSSL has. */
    private static final Map<String, String> OPENSSL = new LinkedHashMap<>();

    @BeforeAll
    static void askOpenssl() throws IOException {
        for (String[] line : list("ALL:COMPLEMENTOFALL:@SECLEVEL=0")) {
            OPENSSL.put(line[0], line[1]);
        }
    }

    /** {@code openssl ciphers -stdname}: [standard name, OpenSSL name, protocol], TLS 1.3 left out. */
    private static List<String[]> list(String cipherString) throws IOException {
        Openssl.Result result = Openssl.tryRun(null, "ciphers", "-stdname", cipherString);
        List<String[]> lines = new ArrayList<>();
        if (result.status() != 0) {
            return lines;
        }
        for (String line : result.out().split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 4 && !words[3].equals("TLSv1.3")) {
                lines.add(new String[] {words[0], words[2], words[3]});
            }
        }
        return lines;
    }

    @Test
    void everySuiteJssePartsCanDescribeIsNamedAsOpensslNamesIt() {
        int checked = 0;
        for (Map.Entry<String, String> suite : OPENSSL.entrySet()) {
            Optional<CipherSuite> parsed = CipherSuite.parse(suite.getKey());
            if (suite.getKey().contains("PSK") || suite.getKey().contains("SRP")) {
                assertTrue(parsed.isEmpty(), suite.getKey());
                continue;
            }
            assertTrue(parsed.isPresent(), "not understood: " + suite.getKey());
            assertEquals(suite.getValue(), parsed.get().openSslNames().get(0), suite.getKey());
            assertTrue(CipherSuite.formableOpenSslNames().contains(suite.getValue()));
            checked++;
        }
        assertTrue(checked > 60, "OpenSSL listed only " + checked + " comparable suites");
    }

    @Test
    void theJvmsOwnSuitesAllHaveAnOpensslName() throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, null, null);
        for (String name : context.getSupportedSSLParameters().getCipherSuites()) {
            boolean tls13 = !name.contains("_WITH_");
            assertEquals(!tls13 && !name.contains("SCSV"), CipherSuite.parse(name).isPresent(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ECDHE-RSA-AES256-GCM-SHA384", "DEFAULT", "ALL", "HIGH", "MEDIUM", "HIGH:!aNULL:!MD5", "HIGH:-AES256",
        "ALL:!COMPLEMENTOFDEFAULT", "COMPLEMENTOFDEFAULT", "COMPLEMENTOFALL", "ECDHE+AESGCM", "kEECDH+AESGCM:kEDH+AESGCM",
        "EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH", "aRSA:!kRSA", "DHE:!DSS", "ADH", "AECDH", "aNULL",
        "eNULL", "AES128:!SHA1", "AESGCM", "AESCCM", "AESCCM8", "CHACHA20", "CAMELLIA", "ARIA", "SHA256", "SHA384",
        "SHA1", "MD5", "TLSv1.2", "TLSv1", "SSLv3", "CBC", "DES-CBC3-SHA", "AES128-SHA:NONSENSE",
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384",
        "ALL:-HIGH:HIGH", "ALL:!HIGH:HIGH", "HIGH:+AES128", "kRSA", "RSA", "DSS", "ECDSA", "AES", "AES256",
        "EDH-RSA-DES-CBC3-SHA", "DHE-RSA-AES256-SHA", "HIGH@STRENGTH", "HIGH:@SECLEVEL=0", "ALL,!aNULL;!eNULL",
    })
    void selectsWhatOpensslSelects(String cipherString) throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String[] line : list(cipherString + ":@SECLEVEL=0")) {
            if (CipherSuite.parse(line[0]).isPresent()) {
                expected.add(line[0]);
            }
        }
        OpenSslCipherString.Selection selection = OpenSslCipherString.select(cipherString, List.copyOf(OPENSSL.keySet()));
        assertEquals(expected, new TreeSet<>(selection.suites()), cipherString);
        assertTrue(selection.recognised(), cipherString);
    }

    @Test
    void aStringOpensslRejectsIsNotRecognised() throws IOException {
        for (String string : List.of("NONSENSE", "!ALL", "TLS_AES_128_GCM_SHA256", "aes128-sha")) {
            assertFalse(Openssl.tryRun(null, "ciphers", string).status() == 0, "openssl accepted " + string);
            assertFalse(OpenSslCipherString.select(string, List.copyOf(OPENSSL.keySet())).recognised(), string);
        }
    }

    @Test
    void aSuiteTheJvmLacksIsStillAValidString() {
        OpenSslCipherString.Selection selection = OpenSslCipherString.select("DHE-RSA-CAMELLIA256-SHA",
                List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        assertTrue(selection.suites().isEmpty());
        assertTrue(selection.recognised());
    }

    @Test
    void rhelsSystemProfileMeansThePlatformDefaults() {
        assertTrue(OpenSslCipherString.select("PROFILE=SYSTEM", List.of()).systemProfile());
    }
}
