package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a pam.d file is read and its stack combined: every case in {@code stacks/semantics.txt}
 * through real libpam (pam_start_confdir on a private directory) and through the Java interpreter.
 * Both must give the recorded verdict and agree with each other. The modules here (pam_permit,
 * pam_deny, pam_succeed_if, pam_nologin) ignore who logs in, so root is the user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackSemanticsDifferentialTest {
    private Path dir;
    private PamAuthenticator libpam;
    private PamAuthenticator java;

    record StackCase(String name, String body, PamStep step, PamCode code) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void setUp() throws IOException {
        dir = Files.createTempDirectory("jvsftpd-stacks-");
        write("inc1", "auth required pam_permit.so\naccount required pam_deny.so\n");
        write("inc2", "@include " + dir.resolve("inc1") + "\n");
        write("inc3", "auth sufficient pam_permit.so\n");
        write("inc4", "auth requisite pam_deny.so\nauth required pam_permit.so\n");
        write("inc5", "auth [success=2 default=ignore] pam_permit.so\nauth required pam_permit.so\n");
        write("inc6", "auth [success=3 default=ignore] pam_permit.so\nauth required pam_permit.so\n");
        write("inc7", "auth required pam_deny.so\nauth [default=reset] pam_permit.so\n");
        PamOptions options = PamOptions.defaults().withConfDir(dir).withFailDelay(PamOptions.FailDelay.REPORT);
        libpam = PamAuthenticator.create(options.withBackend(Backend.LIBPAM));
        java = PamAuthenticator.create(options.withBackend(Backend.JAVA));
    }

    @AfterAll
    void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    Stream<StackCase> cases() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/stacks/semantics.txt")) {
            assertNotNull(in);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<StackCase> out = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.startsWith("#") || block.isBlank()) {
                continue;
            }
            String header = block.substring(0, block.indexOf('\n'));
            String body = block.substring(block.indexOf('\n') + 1).replace("<CR>", "\r");
            String[] verdict = header.substring(header.indexOf('|') + 1).trim().split(" ");
            PamStep step = verdict[0].equals("OK") ? null : PamStep.valueOf(verdict[0]);
            PamCode code = step == null ? PamCode.SUCCESS : PamCode.valueOf(verdict[1]);
            out.add(new StackCase(header.substring(0, header.indexOf('|')).trim(), body, step, code));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothBackendsGiveTheRecordedVerdict(StackCase c) throws IOException {
        write("svc", c.body().replace("$DIR", dir.toString()));
        assertBoth("svc", c.step(), c.code());
    }

    @Test
    void aLineLongerThanLibpamsBufferBecomesTwoLines() throws IOException {
        // the 1023-byte piece is a line of its own; the rest, "xxx...", is a line with a bad type
        write("svc", "auth required pam_permit.so " + "x".repeat(1100) + "\naccount required pam_permit.so\n");
        assertBoth("svc", PamStep.AUTHENTICATE, PamCode.PERM_DENIED);
    }

    @Test
    void aLongCommentIsStillAComment() throws IOException {
        write("svc", "auth required pam_permit.so\naccount required pam_permit.so\n" + "#".repeat(2000) + "\n");
        assertBoth("svc", null, PamCode.SUCCESS);
    }

    /** Where a continued line reaches the buffer's end, libpam cuts it there and reads on as a new line. */
    @Test
    void aContinuedLineIsCutAtTheBufferEnd() throws IOException {
        StringBuilder text = new StringBuilder("auth required pam_permit.so\naccount required pam_permit.so");
        for (int i = 0; i < 40; i++) {
            text.append(" arg").append(i).append("-").append("y".repeat(20)).append(" \\\n");
        }
        text.append(" last\n");
        write("svc", text.toString());
        assertBoth("svc", PamStep.AUTHENTICATE, PamCode.PERM_DENIED);
    }

    @Test
    void theLastLineNeedsNoNewline() throws IOException {
        write("svc", "auth required pam_permit.so\naccount required pam_permit.so");
        assertBoth("svc", null, PamCode.SUCCESS);
    }

    @Test
    void otherIsTheFallbackPerManagementGroup() throws IOException {
        write("other", "auth required pam_permit.so\naccount required pam_deny.so\n");
        try {
            assertBoth("no-such-service", PamStep.ACCT_MGMT, PamCode.AUTH_ERR);
            write("svc", "auth required pam_permit.so\n");
            assertBoth("svc", PamStep.ACCT_MGMT, PamCode.AUTH_ERR);
            write("svc", "");
            assertBoth("svc", PamStep.ACCT_MGMT, PamCode.AUTH_ERR);
            // a directory opens and reads as nothing
            Files.createDirectories(dir.resolve("adir"));
            assertBoth("adir", PamStep.ACCT_MGMT, PamCode.AUTH_ERR);
        } finally {
            Files.delete(dir.resolve("other"));
        }
    }

    @Test
    void withoutServiceFileOrOtherPamStartAborts() {
        assertBoth("no-such-service", PamStep.START, PamCode.ABORT);
    }

    @Test
    void serviceNamesAreLowerCasedAndLoseTheirDirectory() throws IOException {
        write("svcup", "auth required pam_permit.so\naccount required pam_permit.so\n");
        assertBoth("SvcUp", null, PamCode.SUCCESS);
        assertBoth("some/dir/svcup", null, PamCode.SUCCESS);
    }

    @Test
    void debianReadsRelativeIncludesFromEtcPamDOnly() throws IOException {
        write("private-include", "account required pam_permit.so\n");
        write("svc", "auth required pam_permit.so\naccount include private-include\n");
        assertBoth("svc", PamStep.ACCT_MGMT, PamCode.PERM_DENIED);
    }

    /** Debian's libpam dies on a bare "@include"; the libpam backend refuses before calling it. */
    @Test
    void aBareAtIncludeIsRefusedWithoutCrashingTheServer() throws IOException {
        write("svc", "@include\nauth required pam_permit.so\naccount required pam_permit.so\n");
        PamResult real = libpam.authenticate("svc", "root", "x", "127.0.0.1");
        PamResult interpreted = java.authenticate("svc", "root", "x", "127.0.0.1");
        assertEquals(PamStep.START, real.failedStep());
        assertEquals(PamCode.ABORT, real.code());
        assertTrue(real.reason().contains("svc line 1"), real.reason());
        assertEquals(PamStep.START, interpreted.failedStep());
        assertEquals(PamCode.ABORT, interpreted.code());
    }

    private void assertBoth(String service, PamStep step, PamCode code) {
        PamResult real = libpam.authenticate(service, "root", "x", "127.0.0.1");
        PamResult interpreted = java.authenticate(service, "root", "x", "127.0.0.1");
        String why = "libpam: " + real.reason() + " / java: " + interpreted.reason();
        assertEquals(step, real.failedStep(), why);
        assertEquals(code, real.code(), why);
        assertEquals(real.failedStep(), interpreted.failedStep(), why);
        assertEquals(real.code(), interpreted.code(), why);
        assertEquals(real.conversation(), interpreted.conversation(), why);
    }

    private void write(String name, String text) throws IOException {
        PamWorld.write(dir.resolve(name), text);
    }
}
