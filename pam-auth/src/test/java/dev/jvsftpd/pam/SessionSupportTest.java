package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.pam.ftp.PamUserManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * session_support=YES: pam_open_session after a login, and pam_close_session when the connection
 * ends. Real libpam runs pam_exec, which records each call in a file; a failing session stack
 * refuses the login in both backends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSupportTest {
    private PamWorld world;
    private Path record;

    @BeforeAll
    void setUp() throws IOException {
        world = new PamWorld();
        record = world.dir.resolve("sessions");
        String auth = "auth required pam_unix.so nodelay\naccount required pam_unix.so\n";
        PamWorld.write(world.pamD.resolve("session-exec"), auth + "session required pam_unix.so\n"
                + "session required pam_exec.so quiet /bin/sh -c [echo \"$PAM_TYPE $PAM_USER $PAM_RHOST $PAM_TTY\""
                + " >> " + record + "]\n");
        PamWorld.write(world.pamD.resolve("session-permit"), auth + "session required pam_unix.so\n");
        PamWorld.write(world.pamD.resolve("session-deny"), auth + "session required pam_deny.so\n");
    }

    @AfterAll
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void libpamOpensAndClosesTheSessionAroundTheConnection() throws Exception {
        PamUserManager users = manager(Backend.LIBPAM, "session-exec");
        String user = world.sha512;
        try (PlainFtpServer server = new PlainFtpServer(users)) {
            try (PlainFtpServer.Reply r = server.login(user, PamWorld.password(user))) {
                assertEquals(230, r.code(), r.text());
                assertEquals(List.of("open_session " + user + " 127.0.0.1 ftp"), Files.readAllLines(record));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Files.readAllLines(record).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("open_session " + user + " 127.0.0.1 ftp", "close_session " + user + " 127.0.0.1 ftp"),
                    Files.readAllLines(record));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"LIBPAM", "JAVA"})
    void aFailingSessionStackRefusesTheLogin(Backend backend) throws IOException {
        try (PlainFtpServer server = new PlainFtpServer(manager(backend, "session-deny"));
             PlainFtpServer.Reply r = server.login(world.sha512, PamWorld.password(world.sha512))) {
            assertEquals(530, r.code(), r.text());
        }
        PamResult result = PamAuthenticator.create(world.options(backend).withSessionSupport(true))
                .authenticate("session-deny", world.sha512, PamWorld.password(world.sha512), "127.0.0.1");
        assertEquals(PamStep.OPEN_SESSION, result.failedStep());
        assertEquals(PamCode.SESSION_ERR, result.code());
        assertNull(result.session());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"LIBPAM", "JAVA"})
    void aSessionIsHandedBackAndClosesOnce(Backend backend) {
        PamAuthenticator pam = PamAuthenticator.create(world.options(backend).withSessionSupport(true));
        PamResult result = pam.authenticate("session-permit", world.sha512, PamWorld.password(world.sha512),
                "127.0.0.1");
        assertTrue(result.ok(), result.reason());
        assertNotNull(result.session());
        assertEquals(world.sha512, result.session().user());
        result.session().close();
        result.session().close();
        PamResult without = PamAuthenticator.create(world.options(backend))
                .authenticate("session-permit", world.sha512, PamWorld.password(world.sha512), "127.0.0.1");
        assertNull(without.session(), "no session without session support");
    }

    private PamUserManager manager(Backend backend, String service) {
        PamUserManager users = new PamUserManager();
        users.setBackend(backend.name());
        users.setConfDir(world.pamD.toString());
        users.setService(service);
        users.setSessionSupport(true);
        users.init();
        return users;
    }
}
