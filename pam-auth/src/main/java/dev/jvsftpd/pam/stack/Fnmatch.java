package dev.jvsftpd.pam.stack;

/**
 * fnmatch(3) with no flags, as glibc does it: * and ? match any character (slashes and leading dots
 * too), [..] sets with ranges and classes, \ quotes the next character.
 */
final class Fnmatch {
    private Fnmatch() {
    }

    static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = ti; k <= t.length(); k++) {
                    if (match(p, pi, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                ti++;
                continue;
            }
            if (c == '[') {
                int end = setEnd(p, pi);
                if (end > 0) {
                    if (!inSet(p, pi + 1, end, t.charAt(ti))) {
                        return false;
                    }
                    pi = end + 1;
                    ti++;
                    continue;
                }
                // an unterminated [ is an ordinary character
            }
            if (c == '\\') {
                if (pi + 1 >= p.length()) {
                    return false; // a lone trailing backslash is an error to glibc: no match
                }
                pi++;
                c = p.charAt(pi);
            }
            if (c != t.charAt(ti)) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == t.length();
    }

    /** Index of the ] closing the set opened at {@code open}, or -1. */
    private static int setEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++; // a leading ] is a member
        }
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close > 0) {
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < p.length()) {
                i += 2;
                continue;
            }
            if (c == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean inSet(String p, int from, int end, char ch) {
        boolean negate = from < end && (p.charAt(from) == '!' || p.charAt(from) == '^');
        int i = negate ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char c = p.charAt(i);
            if (c == '[' && i + 1 < end && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close > 0 && close < end) {
                    found |= inClass(p.substring(i + 2, close), ch);
                    i = close + 2;
                    first = false;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < end) {
                i++;
                c = p.charAt(i);
            } else if (c == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < end && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
                char hi = p.charAt(i + 2);
                int skip = 3;
                if (hi == '\\' && i + 3 < end) {
                    hi = p.charAt(i + 3);
                    skip = 4;
                }
                found |= ch >= c && ch <= hi;
                i += skip;
                continue;
            }
            found |= ch == c;
            i++;
        }
        return found != negate;
    }

    private static boolean inClass(String name, char c) {
        switch (name) {
            case "alpha":
                return Character.isLetter(c) && c < 128;
            case "digit":
                return c >= '0' && c <= '9';
            case "alnum":
                return (Character.isLetterOrDigit(c)) && c < 128;
            case "upper":
                return c >= 'A' && c <= 'Z';
            case "lower":
                return c >= 'a' && c <= 'z';
            case "space":
                return " \t\n\r\f\u000b".indexOf(c) >= 0;
            case "blank":
                return c == ' ' || c == '\t';
            case "punct":
                return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "xdigit":
                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case "print":
                return c >= 32 && c < 127;
            case "graph":
                return c > 32 && c < 127;
            case "cntrl":
                return c < 32 || c == 127;
            default:
                return false;
        }
    }
}
