package dev.jvsftpd.compat.data;

import java.net.InetAddress;

/** Address comparisons that see through IPv4-mapped IPv6 (a dual-stack listener's IPv4 clients). */
public final class Addresses {
    private Addresses() {
    }

    public static boolean sameHost(InetAddress a, InetAddress b) {
        return ipv4View(a).equals(ipv4View(b));
    }

    /** The dotted IPv4 form of a v4-mapped address; any other address's own text. */
    public static String ipv4View(InetAddress address) {
        byte[] raw = address.getAddress();
        if (raw.length == 16 && isV4Mapped(raw)) {
            return (raw[12] & 0xff) + "." + (raw[13] & 0xff) + "." + (raw[14] & 0xff) + "." + (raw[15] & 0xff);
        }
        return address.getHostAddress();
    }

    private static boolean isV4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }
}
