package dev.jvsftpd.tcpwrappers;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The option field of a matched rule (hosts_options(5), Debian build), run in order as libwrap
 * runs it: an error anywhere refuses access, allow/deny decide at once, and the options before an
 * error have already had their effect.
 */
final class OptionProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(OptionProcessor.class);
    private static final String WHITESPACE = " \t\r\n";
    private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "lpr", "news",
            "uucp", "cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");
    private static final List<String> LEVELS = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");
    /** Options that change the process (or its socket) in libwrap; logged once each, not applied. */
    private static final Set<String> NOT_APPLIED_LOGGED = ConcurrentHashMap.newKeySet();

    /** How the option field ended. */
    enum Outcome {
        /** All options ran: the rule's table decides (match). */
        MATCH,
        /** The allow option. */
        ALLOW,
        /** The deny option, or any option error. */
        DENY,
        /** The twist option. */
        TWIST,
        /** The last aclexec of this check failed: this table does not match after all. */
        TABLE_NO_MATCH,
        /** An expansion overflowed libwrap's buffer: libwrap exits. */
        DROP
    }

    record Result(Outcome outcome, String twistCommand) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }
    }

    private enum Kind {
        ALLOW(Value.NONE, true, false),
        DENY(Value.NONE, true, false),
        SPAWN(Value.REQUIRED, false, true),
        TWIST(Value.REQUIRED, true, true),
        ACLEXEC(Value.REQUIRED, false, true),
        SETENV(Value.REQUIRED, false, true),
        BANNERS(Value.REQUIRED, false, false),
        SEVERITY(Value.REQUIRED, false, false),
        KEEPALIVE(Value.NONE, false, false),
        LINGER(Value.REQUIRED, false, false),
        RFC931(Value.OPTIONAL, false, false),
        UMASK(Value.REQUIRED, false, false),
        USER(Value.REQUIRED, false, false),
        GROUP(Value.REQUIRED, false, false),
        NICE(Value.OPTIONAL, false, false);

        final Value value;
        final boolean mustBeLast;
        final boolean expand;

        Kind(Value value, boolean mustBeLast, boolean expand) {
            this.value = value;
            this.mustBeLast = mustBeLast;
            this.expand = expand;
        }

        static Kind named(String keyword) {
            for (Kind k : values()) {
                if (CText.equalsIgnoreCase(k.name(), keyword)) {
                    return k;
                }
            }
            return null;
        }
    }

    private enum Value { NONE, REQUIRED, OPTIONAL }

    /** An option error: libwrap logs it and refuses the connection. */
    private static final class OptionError extends Exception {
        OptionError(String message) {
            super(message);
        }
    }

    private final Request request;
    private final Effects effects;
    private final HostsAccess.Services services;
    private final String where;

    private OptionProcessor(Request request, Effects effects, HostsAccess.Services services, String where) {
        this.request = request;
        this.effects = effects;
        this.services = services;
        this.where = where;
    }

    /**
     * @param options the option string as it stands in the rule, after the second ":" (with the
     *                line's newline)
     * @param where   "file, line N" for messages
     */
    static Result process(String options, Request request, Effects effects, HostsAccess.Services services, String where) {
        return new OptionProcessor(request, effects, services, where).run(options);
    }

    private Result run(String options) {
        List<String> fields = fields(options);
        try {
            if (CText.chop(options).isEmpty()) {
                throw new OptionError("rule ends in \":\"");
            }
            for (int i = 0; i < fields.size(); i++) {
                String option = CText.chop(fields.get(i));
                if (option.isEmpty()) {
                    throw new OptionError("missing option name");
                }
                int keyEnd = CText.indexOfAny(option, 0, "=" + WHITESPACE);
                String keyword = option.substring(0, keyEnd);
                String value = valueOf(option, keyEnd);
                Kind kind = Kind.named(keyword);
                if (kind == null) {
                    throw new OptionError("bad option name: \"" + keyword + "\"");
                }
                if (value == null && kind.value == Value.REQUIRED) {
                    throw new OptionError("option \"" + keyword + "\" requires value");
                }
                if (value != null && kind.value == Value.NONE) {
                    throw new OptionError("option \"" + keyword + "\" requires no value");
                }
                if (kind.mustBeLast && i + 1 < fields.size()) {
                    throw new OptionError("option \"" + keyword + "\" must be at end");
                }
                if (value != null && kind.expand) {
                    value = PercentExpander.expand(value, request, PercentExpander.OPTION_BUFFER);
                }
                switch (kind) {
                    case ALLOW:
                        return Result.of(Outcome.ALLOW);
                    case DENY:
                        return Result.of(Outcome.DENY);
                    case TWIST:
                        if (services.resident()) {
                            throw new OptionError("twist option in resident process");
                        }
                        return new Result(Outcome.TWIST, value);
                    case SPAWN:
                        shell(value);
                        break;
                    case ACLEXEC:
                        effects.aclexecStatus(shell(value));
                        break;
                    case SETENV:
                        setenv(value);
                        break;
                    case BANNERS:
                        effects.banner(Banners.read(value, request));
                        break;
                    case SEVERITY:
                        severity(value);
                        break;
                    case KEEPALIVE:
                        notApplied("keepalive");
                        break;
                    case LINGER:
                        OptionalLong linger = CText.scanIntWhole(value);
                        if (linger.isEmpty() || linger.getAsLong() < 0) {
                            throw new OptionError("bad linger value: \"" + value + "\"");
                        }
                        notApplied("linger");
                        break;
                    case RFC931:
                        rfc931(value);
                        break;
                    case UMASK:
                        OptionalLong mask = CText.scanOctalWhole(value);
                        if (mask.isEmpty() || mask.getAsLong() > 0777) {
                            throw new OptionError("bad umask value: \"" + value + "\"");
                        }
                        notApplied("umask");
                        break;
                    case USER:
                        user(value);
                        break;
                    case GROUP:
                        group(value);
                        notApplied("group");
                        break;
                    case NICE:
                        if (value != null && CText.scanIntWhole(value).isEmpty()) {
                            throw new OptionError("bad nice value: \"" + value + "\"");
                        }
                        notApplied("nice");
                        break;
                    default:
                        throw new IllegalStateException(kind.name());
                }
            }
        } catch (OptionError e) {
            LOG.warn("{}: {}", where, e.getMessage());
            return Result.of(Outcome.DENY);
        } catch (PercentExpander.TooLong e) {
            LOG.warn("{}: {}", where, e.getMessage());
            return Result.of(Outcome.DROP);
        }
        if (effects.aclexecStatus() != 0) {
            LOG.info("{}: aclexec returned {}", where, effects.aclexecStatus());
            return Result.of(Outcome.TABLE_NO_MATCH);
        }
        return Result.of(Outcome.MATCH);
    }

    /** The fields between unescaped colons; "\:" is a literal colon. */
    static List<String> fields(String options) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (c == '\\' && i + 1 < options.length() && options.charAt(i + 1) == ':') {
                field.append(':');
                i++;
            } else if (c == ':') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** The value after the keyword: blanks, at most one "=", blanks; null if nothing is left. */
    private static String valueOf(String option, int keyEnd) {
        int v = keyEnd;
        if (v < option.length() && option.charAt(v) != '=') {
            v = CText.skipAll(option, v + 1, WHITESPACE);
        }
        if (v < option.length() && option.charAt(v) == '=') {
            v = CText.skipAll(option, v + 1, WHITESPACE);
        }
        return v < option.length() ? option.substring(v) : null;
    }

    private int shell(String command) {
        try {
            return services.shell().run(command, effects.environment());
        } catch (IOException e) {
            LOG.warn("{}: cannot run /bin/sh: {}", where, e.getMessage());
            return 127;
        }
    }

    /** setenv NAME VALUE: the name ends at the first blank; libc refuses an empty name or one with "=". */
    private void setenv(String value) throws OptionError {
        int split = CText.indexOfAny(value, 0, WHITESPACE);
        String name = CText.chop(value.substring(0, split));
        String content = split < value.length() ? CText.chop(value.substring(split + 1)) : "";
        if (name.isEmpty() || name.indexOf('=') >= 0) {
            throw new OptionError("setenv " + name + ": invalid variable name");
        }
        effects.setenv(name, content);
    }

    private void severity(String value) throws OptionError {
        int dot = CText.splitAt(value, 0, '.');
        boolean ok = dot < 0
                ? contains(LEVELS, value)
                : contains(FACILITIES, value.substring(0, dot)) && contains(LEVELS, value.substring(dot + 1));
        if (!ok) {
            throw new OptionError("bad syslog facility or severity: \"" + value + "\"");
        }
        effects.severity(value.toLowerCase(Locale.ROOT));
    }

    private static boolean contains(List<String> names, String name) {
        return names.stream().anyMatch(n -> CText.equalsIgnoreCase(n, name));
    }

    private void rfc931(String value) throws OptionError {
        Duration timeout = services.identTimeout();
        if (value != null) {
            OptionalLong seconds = CText.scanIntWhole(value);
            if (seconds.isEmpty() || seconds.getAsLong() <= 0) {
                throw new OptionError("bad rfc931 timeout: \"" + value + "\"");
            }
            timeout = Duration.ofSeconds(seconds.getAsLong());
        }
        request.user(timeout);
    }

    /** user NAME[.GROUP]: both must exist (the group is checked first); the JVM cannot switch to them. */
    private void user(String value) throws OptionError {
        int dot = CText.splitAt(value, 0, '.');
        String name = dot < 0 ? value : value.substring(0, dot);
        if (dot >= 0) {
            group(value.substring(dot + 1));
        }
        if (!principalExists(name, false)) {
            throw new OptionError("unknown user: \"" + name + "\"");
        }
        notApplied("user");
    }

    private void group(String name) throws OptionError {
        if (!principalExists(name, true)) {
            throw new OptionError("unknown group: \"" + name + "\"");
        }
    }

    /**
     * getpwnam/getgrnam through the JDK. The JDK falls back to reading an unknown all-digit name as
     * a uid or gid, which getpwnam does not, so such names count as unknown.
     */
    private static boolean principalExists(String name, boolean group) {
        if (name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
            return false;
        }
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            if (group) {
                lookup.lookupPrincipalByGroupName(name);
            } else {
                lookup.lookupPrincipalByName(name);
            }
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void notApplied(String option) {
        if (NOT_APPLIED_LOGGED.add(option)) {
            LOG.info("{}: option \"{}\" accepted but not applied: it changes the server process in libwrap", where, option);
        }
    }

    /** banners DIR: the file DIR/daemon, sent to the client as libwrap sends it. */
    static final class Banners {
        private Banners() {
        }

        static byte[] read(String directory, Request request) throws PercentExpander.TooLong {
            Path file = Path.of(directory, request.daemon);
            byte[] content;
            try {
                if (Files.isDirectory(file)) {
                    return new byte[0];
                }
                content = Files.readAllBytes(file);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: {}", directory, e.getMessage());
                return new byte[0];
            }
            return BannerText.render(content, request);
        }
    }
}
