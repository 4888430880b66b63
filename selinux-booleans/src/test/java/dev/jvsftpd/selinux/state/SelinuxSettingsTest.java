package dev.jvsftpd.selinux.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jvsftpd.selinux.policy.Flavor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SelinuxSettingsTest {
    @Test
    void defaultsAndOverrides() {
        SelinuxSettings d = SelinuxSettings.from(Map.of(), new Properties());
        assertEquals("auto", d.mode());
        assertEquals(Path.of("/var/lib/jvsftpd/selinux"), d.stateDir());
        assertEquals(Path.of("/var/lib/jvsftpd/selinux/audit.log"), d.auditLog());
        assertEquals(Path.of("/"), d.root());
        assertEquals(Flavor.RHEL8_9, d.flavor());
        assertEquals(Path.of("/sys/fs/selinux"), d.selinuxfs());

        Properties p = new Properties();
        p.setProperty("jvsftpd.selinux", "off");
        SelinuxSettings s = SelinuxSettings.from(Map.of("JVSFTPD_SELINUX", "emulate", "JVSFTPD_SELINUX_STATE", "/s",
                "JVSFTPD_SELINUX_POLICY", "rhel7", "JVSFTPD_SELINUX_ROOT", "/sandbox"), p);
        assertEquals("off", s.mode(), "a system property beats the environment");
        assertEquals(Path.of("/s/audit.log"), s.auditLog());
        assertEquals(Path.of("/sandbox"), s.root());
        assertEquals(Flavor.RHEL7, s.flavor());
    }

    @Test
    void theActivationRule() {
        assertEquals(Activation.INACTIVE, Activation.resolve(null, false), "stock vsftpd on a host without SELinux");
        assertEquals(Activation.HOST, Activation.resolve(null, true), "follows an SELinux host");
        assertEquals(Activation.HOST, Activation.resolve("auto", true));
        assertEquals(Activation.EMULATE, Activation.resolve("emulate", false));
        assertEquals(Activation.EMULATE, Activation.resolve("EMULATE", true));
        assertEquals(Activation.INACTIVE, Activation.resolve("off", true));
        assertEquals(Activation.HOST, Activation.resolve("host", false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.resolve("yes", false));
        assertEquals("JVSFTPD_SELINUX=yes is not one of emulate, host, off, auto", e.getMessage());
    }
}
