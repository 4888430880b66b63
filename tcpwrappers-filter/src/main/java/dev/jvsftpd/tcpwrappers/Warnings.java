package dev.jvsftpd.tcpwrappers;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Warnings about a rule that would otherwise repeat on every connection (libwrap repeats them in
 * syslog each time); each distinct one is logged once, up to a bound.
 */
final class Warnings {

    private static final int MAX_REMEMBERED = 10_000;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private Warnings() {
    }

    static void once(Logger log, String key, String format, Object... args) {
        if (SEEN.size() < MAX_REMEMBERED && SEEN.add(key)) {
            log.warn(format, args);
        }
    }
}
