package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.pam.ftp.PamUserManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken pam.d files in a running stock FtpServer: the login is refused (530), a log line names the
 * file and line and says what is wrong, the server keeps serving, and once the file is fixed the
 * same server logs the user in, since PAM reads its files at every login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadConfigurationTest {
    private PamWorld world;
    private final List<PlainFtpServer> servers = new ArrayList<>();

    record Broken(String name, String file, String where, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void setUp() {
        world = new PamWorld();
    }

    @AfterAll
    void tearDown() {
        try {
            servers.forEach(PlainFtpServer::close);
        } finally {
            if (world != null) {
                world.close();
            }
        }
    }

    Stream<Arguments> cases() {
        String good = "auth required pam_unix.so nodelay\naccount required pam_unix.so\n";
        List<Broken> broken = List.of(
                new Broken("malformed control", "auth sometimes pam_unix.so nodelay\naccount required pam_unix.so\n",
                        "line 1", "bad control 'sometimes'"),
                new Broken("unknown type", "auth required pam_unix.so nodelay\nacount required pam_unix.so\n"
                        + "account required pam_unix.so\n", "line 2", "unknown module type 'acount'"),
                new Broken("missing module", "auth required pam_unix.so nodelay\n"
                        + "auth required pam_no_such_module.so\naccount required pam_unix.so\n", "line 2",
                        "pam_no_such_module.so"),
                new Broken("unreadable include", "auth include /nonexistent/common-auth\n"
                        + "account required pam_unix.so\n", "line 1", "/nonexistent/common-auth cannot be read"),
                new Broken("unreadable @include", "@include /nonexistent/common-auth\n" + good, "line 1",
                        "/nonexistent/common-auth cannot be read"),
                new Broken("relative include under Debian", "auth include my-common-auth\n"
                        + "account required pam_unix.so\n", "line 1", "give an absolute path"),
                new Broken("bare @include that would crash libpam", "@include\n" + good, "line 1", "@include"));
        List<Arguments> out = new ArrayList<>();
        for (Backend backend : List.of(Backend.LIBPAM, Backend.JAVA)) {
            for (Broken b : broken) {
                out.add(Arguments.of(backend, b));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusedLoggedAndStillServing(Backend backend, Broken b) throws IOException {
        String service = "broken-" + backend.name().toLowerCase() + "-" + servers.size();
        Path file = world.pamD.resolve(service);
        PamWorld.write(file, b.file());
        PamUserManager users = new PamUserManager();
        users.setBackend(backend.name());
        users.setConfDir(world.pamD.toString());
        users.setService(service);
        PlainFtpServer server;
        try (LogCapture log = new LogCapture()) {
            users.init();
            server = new PlainFtpServer(users);
            servers.add(server);
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains(file + " " + b.where())
                    && l.contains(b.says())), "startup names " + file + " " + b.where() + ": " + log.lines());
            log.clear();
            try (PlainFtpServer.Reply r = server.login(world.sha512, PamWorld.password(world.sha512))) {
                assertEquals(530, r.code(), r.text());
            }
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains(file + " " + b.where())
                    && l.contains(b.says())), "the refusal names " + file + " " + b.where() + ": " + log.lines());
        }
        FTPClient again = server.connect();
        assertEquals(220, again.getReplyCode(), "still serving");
        again.disconnect();
        PamWorld.write(file, "auth required pam_unix.so nodelay\naccount required pam_unix.so\n");
        try (PlainFtpServer.Reply r = server.login(world.sha512, PamWorld.password(world.sha512))) {
            assertEquals(230, r.code(), "fixed without a restart: " + r.text());
        }
    }
}
