package dev.jvsftpd.pam.stack;

import java.util.Locale;
import java.util.Optional;

/** The four management groups a pam.d line belongs to. */
public enum ModuleType {
    AUTH, ACCOUNT, SESSION, PASSWORD;

    /** The type keyword, compared without case as libpam does. */
    static Optional<ModuleType> parse(String token) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "auth":
                return Optional.of(AUTH);
            case "account":
                return Optional.of(ACCOUNT);
            case "session":
                return Optional.of(SESSION);
            case "password":
                return Optional.of(PASSWORD);
            default:
                return Optional.empty();
        }
    }
}
