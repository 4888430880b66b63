package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's upstream rules, where Debian's libpam differs. There is no upstream libpam here
 * to compare with, so the expectations come from Linux-PAM 1.5.2's source (reference B.2, B.3); the
 * Debian side of each case is checked against real libpam in StackSemanticsDifferentialTest.
 */
class UpstreamDialectTest {
    private Path dir;
    private PamAuthenticator upstream;
    private PamAuthenticator debian;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("jvsftpd-upstream-");
        PamOptions options = PamOptions.defaults().withBackend(Backend.JAVA).withConfDir(dir)
                .withFailDelay(PamOptions.FailDelay.REPORT);
        upstream = PamAuthenticator.create(options.withDialect(Dialect.UPSTREAM));
        debian = PamAuthenticator.create(options.withDialect(Dialect.DEBIAN));
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void relativeIncludesResolveInThePrivateDirectory() throws IOException {
        PamWorld.write(dir.resolve("private-include"), "account required pam_permit.so\n");
        PamWorld.write(dir.resolve("svc"), "auth required pam_permit.so\naccount include private-include\n");
        assertTrue(upstream.authenticate("svc", "root", "x", null).ok());
        assertEquals(PamCode.PERM_DENIED, debian.authenticate("svc", "root", "x", null).code());
    }

    @Test
    void aJumpInAReplayedChainCountsAsOk() throws IOException {
        PamWorld.write(dir.resolve("svc"), "auth [success=1 default=ignore] pam_permit.so\n"
                + "auth requisite pam_deny.so\nauth optional pam_succeed_if.so\naccount required pam_permit.so\n");
        assertTrue(upstream.authenticate("svc", "root", "x", null).ok());
        PamResult d = debian.authenticate("svc", "root", "x", null);
        assertEquals(PamStep.SETCRED, d.failedStep());
        assertEquals(PamCode.PERM_DENIED, d.code());
    }

    @Test
    void atIncludeIsDebianOnly() throws IOException {
        PamWorld.write(dir.resolve("inc"), "auth required pam_permit.so\naccount required pam_permit.so\n");
        PamWorld.write(dir.resolve("svc"), "@include " + dir.resolve("inc") + "\n");
        assertTrue(debian.authenticate("svc", "root", "x", null).ok());
        // upstream reads "@include" as a module type it does not know: an auth line that must fail
        PamResult u = upstream.authenticate("svc", "root", "x", null);
        assertEquals(PamStep.AUTHENTICATE, u.failedStep());
        assertEquals(PamCode.PERM_DENIED, u.code());
    }
}
