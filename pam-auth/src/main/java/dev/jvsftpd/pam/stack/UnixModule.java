package dev.jvsftpd.pam.stack;

import dev.jvsftpd.pam.PamCode;
import dev.jvsftpd.pam.unix.ShadowEntry;
import dev.jvsftpd.pam.unix.ShadowFile;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * pam_unix against passwd and shadow (reference B.4), as it behaves when run as root: the blank
 * password case, locked and starred hashes, crypt(3) verification, the 2-second failure delay, and
 * the account's expiry and password-aging verdicts with their messages.
 */
final class UnixModule implements PamModule {
    private static final String SETCRED_KEY = "pam_unix.setcred_return";
    private static final long DELAY_USEC = 2_000_000;
    private static final int MAX_PASSWORD = 512;

    @Override
    public Set<ServiceFunction> functions() {
        return EnumSet.allOf(ServiceFunction.class);
    }

    @Override
    public PamCode call(ServiceFunction function, ModuleCall call) {
        switch (function) {
            case AUTHENTICATE: {
                PamCode r = authenticate(call);
                call.tx().data(SETCRED_KEY, r);
                return r;
            }
            case SETCRED: {
                Object r = call.tx().data(SETCRED_KEY);
                return r instanceof PamCode ? (PamCode) r : PamCode.SUCCESS;
            }
            case ACCT_MGMT:
                return account(call);
            default:
                return call.tx().user() == null || call.tx().user().isEmpty() ? PamCode.SESSION_ERR
                        : PamCode.SUCCESS;
        }
    }

    /** The hash pam_unix checks: shadow's when passwd says "x" (or "##name"), else passwd's own. */
    private record Hash(PamCode lookup, String value, Optional<ShadowEntry> shadow) {
    }

    private static Hash hash(Transaction tx, String name) {
        Optional<String> field = tx.users.passwordField(name);
        if (field.isEmpty()) {
            return new Hash(PamCode.USER_UNKNOWN, null, Optional.empty());
        }
        boolean shadowed = field.get().equals("x") || field.get().equals("##" + name);
        if (!shadowed) {
            return new Hash(PamCode.SUCCESS, field.get(), Optional.empty());
        }
        Optional<ShadowEntry> entry = ShadowFile.lookup(tx.files.shadow(), name);
        if (entry.isEmpty()) {
            // the real module would ask its unix_chkpwd helper, which refuses what root could not read
            return new Hash(PamCode.AUTHINFO_UNAVAIL, null, Optional.empty());
        }
        return new Hash(PamCode.SUCCESS, entry.get().hash(), entry);
    }

    private static PamCode authenticate(ModuleCall call) {
        Transaction tx = call.tx();
        String name = tx.user();
        if (name.startsWith("-") || name.startsWith("+")) {
            return PamCode.USER_UNKNOWN;
        }
        boolean nullok = call.has("nullok");
        if (nullok) {
            Hash h = hash(tx, name);
            if (h.lookup() == PamCode.SUCCESS && h.value().isEmpty()) {
                return PamCode.SUCCESS; // a blank password: in without being asked
            }
        }
        Transaction.Reply password = tx.authtok();
        if (password.code() != PamCode.SUCCESS) {
            return password.code();
        }
        if (!call.has("nodelay")) {
            tx.failDelay(DELAY_USEC);
        }
        Hash h = hash(tx, name);
        if (h.lookup() == PamCode.USER_UNKNOWN) {
            return PamCode.USER_UNKNOWN;
        }
        if (h.lookup() != PamCode.SUCCESS) {
            return PamCode.AUTH_ERR;
        }
        String p = password.text();
        if (p.length() > MAX_PASSWORD) {
            p = p.substring(0, MAX_PASSWORD);
        }
        return verify(tx, p, h.value(), nullok);
    }

    private static PamCode verify(Transaction tx, String password, String hash, boolean nullok) {
        if (hash.isEmpty()) {
            return nullok ? PamCode.SUCCESS : PamCode.AUTH_ERR;
        }
        if (hash.startsWith("*") || hash.startsWith("!")) {
            return PamCode.AUTH_ERR;
        }
        return tx.crypt.matches(password, hash) ? PamCode.SUCCESS : PamCode.AUTH_ERR;
    }

    private static PamCode account(ModuleCall call) {
        Transaction tx = call.tx();
        String name = tx.user();
        if (name == null) {
            return PamCode.USER_UNKNOWN;
        }
        Hash h = hash(tx, name);
        if (h.lookup() == PamCode.USER_UNKNOWN) {
            return PamCode.USER_UNKNOWN;
        }
        if (h.lookup() != PamCode.SUCCESS) {
            return h.lookup();
        }
        if (h.shadow().isEmpty()) {
            return PamCode.SUCCESS;
        }
        ShadowEntry s = h.shadow().get();
        long today = System.currentTimeMillis() / 86_400_000L;
        Expiry e = expiry(s, today);
        switch (e.code()) {
            case ACCT_EXPIRED:
            case AUTHTOK_EXPIRED:
                tx.error("Your account has expired; please contact your system administrator.");
                return e.code();
            case NEW_AUTHTOK_REQD:
                tx.error(e.daysLeft() == 0
                        ? "You are required to change your password immediately (administrator enforced)."
                        : "You are required to change your password immediately (password expired).");
                return e.code();
            default:
                if (e.daysLeft() >= 0) {
                    tx.info("Warning: your password will expire in " + e.daysLeft()
                            + (e.daysLeft() == 1 ? " day." : " days."));
                }
                return PamCode.SUCCESS;
        }
    }

    /** A shadow entry's aging verdict for a day; daysLeft is -1 unless a warning or enforcement applies. */
    record Expiry(PamCode code, long daysLeft) {
    }

    static Expiry expiry(ShadowEntry s, long today) {
        if (s.expire() != -1 && today >= s.expire()) {
            return new Expiry(PamCode.ACCT_EXPIRED, -1);
        }
        if (s.lastChange() == 0) {
            return new Expiry(PamCode.NEW_AUTHTOK_REQD, 0);
        }
        if (today < s.lastChange()) {
            return new Expiry(PamCode.SUCCESS, -1); // changed "in the future"
        }
        long age = today - s.lastChange();
        if (s.max() != -1 && s.inactive() != -1 && age > s.max() && age > s.inactive()
                && age > s.max() + s.inactive()) {
            return new Expiry(PamCode.AUTHTOK_EXPIRED, s.lastChange() + s.max() - today);
        }
        if (s.max() != -1 && age > s.max()) {
            return new Expiry(PamCode.NEW_AUTHTOK_REQD, -1);
        }
        long daysLeft = -1;
        if (s.max() != -1 && s.warn() != -1 && age > s.max() - s.warn()) {
            daysLeft = s.lastChange() + s.max() - today;
        }
        // "changed too recently" matters only for a password change; the account is fine
        return new Expiry(PamCode.SUCCESS, daysLeft);
    }
}
