package dev.jvsftpd.tcpwrappers;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What libwrap knows about one connection while it evaluates the tables. Host names and the ident
 * user are looked up only when a pattern or an expansion needs them, and whether they have been
 * looked up changes what %h, %c and %s print, as in libwrap.
 */
final class Request {

    /** libwrap's sentinel for "could not be determined". */
    static final String UNKNOWN = "unknown";
    /** libwrap's sentinel for "the name does not map back to the address". */
    static final String PARANOID = "paranoid";

    final String daemon;
    final Endpoint client;
    final Endpoint server;
    private final HostsAccess.Services services;
    private String user;

    Request(String daemon, ClientInfo info, HostsAccess.Services services) {
        this.daemon = daemon;
        this.services = services;
        this.client = new Endpoint(info.client(), info.ipv6Listener(), info.clientName(), services);
        this.server = new Endpoint(info.server(), info.ipv6Listener(), info.serverName(), services);
        this.user = info.user();
    }

    /** The ident user name (eval_user), looked up on first use. */
    String user() {
        return user(services.identTimeout());
    }

    /** Looks the user up now if not known yet (the rfc931 option's timeout applies). */
    String user(Duration timeout) {
        if (user == null) {
            user = services.ident().user(client.socket, server.socket, timeout).orElse(UNKNOWN);
        }
        return user;
    }

    /** The user if already looked up, else null (libwrap's empty user field). */
    String userIfKnown() {
        return user;
    }

    static boolean hostnameKnown(String name) {
        return !CText.equalsIgnoreCase(name, UNKNOWN) && !CText.equalsIgnoreCase(name, PARANOID);
    }

    /** One end of the connection: its address text, port and (lazily) verified host name. */
    static final class Endpoint {
        final InetSocketAddress socket;
        private final boolean mappedForm;
        private final HostsAccess.Services services;
        private String addr;
        private String name;

        Endpoint(InetSocketAddress socket, boolean ipv6Listener, String knownName, HostsAccess.Services services) {
            this.socket = socket;
            this.mappedForm = ipv6Listener && InetText.isIpv4(socket.getAddress());
            this.services = services;
            this.name = knownName;
        }

        InetAddress address() {
            return socket.getAddress();
        }

        /** True only for a genuine IPv6 peer: libwrap's [v6] patterns never match IPv4 or mapped ones. */
        boolean isIpv6() {
            return socket.getAddress() instanceof Inet6Address;
        }

        /** eval_hostaddr: the numeric address as libwrap prints it. */
        String addr() {
            if (addr == null) {
                addr = InetText.ntop(socket.getAddress(), mappedForm);
            }
            return addr;
        }

        /** eval_hostname: the double-reverse checked name, {@code unknown} or {@code paranoid}. */
        String name() {
            if (name == null) {
                name = HostNameCheck.verifiedName(services.resolver(), socket.getAddress());
            }
            return name;
        }

        /** eval_hostinfo: the name if it was looked up and is known, else the address. */
        String hostinfo() {
            if (name == null) {
                return addr();
            }
            return hostnameKnown(name) ? name : addr();
        }

        int port() {
            return socket.getPort();
        }
    }
}
