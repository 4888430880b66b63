package dev.jvsftpd.pam;

import static dev.jvsftpd.pam.LoginCase.PROMPT;
import static dev.jvsftpd.pam.LoginCase.error;
import static dev.jvsftpd.pam.LoginCase.fails;
import static dev.jvsftpd.pam.LoginCase.info;
import static dev.jvsftpd.pam.LoginCase.ok;

import java.util.List;

/** The logins both backends must agree on, with the verdicts real libpam gives (reference B.5). */
final class LoginCases {
    private LoginCases() {
    }

    static final String EXPIRED = "Your account has expired; please contact your system administrator.";

    static List<LoginCase> all(PamWorld w) {
        String pw = "wrong-Password-1";
        return List.of(
                ok("yescrypt user, right password", "vsftpd", w.yescrypt, PamWorld.password(w.yescrypt), PROMPT),
                ok("sha512crypt user", "vsftpd", w.sha512, PamWorld.password(w.sha512), PROMPT),
                ok("sha256crypt user", "vsftpd", w.sha256, PamWorld.password(w.sha256), PROMPT),
                ok("md5crypt user", "vsftpd", w.md5, PamWorld.password(w.md5), PROMPT),
                fails("wrong password", "vsftpd", w.yescrypt, pw, PamStep.AUTHENTICATE, PamCode.AUTH_ERR, true,
                        PROMPT),
                fails("wrong password, nodelay", "vsftpd-nodelay", w.sha512, pw, PamStep.AUTHENTICATE,
                        PamCode.AUTH_ERR, false, PROMPT),
                fails("unknown user", "vsftpd", w.unknown, pw, PamStep.AUTHENTICATE, PamCode.AUTH_ERR, true, PROMPT),
                fails("user listed in ftpusers", "vsftpd", w.listed, PamWorld.password(w.listed),
                        PamStep.AUTHENTICATE, PamCode.AUTH_ERR, true, PROMPT),
                fails("shell /usr/sbin/nologin", "vsftpd", w.nologinShell, PamWorld.password(w.nologinShell),
                        PamStep.AUTHENTICATE, PamCode.AUTH_ERR, true, PROMPT),
                fails("locked account", "vsftpd", w.locked, PamWorld.password(w.locked), PamStep.AUTHENTICATE,
                        PamCode.AUTH_ERR, true, PROMPT),
                fails("expired account", "vsftpd", w.expired, PamWorld.password(w.expired), PamStep.ACCT_MGMT,
                        PamCode.AUTH_ERR, false, PROMPT, error(EXPIRED)),
                fails("password change enforced", "vsftpd", w.mustChange, PamWorld.password(w.mustChange),
                        PamStep.ACCT_MGMT, PamCode.NEW_AUTHTOK_REQD, false, PROMPT,
                        error("You are required to change your password immediately (administrator enforced).")),
                fails("password aged", "vsftpd", w.aged, PamWorld.password(w.aged), PamStep.ACCT_MGMT,
                        PamCode.NEW_AUTHTOK_REQD, false, PROMPT,
                        error("You are required to change your password immediately (password expired).")),
                fails("password aged past inactivity", "vsftpd", w.inactive, PamWorld.password(w.inactive),
                        PamStep.ACCT_MGMT, PamCode.AUTH_ERR, false, PROMPT, error(EXPIRED)),
                ok("password about to expire", "vsftpd", w.warned, PamWorld.password(w.warned), PROMPT,
                        info("Warning: your password will expire in 5 days.")),
                ok("blank password with nullok: not even asked", "blank", w.blank, "anything"),
                fails("nologin file", "vsftpd-nologin", w.yescrypt, PamWorld.password(w.yescrypt),
                        PamStep.AUTHENTICATE, PamCode.AUTH_ERR, false, error(PamWorld.NOLOGIN_TEXT), PROMPT),
                ok("pam_userdb virtual user", "vsftpd-virtual", PamWorld.VIRTUAL, PamWorld.VIRTUAL_PASSWORD, PROMPT),
                fails("pam_userdb wrong password", "vsftpd-virtual", PamWorld.VIRTUAL, pw, PamStep.AUTHENTICATE,
                        PamCode.AUTH_ERR, false, PROMPT),
                fails("pam_userdb unknown user", "vsftpd-virtual", w.unknown, pw, PamStep.AUTHENTICATE,
                        PamCode.USER_UNKNOWN, false, PROMPT),
                fails("pam_userdb local user is not virtual", "vsftpd-virtual", w.yescrypt,
                        PamWorld.password(w.yescrypt), PamStep.AUTHENTICATE, PamCode.USER_UNKNOWN, false, PROMPT),
                ok("pam_userdb crypt=crypt", "vsftpd-virtual-crypt", PamWorld.VIRTUAL_CRYPT,
                        PamWorld.VIRTUAL_PASSWORD, PROMPT),
                fails("pam_userdb crypt=crypt wrong password", "vsftpd-virtual-crypt", PamWorld.VIRTUAL_CRYPT, pw,
                        PamStep.AUTHENTICATE, PamCode.AUTH_ERR, false, PROMPT),
                ok("pam_pwdfile virtual user", "vsftpd-pwdfile", PamWorld.VIRTUAL, PamWorld.VIRTUAL_PASSWORD, PROMPT),
                fails("pam_pwdfile wrong password", "vsftpd-pwdfile", PamWorld.VIRTUAL, pw, PamStep.AUTHENTICATE,
                        PamCode.AUTH_ERR, false, PROMPT),
                fails("pam_pwdfile unknown user", "vsftpd-pwdfile", w.unknown, pw, PamStep.AUTHENTICATE,
                        PamCode.USER_UNKNOWN, false, PROMPT));
    }
}
