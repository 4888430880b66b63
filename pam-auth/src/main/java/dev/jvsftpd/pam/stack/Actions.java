package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import java.util.Arrays;

/**
 * A control field compiled to one action per return value, as libpam stores it. Positive numbers
 * are jumps over that many following lines.
 */
final class Actions {
    static final int IGNORE = 0;
    static final int OK = -1;
    static final int DONE = -2;
    static final int BAD = -3;
    static final int DIE = -4;
    static final int RESET = -5;
    private static final int UNDEF = -6;
    private static final String[] ACTION_NAMES = {"ignore", "ok", "done", "bad", "die", "reset"};
    private static final int CODES = PamCode.values().length;

    private Actions() {
    }

    /** The result of reading a control field: the actions, and what was wrong with it if anything. */
    record Parsed(int[] actions, String error) {
    }

    static int[] all(int action) {
        int[] a = new int[CODES];
        Arrays.fill(a, action);
        return a;
    }

    /** The simple control keywords, or null when the token is none of them. */
    static int[] keyword(String token) {
        int[] a = undefined();
        switch (token.toLowerCase(java.util.Locale.ROOT)) {
            case "required":
                a[PamCode.SUCCESS.value()] = OK;
                a[PamCode.NEW_AUTHTOK_REQD.value()] = OK;
                a[PamCode.IGNORE.value()] = IGNORE;
                return withDefault(a, BAD);
            case "requisite":
                a[PamCode.SUCCESS.value()] = OK;
                a[PamCode.NEW_AUTHTOK_REQD.value()] = OK;
                a[PamCode.IGNORE.value()] = IGNORE;
                return withDefault(a, DIE);
            case "optional":
                a[PamCode.SUCCESS.value()] = OK;
                a[PamCode.NEW_AUTHTOK_REQD.value()] = OK;
                return withDefault(a, IGNORE);
            case "sufficient":
                a[PamCode.SUCCESS.value()] = DONE;
                a[PamCode.NEW_AUTHTOK_REQD.value()] = DONE;
                return withDefault(a, IGNORE);
            default:
                return null;
        }
    }

    /**
     * The text between the brackets of {@code [value=action ...]}. Value and action names match by
     * prefix and case-sensitively, as libpam reads them; any error makes every value "bad".
     */
    static Parsed bracket(String text) {
        int[] a = undefined();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int code = -1;
            int nameLength = 0;
            for (PamCode c : PamCode.values()) {
                if (text.startsWith(c.configName(), i)) {
                    code = c.value();
                    nameLength = c.configName().length();
                    break;
                }
            }
            if (code < 0 && text.startsWith("default", i)) {
                code = CODES;
                nameLength = "default".length();
            }
            if (code < 0 || i + nameLength >= n) {
                return error("expecting a return value name at '" + text.substring(i) + "'");
            }
            i += nameLength;
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                return error("expecting '=' at '" + text.substring(Math.min(i, n)) + "'");
            }
            i++;
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return error("expecting an action after '='");
            }
            int action = 1;
            for (int k = 0; k < ACTION_NAMES.length; k++) {
                if (text.startsWith(ACTION_NAMES[k], i)) {
                    action = -k;
                    i += ACTION_NAMES[k].length();
                    break;
                }
            }
            if (action > 0) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return error("expecting an action (ignore, ok, done, bad, die, reset or a jump) at '"
                            + text.substring(i) + "'");
                }
                long jump = 0;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    jump = Math.min(Integer.MAX_VALUE, jump * 10 + (text.charAt(i) - '0'));
                    i++;
                }
                if (jump == 0) {
                    return error("a jump of 0 (use 'ignore')");
                }
                action = (int) jump;
            }
            if (code == CODES) {
                withDefault(a, action);
            } else {
                a[code] = action;
            }
        }
        return new Parsed(withDefault(a, BAD), null);
    }

    static int[] withDefault(int[] a, int action) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == UNDEF) {
                a[i] = action;
            }
        }
        return a;
    }

    private static int[] undefined() {
        return all(UNDEF);
    }

    private static Parsed error(String message) {
        return new Parsed(all(BAD), message);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
