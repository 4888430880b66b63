package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.unix.Dbm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * pam_userdb (reference B.4): users and passwords in an ndbm database, plaintext or crypt(3); the
 * virtual-user stack of the RHEL vsftpd guides. The database is read through the system's own ndbm
 * library, so where there is none every call is PAM_SERVICE_ERR, as an unopenable database is.
 */
final class UserdbModule implements PamModule {

    @Override
    public Set<ServiceFunction> functions() {
        return EnumSet.of(ServiceFunction.AUTHENTICATE, ServiceFunction.SETCRED, ServiceFunction.ACCT_MGMT);
    }

    private record Options(String db, String crypt, boolean icase, boolean keyOnly, boolean useFirstPass,
                           boolean tryFirstPass) {
        static Options of(ModuleCall call) {
            String db = null;
            String crypt = null;
            boolean icase = false;
            boolean keyOnly = false;
            boolean ufp = false;
            boolean tfp = false;
            for (String a : call.args()) {
                String lower = a.toLowerCase(Locale.ROOT);
                if (lower.equals("icase")) {
                    icase = true;
                } else if (lower.equals("key_only")) {
                    keyOnly = true;
                } else if (lower.equals("use_first_pass")) {
                    ufp = true;
                } else if (lower.equals("try_first_pass")) {
                    tfp = true;
                } else if (lower.startsWith("db=")) {
                    db = a.substring(3).isEmpty() ? null : a.substring(3);
                } else if (lower.startsWith("crypt=")) {
                    crypt = a.substring(6);
                }
            }
            return new Options(db, crypt, icase, keyOnly, ufp, tfp);
        }
    }

    @Override
    public PamCode call(ServiceFunction function, ModuleCall call) {
        if (function == ServiceFunction.SETCRED) {
            return PamCode.SUCCESS;
        }
        Options o = Options.of(call);
        Transaction tx = call.tx();
        if (function == ServiceFunction.ACCT_MGMT) {
            int r = o.db == null ? -2 : lookup(tx, o, tx.user(), "");
            return r == -2 ? PamCode.SERVICE_ERR : r == 1 ? PamCode.USER_UNKNOWN : PamCode.SUCCESS;
        }
        if (o.db == null) {
            return PamCode.SERVICE_ERR;
        }
        if (!o.useFirstPass && !o.tryFirstPass) {
            Transaction.Reply r = tx.promptAuthtok();
            if (r.code() != PamCode.SUCCESS) {
                return r.code();
            }
            if (r.text() == null) {
                return PamCode.CONV_ERR;
            }
        }
        String password = tx.authtokItem();
        if (password == null && o.tryFirstPass) {
            Transaction.Reply r = tx.promptAuthtok();
            if (r.code() != PamCode.SUCCESS) {
                return r.code();
            }
            password = tx.authtokItem();
        }
        if (password == null) {
            return PamCode.AUTHTOK_RECOVERY_ERR;
        }
        switch (lookup(tx, o, tx.user(), password)) {
            case 0:
                return PamCode.SUCCESS;
            case -1:
                return PamCode.AUTH_ERR;
            case 1:
                return PamCode.USER_UNKNOWN;
            default:
                return PamCode.SERVICE_ERR;
        }
    }

    /** 0 match, -1 wrong password, 1 no such user, -2 the database cannot be opened. */
    private static int lookup(Transaction tx, Options o, String user, String password) {
        Optional<Dbm> opened = Dbm.openReadOnly(o.db);
        if (opened.isEmpty()) {
            return -2;
        }
        try (Dbm dbm = opened.get()) {
            byte[] key = (o.keyOnly ? user + "-" + password : user).getBytes(StandardCharsets.UTF_8);
            Optional<byte[]> data = dbm.fetch(key);
            if (data.isPresent()) {
                if (o.keyOnly) {
                    return 0;
                }
                return compare(tx, o, data.get(), password) ? 0 : -1;
            }
            if (!o.keyOnly) {
                return 1;
            }
            boolean sawUser = false;
            byte[] u = user.getBytes(StandardCharsets.UTF_8);
            byte[] p = password.getBytes(StandardCharsets.UTF_8);
            for (byte[] k : dbm.keys()) {
                if (k.length > u.length && startsWith(k, u) && k[u.length] == '-') {
                    sawUser = true;
                    if (k.length == u.length + 1 + p.length) {
                        String stored = new String(k, u.length + 1, p.length, StandardCharsets.UTF_8);
                        if (o.icase ? stored.equalsIgnoreCase(password) : stored.equals(password)) {
                            return 0;
                        }
                    }
                }
            }
            return sawUser ? -1 : 1;
        }
    }

    private static boolean compare(Transaction tx, Options o, byte[] stored, String password) {
        boolean crypt = o.crypt != null && o.crypt.toLowerCase(Locale.ROOT).startsWith("crypt");
        if (crypt) {
            if (stored.length < 13 || o.icase) {
                return false;
            }
            return tx.crypt.matches(password, new String(stored, StandardCharsets.UTF_8));
        }
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        if (given.length != stored.length) {
            return false;
        }
        if (o.icase) {
            return new String(stored, StandardCharsets.UTF_8).equalsIgnoreCase(password);
        }
        return MessageDigest.isEqual(stored, given);
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
