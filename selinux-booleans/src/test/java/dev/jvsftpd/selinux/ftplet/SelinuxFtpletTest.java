package dev.jvsftpd.selinux.ftplet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelinuxFtpletTest {
    @Test
    void theClientPortOfPortAndEprt() {
        assertEquals(Optional.of(20000), SelinuxFtplet.clientPort("PORT", "127,0,0,1,78,32"));
        assertEquals(Optional.of(40001), SelinuxFtplet.clientPort("EPRT", "|1|127.0.0.1|40001|"));
        assertEquals(Optional.of(2121), SelinuxFtplet.clientPort("EPRT", "|2|::1|2121|"));
        assertEquals(Optional.empty(), SelinuxFtplet.clientPort("PORT", "127,0,0,1,78"));
        assertEquals(Optional.empty(), SelinuxFtplet.clientPort("EPRT", "|1|127.0.0.1|x|"));
    }
}
