package dev.jvsftpd.pam.crypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * crypt(3): the system's libcrypt through JNA where it can be loaded (every format the system itself
 * accepts, yescrypt included), otherwise Java for md5-crypt, sha256-crypt and sha512-crypt.
 */
public final class Crypt {
    private static final Crypt SYSTEM = new Crypt(LibCrypt.load().orElse(null));

    private final LibCrypt lib;

    private Crypt(LibCrypt lib) {
        this.lib = lib;
    }

    /** libcrypt if present, Java otherwise. */
    public static Crypt system() {
        return SYSTEM;
    }

    /** Java only, as on a host without libcrypt. */
    public static Crypt javaOnly() {
        return new Crypt(null);
    }

    public boolean usesLibcrypt() {
        return lib != null;
    }

    public String description() {
        return lib != null ? "libcrypt (" + lib.name() + ") through JNA"
                : "Java (md5-crypt, sha256-crypt, sha512-crypt only)";
    }

    /** crypt(password, setting), or empty when the setting is malformed or of a format nobody here knows. */
    public Optional<String> crypt(String password, String setting) {
        if (lib != null) {
            return lib.crypt(password, setting);
        }
        return JavaCrypt.crypt(password.getBytes(StandardCharsets.UTF_8), setting);
    }

    /** Whether the Java fallback can check a hash of this form. */
    public static boolean javaSupports(String hash) {
        return JavaCrypt.supports(hash);
    }

    /** Whether the password hashes to exactly the stored value (a full-length, constant-time comparison). */
    public boolean matches(String password, String stored) {
        Optional<String> computed = crypt(password, stored);
        return computed.isPresent() && !computed.get().startsWith("*")
                && MessageDigest.isEqual(computed.get().getBytes(StandardCharsets.UTF_8),
                        stored.getBytes(StandardCharsets.UTF_8));
    }
}
