package dev.jvsftpd.tcpwrappers;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Name service for the host name checks (KNOWN, UNKNOWN, PARANOID, LOCAL, .domain, names, %n).
 * Only the two raw lookups are pluggable; the double-reverse verification on top of them is
 * libwrap's and always applies.
 */
public interface HostResolver {

    /** The name the address maps to (getnameinfo with NI_NAMEREQD), or empty when it has none. */
    Optional<String> reverse(InetAddress address);

    /**
     * Forward lookup of a name for one address family (getaddrinfo with AI_CANONNAME), or empty
     * when the name does not resolve.
     *
     * @param ipv6 the family of the address being verified: IPv6 addresses for an IPv6 peer, IPv4
     *             addresses for an IPv4 (or IPv4-mapped) peer
     */
    Optional<Forward> forward(String name, boolean ipv6);

    /**
     * A forward lookup's answer.
     *
     * @param canonicalName the canonical name the lookup reports (libwrap calls a mismatch with the
     *                      reverse name paranoid, unless that name is localhost)
     */
    record Forward(String canonicalName, List<InetAddress> addresses) {
        public Forward {
            addresses = List.copyOf(addresses);
        }
    }
}
