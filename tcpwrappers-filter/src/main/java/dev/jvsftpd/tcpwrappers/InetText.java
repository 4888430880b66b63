package dev.jvsftpd.tcpwrappers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;

/** Addresses as text the way glibc writes and reads them (inet_ntop, inet_pton). */
final class InetText {

    private InetText() {
    }

    /**
     * The address as libwrap prints it (%a): inet_ntop of the socket address. An IPv4 client of a
     * dual-stack IPv6 listener is an IPv4-mapped IPv6 address to libwrap, {@code ::ffff:a.b.c.d}.
     */
    static String ntop(InetAddress address, boolean mappedForm) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            String quad = (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
            return mappedForm ? "::ffff:" + quad : quad;
        }
        String text = ntop6(b);
        Inet6Address v6 = (Inet6Address) address;
        if (v6.getScopeId() != 0) {
            // getnameinfo(NI_NUMERICHOST) appends the scope of link-local addresses
            NetworkInterface scoped = v6.getScopedInterface();
            text += "%" + (scoped != null ? scoped.getName() : Integer.toString(v6.getScopeId()));
        }
        return text;
    }

    /** glibc inet_ntop6: longest (first) run of two or more zero words as ::, IPv4 tails dotted. */
    static String ntop6(byte[] b) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                if (curBase == -1) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase != -1) {
                if (bestBase == -1 || curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestBase != -1 && bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xFFFF))) {
                out.append(b[12] & 0xFF).append('.').append(b[13] & 0xFF).append('.')
                        .append(b[14] & 0xFF).append('.').append(b[15] & 0xFF);
                return out.toString();
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase != -1 && bestBase + bestLen == 8) {
            out.append(':');
        }
        return out.toString();
    }

    /** glibc inet_pton(AF_INET6): the 16 bytes, or null if the text is not an IPv6 address. */
    static byte[] pton6(String s) {
        byte[] out = new byte[16];
        int tp = 0;
        int colonp = -1;
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return null;
        }
        if (s.charAt(0) == ':') {
            if (n < 2 || s.charAt(1) != ':') {
                return null;
            }
            i = 1;
        }
        int curtok = i;
        int seen = 0;
        int val = 0;
        while (i < n) {
            char ch = s.charAt(i++);
            int d = CText.digit(ch, 16);
            if (d >= 0) {
                if (seen == 4) {
                    return null;
                }
                val = (val << 4) | d;
                seen++;
                continue;
            }
            if (ch == ':') {
                curtok = i;
                if (seen == 0) {
                    if (colonp != -1) {
                        return null;
                    }
                    colonp = tp;
                    continue;
                } else if (i == n) {
                    return null;
                }
                if (tp + 2 > 16) {
                    return null;
                }
                out[tp++] = (byte) (val >> 8);
                out[tp++] = (byte) val;
                seen = 0;
                val = 0;
                continue;
            }
            if (ch == '.' && tp + 4 <= 16) {
                byte[] quad = pton4(s.substring(curtok));
                if (quad != null) {
                    System.arraycopy(quad, 0, out, tp, 4);
                    tp += 4;
                    seen = 0;
                    break;
                }
            }
            return null;
        }
        if (seen > 0) {
            if (tp + 2 > 16) {
                return null;
            }
            out[tp++] = (byte) (val >> 8);
            out[tp++] = (byte) val;
        }
        if (colonp != -1) {
            if (tp == 16) {
                return null;
            }
            int moved = tp - colonp;
            System.arraycopy(out, colonp, out, 16 - moved, moved);
            for (int k = colonp; k < 16 - moved; k++) {
                out[k] = 0;
            }
            tp = 16;
        }
        return tp == 16 ? out : null;
    }

    /** glibc inet_pton(AF_INET): strict dotted quad, no leading zeros. */
    static byte[] pton4(String s) {
        byte[] out = new byte[4];
        int octets = 0;
        int cur = 0;
        boolean sawDigit = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                int next = cur * 10 + (ch - '0');
                if (sawDigit && cur == 0) {
                    return null;
                }
                if (next > 255) {
                    return null;
                }
                cur = next;
                if (!sawDigit) {
                    if (++octets > 4) {
                        return null;
                    }
                    sawDigit = true;
                }
                out[octets - 1] = (byte) cur;
            } else if (ch == '.' && sawDigit) {
                if (octets == 4) {
                    return null;
                }
                cur = 0;
                sawDigit = false;
            } else {
                return null;
            }
        }
        return octets < 4 ? null : out;
    }

    /** Whether this is an IPv4 address, or an IPv4 client as libwrap sees it on an IPv6 socket. */
    static boolean isIpv4(InetAddress a) {
        return a instanceof Inet4Address;
    }
}
