package dev.jvsftpd.compat.tls;

import java.util.Optional;

/** vsftpd's TLS rules for USER and for data transfers, as pure decisions (reference sections 7.1, 8.3). */
public final class LoginEncryption {
    /** A refusal: the reply, and whether vsftpd hangs up after it. */
    public record Refusal(int code, String text, boolean closes) {
    }

    private LoginEncryption() {
    }

    /**
     * At USER, after the anonymous-only check and before the userlist: anonymous on TLS without
     * allow_anon_ssl (force_anon_logins_ssl implies it) is refused and may try again; a login in
     * clear that force_*_logins_ssl forbids ends the session.
     *
     * @param anonymousName FTP or ANONYMOUS in any case, whatever anonymous_enable says
     */
    public static Optional<Refusal> atUser(TlsSettings settings, boolean anonymousName, boolean controlProtected) {
        TlsSettings.Logins logins = settings.logins();
        if (anonymousName && controlProtected && !logins.allowAnonymous() && !logins.forceAnonymous()) {
            return Optional.of(new Refusal(530, "Anonymous sessions may not use encryption.", false));
        }
        if (settings.enabled() && !anonymousName && !controlProtected && logins.forceLocal()) {
            return Optional.of(new Refusal(530, "Non-anonymous sessions must use encryption.", true));
        }
        if (settings.enabled() && anonymousName && !controlProtected && logins.forceAnonymous()) {
            return Optional.of(new Refusal(530, "Anonymous sessions must use encryption.", true));
        }
        return Optional.empty();
    }

    /**
     * Before a transfer, right after the {@code 425 Use PORT or PASV first.} check: with
     * force_local_data_ssl (everyone but anonymous: guests count as local) or force_anon_data_ssl,
     * a transfer in clear gets {@code 522} and the prepared data connection stays ready.
     */
    public static Optional<Refusal> atTransfer(TlsSettings settings, boolean anonymous, boolean dataProtected) {
        boolean forced = anonymous ? settings.data().forceAnonymous() : settings.data().forceLocal();
        if (settings.enabled() && !dataProtected && forced) {
            return Optional.of(new Refusal(522, "Data connections must be encrypted.", false));
        }
        return Optional.empty();
    }
}
