package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.SystemUser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * pam_succeed_if (reference B.4): conditions "field operator value", ANDed; the first that fails
 * decides. setcred has no opinion (PAM_IGNORE).
 */
final class SucceedIfModule implements PamModule {
    private static final Set<String> FLAGS = Set.of("debug", "use_uid", "quiet", "quiet_fail", "quiet_success",
            "audit");

    @Override
    public Set<ServiceFunction> functions() {
        return EnumSet.allOf(ServiceFunction.class);
    }

    @Override
    public PamCode call(ServiceFunction function, ModuleCall call) {
        if (function == ServiceFunction.SETCRED) {
            return PamCode.IGNORE;
        }
        Transaction tx = call.tx();
        String user = tx.user();
        if (call.has("use_uid")) {
            // the calling process's user: the server runs as root to use PAM at all
            Optional<String> self = Optional.ofNullable(System.getProperty("user.name"));
            if (self.isEmpty()) {
                return PamCode.USER_UNKNOWN;
            }
            user = self.get();
        }
        List<String> words = new ArrayList<>();
        for (String a : call.args()) {
            if (!FLAGS.contains(a)) {
                words.add(a);
            }
        }
        Lookup lookup = new Lookup(tx, user);
        PamCode ret = PamCode.SUCCESS;
        int i = 0;
        for (; i + 2 < words.size(); i += 3) {
            ret = evaluate(tx, lookup, words.get(i), words.get(i + 1), words.get(i + 2));
            if (ret != PamCode.SUCCESS) {
                return ret;
            }
        }
        if (i < words.size()) {
            return PamCode.SERVICE_ERR; // an incomplete condition
        }
        return ret;
    }

    /** The user's passwd entry, looked up once and only when a field needs it. */
    private static final class Lookup {
        private final Transaction tx;
        private String user;
        private Optional<SystemUser> entry;

        Lookup(Transaction tx, String user) {
            this.tx = tx;
            this.user = user;
        }

        Optional<SystemUser> entry() {
            if (entry == null) {
                entry = tx.users.lookup(user);
            }
            return entry;
        }
    }

    private static PamCode evaluate(Transaction tx, Lookup lookup, String field, String op, String value) {
        // libpam substitutes the field's value step by step; a value that is itself a field name
        // (a user called "uid") is substituted again, and so is it here
        String left = field;
        boolean resolved = false;
        if (eq(left, "login") || eq(left, "name") || eq(left, "user")) {
            left = lookup.user;
            resolved = true;
        }
        if (eq(left, "uid") || eq(left, "gid") || eq(left, "shell") || eq(left, "home") || eq(left, "dir")
                || eq(left, "homedir")) {
            if (lookup.entry().isEmpty()) {
                return PamCode.USER_UNKNOWN;
            }
        }
        SystemUser pw = lookup.entry == null ? null : lookup.entry.orElse(null);
        if (eq(left, "uid")) {
            left = Integer.toUnsignedString(pw.uid());
            resolved = true;
        }
        if (eq(left, "gid")) {
            left = Integer.toUnsignedString(pw.gid());
            resolved = true;
        }
        if (eq(left, "shell")) {
            left = pw.shell();
            resolved = true;
        }
        if (eq(left, "home") || eq(left, "dir") || eq(left, "homedir")) {
            left = pw.home();
            resolved = true;
        }
        if (eq(left, "service")) {
            left = tx.service;
            resolved = true;
        }
        if (eq(left, "ruser")) {
            left = tx.ruser == null ? "" : tx.ruser;
            lookup.user = left;
            resolved = true;
        }
        if (eq(left, "rhost")) {
            left = tx.rhost == null ? "" : tx.rhost;
            resolved = true;
        }
        if (eq(left, "tty")) {
            left = tx.tty == null ? "" : tx.tty;
            resolved = true;
        }
        if (!resolved) {
            return PamCode.SERVICE_ERR; // unknown attribute
        }
        String q = op.toLowerCase(Locale.ROOT);
        switch (q) {
            case "<":
            case "lt":
                return numeric(left, value, (a, b) -> a < b);
            case "<=":
            case "le":
                return numeric(left, value, (a, b) -> a <= b);
            case ">":
            case "gt":
                return numeric(left, value, (a, b) -> a > b);
            case ">=":
            case "ge":
                return numeric(left, value, (a, b) -> a >= b);
            case "eq":
                return numeric(left, value, (a, b) -> a == b);
            case "ne":
                return numeric(left, value, (a, b) -> a != b);
            case "=":
                return verdict(left.equals(value));
            case "!=":
                return verdict(!left.equals(value));
            case "=~":
            case "glob":
                return verdict(Fnmatch.matches(value, left));
            case "!~":
            case "noglob":
                return verdict(!Fnmatch.matches(value, left));
            case "in":
                return verdict(inList(left, value));
            case "notin":
                return verdict(!inList(left, value));
            case "ingroup":
                return verdict(inGroups(tx, lookup.user, value));
            case "notingroup":
                return verdict(!inGroups(tx, lookup.user, value));
            case "innetgr":
            case "notinnetgr":
                // netgroups are not looked up: nobody is in one (innetgr fails, notinnetgr succeeds)
                return verdict(q.equals("notinnetgr"));
            default:
                return PamCode.SERVICE_ERR;
        }
    }

    private static boolean eq(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    private static PamCode verdict(boolean ok) {
        return ok ? PamCode.SUCCESS : PamCode.AUTH_ERR;
    }

    private interface Compare {
        boolean test(long a, long b);
    }

    private static PamCode numeric(String left, String right, Compare cmp) {
        Optional<Long> l = strtoll(left);
        Optional<Long> r = strtoll(right);
        if (l.isEmpty() || r.isEmpty()) {
            return PamCode.SERVICE_ERR;
        }
        return verdict(cmp.test(l.get(), r.get()));
    }

    /** strtoll(s, &end, 0) that must consume everything: blanks, sign, 0x hex, 0 octal; errno must stay 0. */
    static Optional<Long> strtoll(String s) {
        int i = 0;
        while (i < s.length() && " \t\n\r\f\u000b".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        int start = i;
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
            value = value.multiply(java.math.BigInteger.valueOf(radix))
                    .add(java.math.BigInteger.valueOf(Character.digit(s.charAt(i), radix)));
            i++;
        }
        if (i != s.length()) {
            return Optional.empty();
        }
        if (start == i) {
            // no digits: strtoll leaves the end pointer at the start, which is the end only for ""
            return s.isEmpty() ? Optional.of(0L) : Optional.empty();
        }
        if (negative) {
            value = value.negate();
        }
        if (value.bitLength() > 63) {
            return Optional.empty(); // ERANGE
        }
        return Optional.of(value.longValue());
    }

    /** ':'-separated list membership, exact. */
    private static boolean inList(String left, String list) {
        for (String item : list.split(":", -1)) {
            if (item.equals(left)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inGroups(Transaction tx, String user, String groups) {
        Optional<SystemUser> u = tx.users.lookup(user);
        if (u.isEmpty()) {
            return false;
        }
        for (String g : groups.split(":")) {
            if (!g.isEmpty() && tx.users.inGroup(u.get(), g)) {
                return true;
            }
        }
        return false;
    }
}
