package dev.jvsftpd.tcpwrappers;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian libwrap's host name verification (sock_hostname), on top of a {@link HostResolver}:
 * reverse lookup, then the name must not be numeric, must resolve forward with itself as the
 * canonical name (localhost excepted), and must resolve to the address. Failures give
 * {@code unknown} (no reverse name) or {@code paranoid} (everything else).
 */
final class HostNameCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HostNameCheck.class);
    /** libwrap keeps at most 127 characters of a host name. */
    private static final int MAX_NAME = 127;

    private HostNameCheck() {
    }

    static String verifiedName(HostResolver resolver, InetAddress address) {
        Optional<String> reverse = resolver.reverse(address);
        if (reverse.isEmpty() || reverse.get().isEmpty()) {
            return Request.UNKNOWN;
        }
        String name = reverse.get();
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        boolean ipv6 = address instanceof Inet6Address;
        if (isNumeric(name, ipv6)) {
            LOG.warn("host name/name mismatch: reverse lookup results in non-FQDN {}", name);
            return Request.PARANOID;
        }
        Optional<HostResolver.Forward> forward = resolver.forward(name, ipv6);
        if (forward.isEmpty()) {
            LOG.warn("can't verify hostname: getaddrinfo({}, {}) failed", name, ipv6 ? "AF_INET6" : "AF_INET");
            return Request.PARANOID;
        }
        String canonical = forward.get().canonicalName();
        if (!CText.equalsIgnoreCase(name, "localhost")
                && (canonical == null || !CText.equalsIgnoreCase(name, canonical))) {
            LOG.warn("host name/name mismatch: {} != {}", name, canonical == null ? "" : canonical);
            return Request.PARANOID;
        }
        for (InetAddress candidate : forward.get().addresses()) {
            if (sameAddress(candidate, address)) {
                return name;
            }
        }
        LOG.warn("host name/address mismatch: {} != {}", address.getHostAddress(), name);
        return Request.PARANOID;
    }

    /** getaddrinfo(AI_NUMERICHOST) for the family: inet_aton forms for IPv4, inet_pton for IPv6. */
    static boolean isNumeric(String name, boolean ipv6) {
        if (ipv6) {
            int percent = name.indexOf('%');
            return InetText.pton6(percent < 0 ? name : name.substring(0, percent)) != null;
        }
        return exactInetAton(name);
    }

    /** glibc's __inet_aton_exact: inet_aton that must consume the whole string. */
    private static boolean exactInetAton(String s) {
        // inet_aton stops at the first white space; the exact variant needs nothing after the number
        for (int i = 0; i < s.length(); i++) {
            if (CText.isSpace(s.charAt(i))) {
                return false;
            }
        }
        return CText.inetAton(s) >= 0;
    }

    private static boolean sameAddress(InetAddress candidate, InetAddress address) {
        if (!Arrays.equals(candidate.getAddress(), address.getAddress())) {
            return false;
        }
        if (candidate instanceof Inet6Address c6 && address instanceof Inet6Address a6) {
            return c6.getScopeId() == a6.getScopeId();
        }
        return true;
    }
}
