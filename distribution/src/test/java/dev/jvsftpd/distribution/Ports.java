package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports. */
final class Ports {
    /** A passive port range [min, max]. */
    record Range(int min, int max) {
        boolean overlaps(Range o) {
            return min <= o.max && o.min <= max;
        }
    }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int RANGE_SIZE = 20;

    private Ports() {
    }

    /** A port on 127.0.0.1 that was free a moment ago (outside the high range used for passive ports). */
    static int free() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
                int port = s.getLocalPort();
                if (port < 40000 || port > 60000) {
                    return port;
                }
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** A range of RANGE_SIZE free ports in 40000..59999 that overlaps none of {@code avoid}. */
    static Range pasvRange(Range... avoid) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        candidates:
        for (int attempt = 0; attempt < 200; attempt++) {
            int min = 40000 + random.nextInt((20000 - RANGE_SIZE) / RANGE_SIZE) * RANGE_SIZE;
            Range r = new Range(min, min + RANGE_SIZE - 1);
            for (Range a : avoid) {
                if (r.overlaps(a)) {
                    continue candidates;
                }
            }
            for (int p = r.min; p <= r.max; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, LOOPBACK)) {
                } catch (IOException busy) {
                    continue candidates;
                }
            }
            return r;
        }
        fail("no free passive port range on 127.0.0.1");
        return null;
    }
}
