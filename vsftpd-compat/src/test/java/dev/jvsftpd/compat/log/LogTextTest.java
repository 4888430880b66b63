package dev.jvsftpd.compat.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void anonymousIdentity() {
        assertEquals("?", LogText.anonymousIdentity(""));
        assertEquals("joe_user@x", LogText.anonymousIdentity("joe user@x"));
        assertEquals("a?b", LogText.anonymousIdentity("a\nb"));
        assertEquals("mozilla@", LogText.anonymousIdentity("mozilla@"));
    }

    @Test
    void sessionPath() {
        assertEquals("/up/new file.txt", LogText.sessionPath("/", "up/new file.txt"));
        assertEquals("/up/../missing.txt", LogText.sessionPath("/up", "../missing.txt"));
        assertEquals("/abs", LogText.sessionPath("/up", "/abs"));
        assertEquals("/home/bob/", LogText.sessionPath("/home/bob", ""));
    }

    @Test
    void printableMatchesDebianObservations() {
        // Debian's log files: control chars, DEL and every byte >= 0x80 become '?', so UTF-8 é is "??".
        assertEquals("NOOP ????z", ascii(LogText.printable("NOOP \u0001\u007f\u00b1z")));
        assertEquals("/caf??.txt", ascii(LogText.printable("/caf\u00e9.txt")));
        assertEquals(" EPRT??", ascii(LogText.printable(" EPRT\r\n")));
        assertEquals("~ !", ascii(LogText.printable("~ !")));
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
