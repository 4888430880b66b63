package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Native;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The C conversions we reimplemented, against the real ones: libwrap's exported dot_quad_addr
 * and cidr_mask_addr, and libc's inet_ntop / inet_pton, on hand-picked and generated strings.
 */
class CTextTest {

    private static final String[] QUADS = {
        "127.0.0.5", "255.255.255.255", "0.0.0.0", "127.0.0.05", "0177.0.0.1", "0x7f.0.0.1", "0X7F.0.0.1", "127.0.0.08",
        "127.0.0.0x", "1.2.3.4.", ".1.2.3.4", "1..2.3.4", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "127.0.0.1 ",
        "127.0.0.1\f", "127.0.0.1\u000bx", "1.2.3\f.4", "4294967295", "1.16777215", "1.2.65535", "+1.2.3.4", "1.2.3.-4",
        "", "a.b.c.d", "255.255.255.0", "255.255.255.0x", "0377.0.0.0", "0xff.0xff.0xff.0x00", "00000001.2.3.4",
        "1.2.3.4294967296", "1.2.3.99999999999999999999", "0x.1.2.3", "09.1.2.3", "1.2.3.4/24",
    };

    private static final String[] LENGTHS = {
        "24", "0", "1", "32", "33", "-1", "+8", "08", "24abc", " 24", "\f24", "", "abc", "4294967320", "4294967296",
        "99999999999999999999", "-99999999999999999999", "255.255.255.0", "0x18", "3e1", "2147483648", "-2147483648",
    };

    @Test
    void dotQuadAndCidrMatchLibwrap() {
        List<String> inputs = new ArrayList<>(List.of(QUADS));
        Random random = new Random(42);
        String alphabet = "0123456789.xX+- \fabf";
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + random.nextInt(16);
            for (int k = 0; k < n; k++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(s.toString());
        }
        for (String s : inputs) {
            assertEquals(hostOrder(LibWrap.WRAP.dot_quad_addr(s)), CText.dotQuadAddr(s), "dot_quad_addr(\"" + s + "\")");
        }
        inputs.addAll(List.of(LENGTHS));
        for (String s : inputs) {
            assertEquals(hostOrder(LibWrap.WRAP.cidr_mask_addr(s)), CText.cidrMaskAddr(s),
                    "cidr_mask_addr(\"" + s + "\")");
        }
    }

    /** libwrap returns addresses in network byte order, as they sit in memory on this little-endian host. */
    private static long hostOrder(long network) {
        return Integer.reverseBytes((int) network) & 0xFFFFFFFFL;
    }

    @Test
    void inet6TextMatchesLibc() throws Exception {
        String[] texts = {"::", "::1", "1::", "::ffff:127.0.0.5", "::127.0.0.5", "::ffff:0:0", "1:0:0:1:0:0:0:1",
            "1:0:0:2:0:0:3:4", "fe80::1", "2001:db8::", "0:0:0:0:0:0:0:1", "::0.0.0.1", "::ffff:1", "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:1.2.3.4", "::1.2.3", "::01.2.3.4", "1:::2", ":1", "1:", "12345::", "::g", "", "[::1]",
            "1:2:3:4:5:6:7:8:9", "::1:2:3:4:5:6:7", "1::2::3", "::256.1.1.1", "0::0:1", "ABCD::EF01"};
        Random random = new Random(7);
        List<String> all = new ArrayList<>(List.of(texts));
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + random.nextInt(20);
            for (int k = 0; k < n; k++) {
                s.append("0123456789abcdef:.:"
                        .charAt(random.nextInt(19)));
            }
            all.add(s.toString());
        }
        for (String text : all) {
            byte[] libc = new byte[16];
            boolean ok = LibWrap.LIBC.inet_pton(LibWrap.AF_INET6, text, libc) == 1;
            byte[] ours = InetText.pton6(text);
            assertEquals(ok, ours != null, "inet_pton(\"" + text + "\")");
            if (ok) {
                assertArrayEquals(libc, ours, text);
                byte[] buffer = new byte[64];
                LibWrap.LIBC.inet_ntop(LibWrap.AF_INET6, libc, buffer, buffer.length);
                assertEquals(Native.toString(buffer, "US-ASCII"), InetText.ntop6(libc), "inet_ntop of " + text);
            }
        }
        assertEquals("::ffff:127.0.0.5", InetText.ntop(InetAddress.getByName("127.0.0.5"), true));
        assertEquals("127.0.0.5", InetText.ntop(InetAddress.getByName("127.0.0.5"), false));
    }

    @Test
    void scanfConversionsAsGlibc() {
        assertEquals(2121L, CText.scanUnsignedWhole("+2121").getAsLong());
        assertEquals(2121L, CText.scanUnsignedWhole("\f2121").getAsLong());
        assertEquals(2121L, CText.scanUnsignedWhole("4294969417").getAsLong());
        assertEquals(true, CText.scanUnsignedWhole("2121\f").isEmpty());
        assertEquals(true, CText.scanUnsignedWhole("0x849").isEmpty());
        assertEquals(4294903881L, CText.scanUnsignedWhole("-63415").getAsLong());
        assertEquals(18L, CText.scanOctalWhole("+22").getAsLong());
        assertEquals(true, CText.scanOctalWhole("08").isEmpty());
        assertEquals(-5L, CText.scanIntWhole("-5").getAsLong());
        assertEquals(24, CText.atoi("24abc"));
        assertEquals(32, CText.atoi("4294967328"));
    }
}
