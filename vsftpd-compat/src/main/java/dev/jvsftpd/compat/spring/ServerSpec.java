package dev.jvsftpd.compat.spring;

import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.tcpwrappers.HostsAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one server bean is built from: vsftpd's command line (a config file, then {@code -o}
 * settings), the dialect, and the tcp_wrappers tables, which vsftpd.conf cannot name.
 *
 * @param arguments  vsftpd's arguments in order: {@code [config-file] [-oname=value]...}
 * @param dialect    the vsftpd build to behave as
 * @param hostsAllow hosts.allow, read only with tcp_wrappers=YES
 * @param hostsDeny  hosts.deny, read only with tcp_wrappers=YES
 */
record ServerSpec(List<String> arguments, Dialect dialect, Path hostsAllow, Path hostsDeny) {
    ServerSpec {
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(hostsAllow, "hostsAllow");
        Objects.requireNonNull(hostsDeny, "hostsDeny");
    }

    /**
     * From XML values, where null or blank means "as bin/jvsftpd": no file means vsftpd's default
     * file, no dialect means {@value Dialect#ENVIRONMENT_VARIABLE} (else debian), no tables mean
     * /etc/hosts.allow and /etc/hosts.deny.
     */
    static ServerSpec of(String configFile, List<String> options, String dialect, String hostsAllow,
            String hostsDeny) {
        List<String> arguments = new ArrayList<>();
        if (!blank(configFile)) {
            arguments.add(configFile.trim());
        }
        for (String option : options == null ? List.<String>of() : options) {
            // each is one -o: vsftpd's own parser judges name=value, with vsftpd's errors
            arguments.add("-o" + (option == null ? "" : option.strip()));
        }
        return new ServerSpec(arguments, dialect(dialect),
                blank(hostsAllow) ? HostsAccess.SYSTEM_ALLOW : Path.of(hostsAllow.trim()),
                blank(hostsDeny) ? HostsAccess.SYSTEM_DENY : Path.of(hostsDeny.trim()));
    }

    private static Dialect dialect(String value) {
        if (blank(value)) {
            return Dialect.fromEnvironment(System.getenv(Dialect.ENVIRONMENT_VARIABLE));
        }
        try {
            return Dialect.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OopsException("bad dialect: " + value, "the dialect must be one of debian, upstream, rhel");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
