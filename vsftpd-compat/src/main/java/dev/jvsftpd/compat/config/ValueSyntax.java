package dev.jvsftpd.compat.config;

import java.util.Locale;

/** vsftpd's value conversions: booleans, C-style unsigned numbers, dialect-trimmed strings. */
final class ValueSyntax {
    private ValueSyntax() {
    }

    /** TRUE/FALSE, or null when the text is not one of vsftpd's six spellings. */
    static Boolean parseBool(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "YES", "TRUE", "1" -> Boolean.TRUE;
            case "NO", "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * Never fails, like vsftpd: a leading 0 means octal up to the first non-octal digit, anything
     * else is C atoi (blanks, sign, digits, garbage is 0); the result is kept as unsigned 32 bits.
     */
    static long parseUint(String text) {
        long value = 0;
        if (text.startsWith("0")) {
            for (int i = 1; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '7'; i++) {
                value = (value * 8 + (text.charAt(i) - '0')) & 0xFFFF_FFFFL;
            }
            return value;
        }
        int i = 0;
        while (i < text.length() && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        // glibc atoi is (int) strtol: a 64-bit value that saturates at LONG_MAX/LONG_MIN, then cut to 32 bits.
        boolean saturated = false;
        for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            int digit = text.charAt(i) - '0';
            if (saturated || value > (Long.MAX_VALUE - digit) / 10) {
                saturated = true;
            } else {
                value = value * 10 + digit;
            }
        }
        long strtol = saturated ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : (negative ? -value : value);
        return strtol & 0xFFFF_FFFFL;
    }

    /** Null (unset) for an empty value; Debian and RHEL trim, upstream keeps every byte. */
    static String parseString(String text, Dialect dialect) {
        String value = dialect.trimsStrings() ? trimCSpace(text) : text;
        return value.isEmpty() ? null : value;
    }

    static Object parseDefault(Directive directive, Dialect dialect) {
        String text = directive.defaultValue(dialect);
        return switch (directive.type()) {
            case BOOL -> parseBool(text);
            case UINT -> parseUint(text);
            case STRING -> text;
        };
    }

    /** C isspace: space, tab, LF, VT, FF, CR. */
    static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static String trimCSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isCSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isCSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
