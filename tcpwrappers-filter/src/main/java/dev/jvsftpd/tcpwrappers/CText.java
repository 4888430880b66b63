package dev.jvsftpd.tcpwrappers;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * The C library's text conversions as libwrap uses them (C locale, glibc), so that odd tokens
 * such as {@code 127.0.0.0/24abc}, {@code 0177.0.0.1} or {@code +2121} mean what they mean to libwrap.
 * Strings hold one char per file byte (ISO-8859-1).
 */
final class CText {

    /** inet_addr's failure value; also what 255.255.255.255 parses to, which libwrap cannot tell apart. */
    static final long INADDR_NONE = 0xFFFFFFFFL;

    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private CText() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** The value of an ASCII digit or letter in base, or -1. */
    static int digit(char c, int base) {
        int v;
        if (c >= '0' && c <= '9') {
            v = c - '0';
        } else if (c >= 'a' && c <= 'z') {
            v = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'Z') {
            v = c - 'A' + 10;
        } else {
            return -1;
        }
        return v < base ? v : -1;
    }

    /** strcasecmp(a, b) == 0: ASCII-only folding, as in the C locale. */
    static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && asciiFoldEquals(a, b, a.length());
    }

    /** strncasecmp(prefix, s, prefix.length()) == 0. */
    static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.length() >= prefix.length() && asciiFoldEquals(prefix, s, prefix.length());
    }

    private static boolean asciiFoldEquals(String a, String b, int n) {
        for (int i = 0; i < n; i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** First index in s at or after from that is one of chars, or s.length() (strcspn). */
    static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** First index at or after from that is not one of chars (strspn). */
    static int skipAll(String s, int from, String chars) {
        int i = from;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Trims C whitespace (isspace) at both ends, as libwrap's chop_string. */
    static String chop(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * libwrap's split_at: the index of the first delimiter outside [...] (a bracket depth counter that
     * may go negative), or -1.
     */
    static int splitAt(String s, int from, char delimiter) {
        int bracket = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (bracket == 0 && c == delimiter) {
                return i;
            }
        }
        return -1;
    }

    /** A number as strtol/strtoul read it: the value digits (already signed) and where parsing stopped. */
    private record Scanned(BigInteger value, int end, boolean negative) {
    }

    /** strtol/strtoul's scan: leading isspace, optional sign, digits of the base; null if no digit. */
    private static Scanned scan(String s, int base) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(base);
        while (i < s.length()) {
            int digit = digit(s.charAt(i), base);
            if (digit < 0) {
                break;
            }
            value = value.multiply(radix).add(BigInteger.valueOf(digit));
            i++;
        }
        if (i == start) {
            return null;
        }
        return new Scanned(value, i, negative);
    }

    /** (int) strtol(s, 0, 10), which is glibc's atoi on LP64 (0 when there are no digits). */
    static int atoi(String s) {
        Scanned n = scan(s, 10);
        if (n == null) {
            return 0;
        }
        BigInteger v = n.negative() ? n.value().negate() : n.value();
        v = v.max(LONG_MIN).min(LONG_MAX);
        return (int) v.longValue();
    }

    /** The 32-bit result of strtoul(s, base) as stored into an unsigned int (scanf %u / %o). */
    private static long toUnsigned32(Scanned n) {
        BigInteger v = n.value().min(ULONG_MAX);
        if (n.negative()) {
            v = BigInteger.ONE.shiftLeft(64).subtract(v).and(ULONG_MAX);
        }
        return v.longValue() & 0xFFFFFFFFL;
    }

    /**
     * sscanf(s, "%u%c", &u, &c) == 1: an unsigned decimal that uses the whole string. Returns the
     * value truncated to 32 bits.
     */
    static OptionalLong scanUnsignedWhole(String s) {
        Scanned n = scan(s, 10);
        return n == null || n.end() != s.length() ? OptionalLong.empty() : OptionalLong.of(toUnsigned32(n));
    }

    /** sscanf(s, "%o%c", ...) == 1, the value as an unsigned 32-bit number. */
    static OptionalLong scanOctalWhole(String s) {
        Scanned n = scan(s, 8);
        return n == null || n.end() != s.length() ? OptionalLong.empty() : OptionalLong.of(toUnsigned32(n));
    }

    /** sscanf(s, "%d%c", ...) == 1, the value as the int glibc stores. */
    static OptionalLong scanIntWhole(String s) {
        Scanned n = scan(s, 10);
        if (n == null || n.end() != s.length()) {
            return OptionalLong.empty();
        }
        BigInteger v = n.negative() ? n.value().negate() : n.value();
        v = v.max(LONG_MIN).min(LONG_MAX);
        return OptionalLong.of((int) v.longValue());
    }

    /**
     * libwrap's dot_quad_addr: inet_addr(), but only for strings with exactly four runs of non-dots.
     * Returns the address as an unsigned 32-bit value, or {@link #INADDR_NONE}.
     */
    static long dotQuadAddr(String s) {
        int runs = 0;
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.') {
                inRun = false;
            } else if (!inRun) {
                inRun = true;
                runs++;
            }
        }
        if (runs != 4) {
            return INADDR_NONE;
        }
        long v = inetAton(s);
        return v < 0 ? INADDR_NONE : v;
    }

    /** libwrap's cidr_mask_addr: atoi of the length, 1..32, else 0 (invalid). */
    static long cidrMaskAddr(String s) {
        int bits = atoi(s);
        if (bits < 1 || bits > 32) {
            return 0;
        }
        return (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    }

    /**
     * glibc inet_aton: 1 to 4 parts in C notation (0x hex, leading-0 octal, decimal), trailing
     * whitespace allowed. Returns -1 on failure.
     */
    static long inetAton(String s) {
        long[] parts = new long[4];
        int count = 0;
        int i = 0;
        long val;
        while (true) {
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
            int base = 10;
            int j = i;
            if (s.charAt(j) == '0') {
                base = 8;
                if (j + 2 < s.length() && (s.charAt(j + 1) == 'x' || s.charAt(j + 1) == 'X')
                        && digit(s.charAt(j + 2), 16) >= 0) {
                    base = 16;
                    j += 2;
                }
            }
            // the part starts with a digit of its base, so strtoul reads at least one
            BigInteger v = BigInteger.ZERO;
            while (j < s.length() && digit(s.charAt(j), base) >= 0) {
                v = v.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(digit(s.charAt(j), base)));
                j++;
            }
            if (v.compareTo(BigInteger.valueOf(0xFFFFFFFFL)) > 0) {
                return -1;
            }
            val = v.longValue();
            i = j;
            if (i < s.length() && s.charAt(i) == '.') {
                if (count > 2 || val > 0xFF) {
                    return -1;
                }
                parts[count++] = val;
                i++;
            } else {
                break;
            }
        }
        if (i < s.length() && !isSpace(s.charAt(i))) {
            return -1;
        }
        long[] max = {0xFFFFFFFFL, 0xFFFFFFL, 0xFFFFL, 0xFFL};
        if (val > max[count]) {
            return -1;
        }
        long result = 0;
        for (int p = 0; p < count; p++) {
            result |= parts[p] << (24 - 8 * p);
        }
        return result | val;
    }
}
