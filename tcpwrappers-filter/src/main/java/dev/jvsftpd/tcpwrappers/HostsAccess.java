package dev.jvsftpd.tcpwrappers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tcp_wrappers access control with the verdicts of Debian's libwrap 7.6.q (hosts_access(5),
 * hosts_options(5)): hosts.allow is scanned first, then hosts.deny, first matching rule wins,
 * no match allows. The tables are re-read when they change. Thread-safe; one instance serves all
 * connections.
 *
 * <pre>
 * HostsAccess access = HostsAccess.builder().build();          // /etc/hosts.allow, /etc/hosts.deny
 * Verdict v = access.decide("vsftpd", ClientInfo.of(remote, local));
 * </pre>
 */
public final class HostsAccess {

    private static final Logger LOG = LoggerFactory.getLogger(HostsAccess.class);

    public static final Path SYSTEM_ALLOW = Path.of("/etc/hosts.allow");
    public static final Path SYSTEM_DENY = Path.of("/etc/hosts.deny");
    /** The daemon name vsftpd passes to libwrap, whatever its program name. */
    public static final String VSFTPD = "vsftpd";
    /** libwrap's ident timeout (rfc931_timeout). */
    public static final Duration IDENT_TIMEOUT = Duration.ofSeconds(10);

    /** The collaborators a decision uses. */
    record Services(HostResolver resolver, IdentLookup ident, Duration identTimeout, ShellRunner shell,
                    boolean resident) {
    }

    private final Path allowFile;
    private final Path denyFile;
    private final Services services;
    private final TableCache cache = new TableCache();

    private HostsAccess(Builder b) {
        this.allowFile = b.allowFile;
        this.denyFile = b.denyFile;
        this.services = new Services(b.resolver, b.ident, b.identTimeout, b.shell, b.resident);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path allowFile() {
        return allowFile;
    }

    public Path denyFile() {
        return denyFile;
    }

    /**
     * libwrap's hosts_access() for one connection. Runs the matching rule's spawn and aclexec
     * commands (waiting for them) and may look up host names and the ident user, so it can block.
     *
     * @param daemon the daemon name rules are matched against ({@link #VSFTPD} for vsftpd)
     */
    public Verdict decide(String daemon, ClientInfo client) {
        Objects.requireNonNull(daemon, "daemon");
        Request request = new Request(daemon, client, services);
        Effects effects = new Effects();
        Scan allow = scan(allowFile, request, effects);
        if (allow.decisive() != null) {
            return allow.decisive();
        }
        if (allow.result() == Result.MATCH) {
            return Verdict.of(Verdict.Access.ALLOW, allowFile.toString(), allow.line(), effects, null);
        }
        Scan deny = scan(denyFile, request, effects);
        if (deny.decisive() != null) {
            return deny.decisive();
        }
        if (deny.result() == Result.NO_MATCH) {
            return Verdict.of(Verdict.Access.ALLOW, null, 0, effects, null);
        }
        return Verdict.of(Verdict.Access.DENY, denyFile.toString(), deny.line(), effects, null);
    }

    private enum Result { MATCH, NO_MATCH, ERROR }

    /** A table's result, or the verdict an option jumped to (allow, deny, twist, errors). */
    private record Scan(Result result, int line, Verdict decisive) {
    }

    /** libwrap's table_match(). */
    private Scan scan(Path table, Request request, Effects effects) {
        TableCache.Loaded<RuleFile> loaded = cache.table(table);
        if (loaded.state() == TableCache.State.MISSING) {
            return new Scan(Result.NO_MATCH, 0, null);
        }
        if (loaded.state() == TableCache.State.UNREADABLE) {
            return new Scan(Result.ERROR, 0, null);
        }
        RuleFile file = loaded.value();
        Matcher matcher = new Matcher(request, cache);
        for (RuleFile.Rule rule : file.rules()) {
            if (!matcher.rule(rule)) {
                continue;
            }
            LOG.debug("matched: {} line {}", table, rule.line());
            if (rule.options() == null) {
                return new Scan(Result.MATCH, rule.line(), null);
            }
            String where = table + ", line " + rule.line();
            OptionProcessor.Result options = OptionProcessor.process(rule.options(), request, effects, services, where);
            switch (options.outcome()) {
                case MATCH:
                    return new Scan(Result.MATCH, rule.line(), null);
                case TABLE_NO_MATCH:
                    return new Scan(Result.NO_MATCH, rule.line(), null);
                case ALLOW:
                    return decided(Verdict.Access.ALLOW, table, rule, effects, null);
                case DENY:
                    return decided(Verdict.Access.DENY, table, rule, effects, null);
                case TWIST:
                    return decided(Verdict.Access.TWIST, table, rule, effects, options.twistCommand());
                case DROP:
                    return decided(Verdict.Access.DROP, table, rule, effects, null);
                default:
                    throw new IllegalStateException(options.outcome().name());
            }
        }
        if (file.stop() != null) {
            return new Scan(Result.ERROR, file.stop().line(), null);
        }
        return new Scan(Result.NO_MATCH, 0, null);
    }

    private static Scan decided(Verdict.Access access, Path table, RuleFile.Rule rule, Effects effects, String twist) {
        return new Scan(null, rule.line(), Verdict.of(access, table.toString(), rule.line(), effects, twist));
    }

    /** Settings; every one has libwrap's (and vsftpd's) default. */
    public static final class Builder {
        private Path allowFile = SYSTEM_ALLOW;
        private Path denyFile = SYSTEM_DENY;
        private HostResolver resolver = new SystemHostResolver();
        private IdentLookup ident = new Rfc1413Ident();
        private Duration identTimeout = IDENT_TIMEOUT;
        private ShellRunner shell = new SystemShell();
        private boolean resident;

        private Builder() {
        }

        public Builder allowFile(Path path) {
            this.allowFile = Objects.requireNonNull(path);
            return this;
        }

        public Builder denyFile(Path path) {
            this.denyFile = Objects.requireNonNull(path);
            return this;
        }

        /** Where host names come from (default: the hosts file and DNS, see {@link SystemHostResolver}). */
        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver);
            return this;
        }

        /** Ident lookups for user@host patterns and %u (default: RFC 1413 on port 113). */
        public Builder ident(IdentLookup ident) {
            this.ident = Objects.requireNonNull(ident);
            return this;
        }

        public Builder identTimeout(Duration timeout) {
            this.identTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Runs spawn, aclexec and (for the caller) twist commands (default: /bin/sh, no time limit). */
        public Builder shell(ShellRunner shell) {
            this.shell = Objects.requireNonNull(shell);
            return this;
        }

        /**
         * libwrap refuses twist in a process that has called it before ("resident"). vsftpd checks
         * once in a fresh session process, so twist works there: the default is false. True makes
         * twist an option error (deny), as for a long-running libwrap caller.
         */
        public Builder resident(boolean resident) {
            this.resident = resident;
            return this;
        }

        public HostsAccess build() {
            return new HostsAccess(this);
        }
    }
}
