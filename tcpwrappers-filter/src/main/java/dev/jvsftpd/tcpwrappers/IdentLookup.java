package dev.jvsftpd.tcpwrappers;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** RFC 1413 (ident) lookup of the user at the client end of a connection: user@host patterns, %u. */
public interface IdentLookup {

    /** Never asks; every user is {@code unknown}. */
    IdentLookup NONE = (client, server, timeout) -> Optional.empty();

    /** The user name the client's identd reports for this connection, or empty. */
    Optional<String> user(InetSocketAddress client, InetSocketAddress server, Duration timeout);
}
