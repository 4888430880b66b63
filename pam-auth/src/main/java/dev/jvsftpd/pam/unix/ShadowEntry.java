package dev.jvsftpd.pam.unix;

/**
 * A line of shadow(5). Day counts are days since 1970-01-01; an empty field is -1, as getspnam
 * reports it.
 */
public record ShadowEntry(String name, String hash, long lastChange, long min, long max, long warn, long inactive,
                          long expire) {
}
