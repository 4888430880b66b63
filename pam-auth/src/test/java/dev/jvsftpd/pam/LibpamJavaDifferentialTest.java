package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.pam.crypt.Crypt;
import dev.jvsftpd.pam.stack.JavaPamAuthenticator;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same logins through real libpam and through the Java interpreter, against real accounts: each
 * must give the verdict the reference's result table records, and both must agree on every detail
 * vsftpd sees (which call failed, its code, PAM_USER, the conversation, whether a delay is owed).
 * Delays are reported, not slept, so the many failures cost no time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibpamJavaDifferentialTest {
    private PamWorld world;
    private PamAuthenticator libpam;
    private PamAuthenticator java;
    private PamAuthenticator javaHashes;

    @BeforeAll
    void setUp() {
        world = new PamWorld();
        libpam = PamAuthenticator.create(world.options(Backend.LIBPAM));
        java = PamAuthenticator.create(world.options(Backend.JAVA));
        javaHashes = new JavaPamAuthenticator(world.options(Backend.JAVA), null, SystemUsers.system(),
                Crypt.javaOnly());
    }

    @AfterAll
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    Stream<LoginCase> cases() {
        return LoginCases.all(world).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void libpamGivesTheRecordedVerdict(LoginCase c) {
        assertVerdict(c, libpam.authenticate(c.service(), c.user(), c.password(), "127.0.0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaInterpreterAgreesWithLibpam(LoginCase c) {
        PamResult real = libpam.authenticate(c.service(), c.user(), c.password(), "127.0.0.1");
        PamResult interpreted = java.authenticate(c.service(), c.user(), c.password(), "127.0.0.1");
        assertSame(real, interpreted);
        assertVerdict(c, interpreted);
    }

    /** Where the hash is one Java computes itself, the interpreter needs no libcrypt for the same verdict. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaHashesAgreeWithLibpamWhereJavaKnowsTheHash(LoginCase c) {
        PamResult real = libpam.authenticate(c.service(), c.user(), c.password(), "127.0.0.1");
        PamResult interpreted = javaHashes.authenticate(c.service(), c.user(), c.password(), "127.0.0.1");
        if (world.yescryptUsers().contains(c.user()) && real.failedStep() != PamStep.AUTHENTICATE) {
            // the one disagreement: without libcrypt a $y$ hash cannot be checked, so it never matches,
            // and a login real libpam lets past pam_authenticate stops there
            assertEquals(PamStep.AUTHENTICATE, interpreted.failedStep(), interpreted.reason());
            assertEquals(PamCode.AUTH_ERR, interpreted.code(), interpreted.reason());
            return;
        }
        assertSame(real, interpreted);
    }

    private static void assertVerdict(LoginCase c, PamResult r) {
        String why = c + ": " + r.reason() + " " + r.conversation();
        assertEquals(c.succeeds(), r.ok(), why);
        assertEquals(c.step(), r.failedStep(), why);
        assertEquals(c.code(), r.code(), why);
        assertEquals(c.conversation(), r.conversation(), why);
        if (c.delay()) {
            // libpam scales pam_unix's 2 s by 0.5 to 1.5
            assertTrue(r.failDelay().compareTo(Duration.ofMillis(999)) > 0
                    && r.failDelay().compareTo(Duration.ofMillis(3001)) < 0, why + " delay " + r.failDelay());
        } else {
            assertEquals(Duration.ZERO, r.failDelay(), why);
        }
    }

    private static void assertSame(PamResult real, PamResult interpreted) {
        String why = "libpam: " + real.reason() + " " + real.conversation() + " / java: " + interpreted.reason()
                + " " + interpreted.conversation();
        assertEquals(real.ok(), interpreted.ok(), why);
        assertEquals(real.failedStep(), interpreted.failedStep(), why);
        assertEquals(real.code(), interpreted.code(), why);
        assertEquals(real.pamUser(), interpreted.pamUser(), why);
        assertEquals(real.conversation(), interpreted.conversation(), why);
        assertEquals(real.failDelay().isZero(), interpreted.failDelay().isZero(), why);
    }
}
