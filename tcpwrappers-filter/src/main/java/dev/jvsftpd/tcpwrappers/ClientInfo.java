package dev.jvsftpd.tcpwrappers;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The connection being checked, as libwrap's request: both endpoints, and optionally facts the
 * caller already has (libwrap's RQ_CLIENT_NAME, RQ_SERVER_NAME, RQ_USER), which are then used as
 * they are, without lookups or verification.
 *
 * @param client       the client's address and port
 * @param server       the local address and port the client connected to
 * @param ipv6Listener the connection was accepted by a dual-stack IPv6 socket (vsftpd's
 *                     listen_ipv6=YES, or Java's wildcard listener): an IPv4 peer is then
 *                     {@code ::ffff:a.b.c.d} to libwrap. Matching is the same either way; %a, %A,
 *                     %h, %c and %s show the mapped form.
 * @param clientName   the client's host name if already known, else null (looked up on demand)
 * @param serverName   the server's host name if already known, else null
 * @param user         the client's ident user if already known, else null (asked on demand)
 */
public record ClientInfo(InetSocketAddress client, InetSocketAddress server, boolean ipv6Listener,
                         String clientName, String serverName, String user) {

    public ClientInfo {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        if (client.getAddress() == null || server.getAddress() == null) {
            throw new IllegalArgumentException("endpoints must be resolved addresses");
        }
    }

    public static ClientInfo of(InetSocketAddress client, InetSocketAddress server) {
        return new ClientInfo(client, server, false, null, null, null);
    }

    public ClientInfo withIpv6Listener(boolean dualStack) {
        return new ClientInfo(client, server, dualStack, clientName, serverName, user);
    }

    public ClientInfo withClientName(String name) {
        return new ClientInfo(client, server, ipv6Listener, name, serverName, user);
    }

    public ClientInfo withServerName(String name) {
        return new ClientInfo(client, server, ipv6Listener, clientName, name, user);
    }

    public ClientInfo withUser(String identUser) {
        return new ClientInfo(client, server, ipv6Listener, clientName, serverName, identUser);
    }
}
