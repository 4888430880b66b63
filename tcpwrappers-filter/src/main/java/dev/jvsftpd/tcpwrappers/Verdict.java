package dev.jvsftpd.tcpwrappers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * libwrap's answer for one connection, with what the matching rule's options left for the server
 * to do. spawn and aclexec have already run when the verdict is made; everything here is for the
 * caller: send {@link #banner()} first (it goes out even when access is denied), then act on
 * {@link #access()}.
 *
 * @param access       what happens to the connection
 * @param table        the file whose rule decided, or null when no rule matched (default allow)
 * @param line         that rule's line number (its last physical line), or 0
 * @param environment  the setenv options in order (a later one of the same name wins), e.g.
 *                     VSFTPD_LOAD_CONF; also set for DENY, where they do not matter
 * @param twistCommand the %-expanded twist command when access is TWIST, else null
 * @param severity     the severity option's value (e.g. {@code auth.notice}) if given, else null
 */
public record Verdict(Access access, String table, int line, Map<String, String> environment,
                      byte[] banner, String twistCommand, String severity) {

    /** The environment variable vsftpd reads after the check: a config file for this session only. */
    public static final String LOAD_CONF = "VSFTPD_LOAD_CONF";

    public enum Access {
        /** Serve the client. */
        ALLOW,
        /** Refuse: vsftpd replies {@code 421 Service not available.} and closes. */
        DENY,
        /**
         * The twist option: instead of the service, run {@link #twistCommand()} with its output to
         * the client, then close. No FTP reply.
         */
        TWIST,
        /** libwrap gives up on the connection without a word (an expansion overflowed): close. */
        DROP
    }

    public Verdict {
        Objects.requireNonNull(access, "access");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        banner = banner.clone();
    }

    static Verdict of(Access access, String table, int line, Effects effects, String twistCommand) {
        return new Verdict(access, table, line, effects.environment(), effects.banner(), twistCommand, effects.severity());
    }

    public boolean allowed() {
        return access == Access.ALLOW;
    }

    /** Bytes to send to the client before anything else (the banners option), possibly empty. */
    @Override
    public byte[] banner() {
        return banner.clone();
    }

    /** The value of a setenv'd variable. */
    public Optional<String> environmentValue(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    /** VSFTPD_LOAD_CONF as set by the matching rule: the file vsftpd loads as this session's config overlay. */
    public Optional<String> loadConf() {
        return environmentValue(LOAD_CONF);
    }

    @Override
    public String toString() {
        return "Verdict[" + access + (table == null ? "" : " by " + table + " line " + line)
                + (environment.isEmpty() ? "" : " env " + environment)
                + (banner.length == 0 ? "" : " banner " + banner.length + " bytes")
                + (twistCommand == null ? "" : " twist " + twistCommand)
                + (severity == null ? "" : " severity " + severity) + "]";
    }
}
