package dev.jvsftpd.pam.crypt;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** libxcrypt's crypt_rn (or glibc's crypt_r) through JNA. */
final class LibCrypt {
    // libxcrypt's struct crypt_data is 32 KiB; glibc's older one about 128 KiB. Room for both.
    private static final int DATA_SIZE = 1 << 18;

    interface Lib extends Library {
        Pointer crypt_rn(byte[] phrase, byte[] setting, Pointer data, int size);

        Pointer crypt_r(byte[] phrase, byte[] setting, Pointer data);
    }

    private final Lib lib;
    private final String name;
    private final boolean hasCryptRn;

    private LibCrypt(Lib lib, String name, boolean hasCryptRn) {
        this.lib = lib;
        this.name = name;
        this.hasCryptRn = hasCryptRn;
    }

    static Optional<LibCrypt> load() {
        // RHEL 9 ships libcrypt.so.2 (so.1 only with libxcrypt-compat); Debian 12 has so.1.
        for (String soname : new String[] {"libcrypt.so.2", "libcrypt.so.1", "crypt"}) {
            try {
                Lib lib = Native.load(soname, Lib.class);
                boolean rn;
                try {
                    com.sun.jna.NativeLibrary.getInstance(soname).getFunction("crypt_rn");
                    rn = true;
                } catch (UnsatisfiedLinkError e) {
                    rn = false;
                }
                return Optional.of(new LibCrypt(lib, soname, rn));
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // try the next name
            }
        }
        return Optional.empty();
    }

    String name() {
        return name;
    }

    Optional<String> crypt(String password, String setting) {
        byte[] phrase = cString(password);
        byte[] salt = cString(setting);
        try (Memory data = new Memory(DATA_SIZE)) {
            data.clear();
            Pointer out = hasCryptRn ? lib.crypt_rn(phrase, salt, data, DATA_SIZE) : lib.crypt_r(phrase, salt, data);
            if (out == null) {
                return Optional.empty();
            }
            String result = out.getString(0, StandardCharsets.UTF_8.name());
            return result.startsWith("*") ? Optional.empty() : Optional.of(result);
        } finally {
            java.util.Arrays.fill(phrase, (byte) 0);
        }
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }
}
