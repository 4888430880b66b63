package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.pam.ftp.PamUserManager;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an FTP client sees when a stock FtpServer logs users in through PAM: every login case of the
 * differential, through both backends, answered 230 or 530 after PASS; a logged-in user lands in
 * the system account's home (or the guest account's, for a virtual user). Most cases use the
 * stack with pam_unix's nodelay so the suite stays fast; the delay itself is timed separately.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FtpLoginTest {
    private PamWorld world;
    private final Map<Backend, PlainFtpServer> servers = new EnumMap<>(Backend.class);

    @BeforeAll
    void setUp() throws IOException {
        world = new PamWorld();
        for (String user : List.of(world.yescrypt, world.sha512, world.sha256, world.md5, world.warned, world.blank,
                world.guest)) {
            Files.writeString(world.home(user).resolve("home-of-" + user), "");
        }
        for (Backend backend : List.of(Backend.LIBPAM, Backend.JAVA)) {
            PamUserManager users = new PamUserManager();
            users.setBackend(backend.name().toLowerCase());
            users.setConfDir(world.pamD.toString());
            users.setGuestUsername(world.guest);
            users.init();
            servers.put(backend, new PlainFtpServer(users));
        }
    }

    @AfterAll
    void tearDown() {
        try {
            servers.values().forEach(PlainFtpServer::close);
        } finally {
            if (world != null) {
                world.close();
            }
        }
    }

    Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Backend backend : List.of(Backend.LIBPAM, Backend.JAVA)) {
            for (LoginCase c : LoginCases.all(world)) {
                out.add(Arguments.of(backend, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theClientSees230Or530(Backend backend, LoginCase c) throws IOException {
        PlainFtpServer server = servers.get(backend);
        // the same stacks, but pam_unix without its 2 s delay: timed in failuresTakeTheDelay
        server.users.setService(c.service().equals("vsftpd") ? "vsftpd-nodelay" : c.service());
        try (PlainFtpServer.Reply reply = server.login(c.user(), c.password())) {
            assertEquals(331, reply.userCode(), reply.text());
            assertEquals(c.succeeds() ? 230 : 530, reply.code(), reply.text());
            if (c.succeeds()) {
                String account = c.service().contains("virtual") || c.service().contains("pwdfile")
                        ? world.guest : c.user();
                assertEquals("/", reply.client().printWorkingDirectory());
                reply.client().enterLocalPassiveMode();
                assertArrayEquals(new String[] {"home-of-" + account}, reply.client().listNames(),
                        "the session's root is the home of " + account);
            }
        }
    }

    /**
     * A wrong password and an unknown user look the same to the client: the same 331, the same 530,
     * after pam_unix's failure delay (about 2 s, libpam scales it by 0.5 to 1.5). Run side by side.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"LIBPAM", "JAVA"})
    void failuresTakeTheDelayAndLookAlike(Backend backend) {
        PlainFtpServer server = servers.get(backend);
        server.users.setService("vsftpd");
        CompletableFuture<Timed> wrong = CompletableFuture.supplyAsync(() -> timedLogin(server, world.yescrypt,
                "not-the-password"));
        CompletableFuture<Timed> unknown = CompletableFuture.supplyAsync(() -> timedLogin(server, world.unknown,
                "not-the-password"));
        Timed w = wrong.join();
        Timed u = unknown.join();
        assertEquals(331, w.userCode);
        assertEquals(331, u.userCode);
        assertEquals(530, w.code);
        assertEquals(w.text, u.text);
        assertTrue(w.took.compareTo(Duration.ofMillis(950)) > 0, "wrong password answered after " + w.took);
        assertTrue(u.took.compareTo(Duration.ofMillis(950)) > 0, "unknown user answered after " + u.took);
    }

    private record Timed(int userCode, int code, String text, Duration took) {
    }

    private static Timed timedLogin(PlainFtpServer server, String user, String password) {
        long start = System.nanoTime();
        try (PlainFtpServer.Reply r = server.login(user, password)) {
            return new Timed(r.userCode(), r.code(), r.text(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
