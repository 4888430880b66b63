package dev.jvsftpd.compat.policy;

import static dev.jvsftpd.compat.config.Directives.MAX_CLIENTS;
import static dev.jvsftpd.compat.config.Directives.MAX_PER_IP;

import dev.jvsftpd.compat.config.VsftpdConfig;
import java.util.Optional;

/**
 * max_clients and max_per_ip, checked in that order before the greeting (reference section 10).
 * Counts include the connection being decided; 0 means no limit.
 */
public record ConnectionLimits(long maxClients, long maxPerIp) {

    public static ConnectionLimits from(VsftpdConfig config) {
        return new ConnectionLimits(config.uint(MAX_CLIENTS), config.uint(MAX_PER_IP));
    }

    /** The 421 text that refuses the connection, or empty to let it in. */
    public Optional<String> refusal(int clients, int fromThisAddress) {
        if (maxClients != 0 && clients > maxClients) {
            return Optional.of("There are too many connected users, please try later.");
        }
        if (maxPerIp != 0 && fromThisAddress > maxPerIp) {
            return Optional.of("There are too many connections from your internet address.");
        }
        return Optional.empty();
    }
}
