package dev.jvsftpd.compat.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.tcpwrappers.HostsAccess;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** XML values to vsftpd's command line: what the namespace and the plain bean hand to the server. */
class ServerSpecTest {
    @Test
    void fileThenEachOptionAsDashO() {
        ServerSpec spec = ServerSpec.of(" /etc/vsftpd/vsftpd.conf ", List.of("listen_port=2121", "\n  ftpd_banner=Hi there \n"),
                "RHEL", "/srv/allow", "/srv/deny");
        assertEquals(List.of("/etc/vsftpd/vsftpd.conf", "-olisten_port=2121", "-oftpd_banner=Hi there"), spec.arguments());
        assertEquals(Dialect.RHEL, spec.dialect());
        assertEquals(Path.of("/srv/allow"), spec.hostsAllow());
        assertEquals(Path.of("/srv/deny"), spec.hostsDeny());
    }

    /** Absent or blank values are bin/jvsftpd's defaults: no file means vsftpd's default file. */
    @Test
    void blanksAreTheDefaults() {
        ServerSpec spec = ServerSpec.of(null, null, null, " ", "");
        assertEquals(List.of(), spec.arguments());
        assertEquals(HostsAccess.SYSTEM_ALLOW, spec.hostsAllow());
        assertEquals(HostsAccess.SYSTEM_DENY, spec.hostsDeny());
        assertEquals(Dialect.fromEnvironment(System.getenv(Dialect.ENVIRONMENT_VARIABLE)), spec.dialect());
        assertEquals(List.of("-o"), ServerSpec.of(null, Arrays.asList((String) null), null, null, null).arguments(),
                "an empty option is vsftpd's to refuse");
    }

    @Test
    void unknownDialectIsAnOops() {
        OopsException e = assertThrows(OopsException.class, () -> ServerSpec.of("/etc/vsftpd.conf", null, "suse", null, null));
        assertEquals("500 OOPS: bad dialect: suse", e.oopsLine());
    }
}
