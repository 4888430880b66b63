package dev.jvsftpd.pam.crypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * md5-crypt ({@code $1$}) and the SHA-crypt family ({@code $5$}, {@code $6$}) written from their
 * published descriptions (PHK's md5crypt, Drepper's "Unix crypt using SHA-256 and SHA-512").
 */
final class JavaCrypt {
    private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SHA_DEFAULT_ROUNDS = 5000;
    private static final int SHA_MIN_ROUNDS = 1000;
    private static final int SHA_MAX_ROUNDS = 999_999_999;

    private JavaCrypt() {
    }

    static boolean supports(String setting) {
        return setting.startsWith("$1$") || setting.startsWith("$5$") || setting.startsWith("$6$");
    }

    static Optional<String> crypt(byte[] password, String setting) {
        try {
            if (setting.startsWith("$1$")) {
                return Optional.of(md5(password, setting.substring(3)));
            }
            if (setting.startsWith("$5$")) {
                return sha(password, setting.substring(3), "SHA-256", "$5$");
            }
            if (setting.startsWith("$6$")) {
                return sha(password, setting.substring(3), "SHA-512", "$6$");
            }
            return Optional.empty();
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    // --- md5-crypt -------------------------------------------------------------------------------

    private static String md5(byte[] pw, String rest) {
        String salt = saltUpTo(rest, 8);
        byte[] s = salt.getBytes(StandardCharsets.UTF_8);
        MessageDigest alt = digest("MD5");
        alt.update(pw);
        alt.update(s);
        alt.update(pw);
        byte[] altSum = alt.digest();

        MessageDigest ctx = digest("MD5");
        ctx.update(pw);
        ctx.update("$1$".getBytes(StandardCharsets.US_ASCII));
        ctx.update(s);
        for (int left = pw.length; left > 0; left -= 16) {
            ctx.update(altSum, 0, Math.min(left, 16));
        }
        // each bit of the length, low first: a zero byte for a one bit, the first password byte for a zero
        for (int i = pw.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) {
                ctx.update((byte) 0);
            } else {
                ctx.update(pw[0]);
            }
        }
        byte[] sum = ctx.digest();
        for (int round = 0; round < 1000; round++) {
            MessageDigest r = digest("MD5");
            if ((round & 1) != 0) {
                r.update(pw);
            } else {
                r.update(sum);
            }
            if (round % 3 != 0) {
                r.update(s);
            }
            if (round % 7 != 0) {
                r.update(pw);
            }
            if ((round & 1) != 0) {
                r.update(sum);
            } else {
                r.update(pw);
            }
            sum = r.digest();
        }
        StringBuilder out = new StringBuilder("$1$").append(salt).append('$');
        int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
        for (int[] g : groups) {
            encode(out, sum[g[0]], sum[g[1]], sum[g[2]], 4);
        }
        encode(out, (byte) 0, (byte) 0, sum[11], 2);
        return out.toString();
    }

    // --- sha256-crypt / sha512-crypt ---------------------------------------------------------------

    private static Optional<String> sha(byte[] pw, String rest, String algorithm, String prefix) {
        int rounds = SHA_DEFAULT_ROUNDS;
        boolean explicitRounds = false;
        if (rest.startsWith("rounds=")) {
            int end = rest.indexOf('$');
            if (end < 0) {
                return Optional.empty();
            }
            long value;
            try {
                value = Long.parseLong(rest.substring("rounds=".length(), end));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (value < SHA_MIN_ROUNDS || value > SHA_MAX_ROUNDS) {
                // libxcrypt refuses what glibc's old crypt clamped; the system's own libcrypt decides
                return Optional.empty();
            }
            rounds = (int) value;
            explicitRounds = true;
            rest = rest.substring(end + 1);
        }
        String salt = saltUpTo(rest, 16);
        byte[] s = salt.getBytes(StandardCharsets.UTF_8);

        MessageDigest b = digest(algorithm);
        b.update(pw);
        b.update(s);
        b.update(pw);
        byte[] bSum = b.digest();
        int len = bSum.length;

        MessageDigest a = digest(algorithm);
        a.update(pw);
        a.update(s);
        int left = pw.length;
        for (; left > len; left -= len) {
            a.update(bSum);
        }
        a.update(bSum, 0, left);
        for (int i = pw.length; i > 0; i >>>= 1) {
            if ((i & 1) != 0) {
                a.update(bSum);
            } else {
                a.update(pw);
            }
        }
        byte[] aSum = a.digest();

        MessageDigest dp = digest(algorithm);
        for (int i = 0; i < pw.length; i++) {
            dp.update(pw);
        }
        byte[] p = repeat(dp.digest(), pw.length);

        MessageDigest ds = digest(algorithm);
        for (int i = 0; i < 16 + (aSum[0] & 0xff); i++) {
            ds.update(s);
        }
        byte[] sBytes = repeat(ds.digest(), s.length);

        byte[] c = aSum;
        for (int round = 0; round < rounds; round++) {
            MessageDigest r = digest(algorithm);
            if ((round & 1) != 0) {
                r.update(p);
            } else {
                r.update(c);
            }
            if (round % 3 != 0) {
                r.update(sBytes);
            }
            if (round % 7 != 0) {
                r.update(p);
            }
            if ((round & 1) != 0) {
                r.update(c);
            } else {
                r.update(p);
            }
            c = r.digest();
        }

        StringBuilder out = new StringBuilder(prefix);
        if (explicitRounds) {
            out.append("rounds=").append(rounds).append('$');
        }
        out.append(salt).append('$');
        if (len == 32) {
            // ten triples of bytes k, k+10, k+20, rotated by k mod 3, then the last two bytes
            for (int k = 0; k < 10; k++) {
                int[] t = rotate(k, k + 10, k + 20, k % 3 == 0 ? 0 : k % 3 == 1 ? 2 : 1);
                encode(out, c[t[0]], c[t[1]], c[t[2]], 4);
            }
            encode(out, (byte) 0, c[31], c[30], 3);
        } else {
            // twenty-one triples of bytes k, k+21, k+42, rotated by k mod 3, then the last byte
            for (int k = 0; k < 21; k++) {
                int[] t = rotate(k, k + 21, k + 42, k % 3);
                encode(out, c[t[0]], c[t[1]], c[t[2]], 4);
            }
            encode(out, (byte) 0, (byte) 0, c[63], 2);
        }
        Arrays.fill(p, (byte) 0);
        return Optional.of(out.toString());
    }

    /** (x, y, z) turned left by n places: 1 gives (y, z, x), 2 gives (z, x, y). */
    private static int[] rotate(int x, int y, int z, int n) {
        int[] v = {x, y, z};
        return new int[] {v[n % 3], v[(n + 1) % 3], v[(n + 2) % 3]};
    }

    private static byte[] repeat(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = block[i % block.length];
        }
        return out;
    }

    private static String saltUpTo(String rest, int max) {
        int end = rest.indexOf('$');
        String salt = end < 0 ? rest : rest.substring(0, end);
        return salt.length() > max ? salt.substring(0, max) : salt;
    }

    private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int chars) {
        int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
        for (int i = 0; i < chars; i++) {
            out.append(ALPHABET.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
