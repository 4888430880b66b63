package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in modules against the real ones: every case of {@code stacks/modules.txt} (pam_listfile,
 * pam_succeed_if, pam_shells, pam_nologin, pam_unix details) through libpam and the interpreter, with
 * real accounts. Both must give the recorded verdict and say the same things through the conversation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleDifferentialTest {
    private PamWorld world;
    private Path lists;
    private PamAuthenticator libpam;
    private PamAuthenticator java;

    record ModuleCase(String name, String body, PamStep step, PamCode code, String who) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void setUp() throws IOException {
        world = new PamWorld();
        lists = Files.createDirectory(world.dir.resolve("lists"));
        String member = world.member;
        list("users", "someone\n" + member + "\n");
        list("others", "someone-else\n");
        list("world-writable", member + "\n");
        Files.setPosixFilePermissions(lists.resolve("world-writable"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.createSymbolicLink(lists.resolve("symlink"), lists.resolve("users"));
        list("groups", "no-such-group\n" + world.group + "\n");
        list("shells", "/bin/sh\n/bin/bash\n");
        list("ttys", "/dev/ftp\n");
        list("hosts", "10.0.0.1\n127.0.0.1\n");
        list("padded", " " + member + "\n" + member + " \n");
        list("crlf", member + "\r\n");
        list("nologin", "Maintenance until noon.\n");
        libpam = PamAuthenticator.create(world.options(Backend.LIBPAM));
        java = PamAuthenticator.create(world.options(Backend.JAVA));
    }

    @AfterAll
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    private void list(String name, String text) throws IOException {
        PamWorld.write(lists.resolve(name), text);
    }

    Stream<ModuleCase> cases() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/stacks/modules.txt")) {
            assertNotNull(in);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<ModuleCase> out = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.startsWith("#") || block.isBlank()) {
                continue;
            }
            String[] header = block.substring(0, block.indexOf('\n')).split("\\|");
            String[] verdict = header[1].trim().split(" ");
            PamStep step = verdict[0].equals("OK") ? null : PamStep.valueOf(verdict[0]);
            PamCode code = step == null ? PamCode.SUCCESS : PamCode.valueOf(verdict[1]);
            out.add(new ModuleCase(header[0].trim(), block.substring(block.indexOf('\n') + 1), step, code,
                    header[2].trim()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothBackendsGiveTheRecordedVerdict(ModuleCase c) throws IOException {
        String body = c.body().replace("$DIR", lists.toString()).replace("$USER", world.member)
                .replace("$GROUP", world.group);
        if (!body.contains("account ")) {
            body += "account required pam_permit.so\n";
        }
        PamWorld.write(world.pamD.resolve("svc"), body);
        String user = switch (c.who()) {
            case "root" -> "root";
            case "unknown" -> world.unknown;
            case "plus" -> "+" + world.member;
            default -> world.member;
        };
        String password = PamWorld.password(world.member);
        PamResult real = libpam.authenticate("svc", user, password, "127.0.0.1");
        PamResult interpreted = java.authenticate("svc", user, password, "127.0.0.1");
        String why = "libpam: " + real.reason() + " " + real.conversation() + " / java: " + interpreted.reason()
                + " " + interpreted.conversation();
        assertEquals(c.step(), real.failedStep(), why);
        assertEquals(c.code(), real.code(), why);
        assertEquals(real.failedStep(), interpreted.failedStep(), why);
        assertEquals(real.code(), interpreted.code(), why);
        assertEquals(real.pamUser(), interpreted.pamUser(), why);
        assertEquals(real.conversation(), interpreted.conversation(), why);
    }
}
