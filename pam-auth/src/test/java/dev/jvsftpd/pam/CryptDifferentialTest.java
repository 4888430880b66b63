package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.pam.crypt.Crypt;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java md5-crypt, sha256-crypt and sha512-crypt against the system's libcrypt (libxcrypt on
 * Debian 12), over random passwords, salts and round counts: the fallback must hash exactly alike.
 */
class CryptDifferentialTest {
    private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final Crypt libcrypt = Crypt.system();
    private final Crypt java = Crypt.javaOnly();

    @Test
    void theSystemHasLibcrypt() {
        assertTrue(libcrypt.usesLibcrypt(), libcrypt.description());
        assertFalse(java.usesLibcrypt());
    }

    @Test
    void randomPasswordsAndSaltsHashAlike() {
        Random random = new Random(20240611);
        for (int i = 0; i < 300; i++) {
            String password = randomPassword(random);
            String prefix = new String[] {"$1$", "$5$", "$6$"}[i % 3];
            StringBuilder setting = new StringBuilder(prefix);
            if (!prefix.equals("$1$") && random.nextInt(4) == 0) {
                setting.append("rounds=").append(1000 + random.nextInt(4000)).append('$');
            }
            int saltLength = random.nextInt(prefix.equals("$1$") ? 9 : 17);
            for (int k = 0; k < saltLength; k++) {
                setting.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
            }
            Optional<String> expected = libcrypt.crypt(password, setting.toString());
            assertTrue(expected.isPresent(), setting.toString());
            assertEquals(expected, java.crypt(password, setting.toString()), "password " + password + " " + setting);
            assertTrue(java.matches(password, expected.get()));
            assertFalse(java.matches(password + "x", expected.get()));
        }
    }

    @Test
    void roundCountsAreClampedAsLibcryptDoes() {
        for (String setting : new String[] {"$5$rounds=10$salt", "$6$rounds=5000$salt", "$6$rounds=1000$salt$",
                "$5$toolongsaltstringxyz$", "$1$toolongsalt$"}) {
            assertEquals(libcrypt.crypt("pw", setting), java.crypt("pw", setting), setting);
        }
    }

    @Test
    void javaCannotCheckYescryptOrDes() {
        String yescrypt = libcrypt.crypt("secret", "$y$j9T$abcdefghijklmnopqrstu.$").orElseThrow();
        assertTrue(libcrypt.matches("secret", yescrypt));
        assertFalse(java.matches("secret", yescrypt));
        assertFalse(Crypt.javaSupports(yescrypt));
        assertFalse(java.matches("secret", "abJnggxhB/yWI"));
    }

    private static String randomPassword(Random random) {
        int length = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(24);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(random.nextInt(10) == 0 ? (char) (0xe0 + random.nextInt(20)) : (char) (33 + random.nextInt(94)));
        }
        return b.toString();
    }
}
