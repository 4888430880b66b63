package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.SelinuxGuard;
import dev.jvsftpd.selinux.cli.SelinuxCli;
import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' SELinux story through jvsftpd itself: an anonymous upload the config and the Unix
 * modes allow is refused with 553 and an AVC line until the label and the boolean agree, as on
 * RHEL. The emulation labels the tree below {@code root} as if it were {@code /}.
 */
class SelinuxTest {
    @TempDir
    Path temp;
    Path root;
    Path anon;
    SelinuxSettings settings;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        anon = TestServer.rootOwnedDirectory(root.resolve("var/ftp"));
        Path pub = TestServer.rootOwnedDirectory(anon.resolve("pub"));
        Files.setAttribute(pub, "unix:mode", 0777);
        settings = SelinuxSettings.emulate(temp.resolve("state"), root);
    }

    private String admin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = SelinuxCli.run(args, settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]));
        assertEquals(0, status, String.join(" ", args));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String upload(RawClient raw, String path) throws IOException {
        try (Socket data = new Socket("127.0.0.1", raw.epsv())) {
            String reply = raw.send("STOR " + path);
            if (reply.startsWith("150")) {
                data.getOutputStream().write("data".getBytes(StandardCharsets.UTF_8));
                data.close();
                return raw.readLine();
            }
            return reply;
        }
    }

    @Test
    void anonymousUploadsWaitForTheLabelAndTheBoolean() throws IOException {
        try (TestServer server = TestServer.startWithSelinux(anon, SelinuxGuard.create(settings),
                "write_enable=YES", "anon_upload_enable=YES");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("553 Could not create file.", upload(raw, "pub/a.txt"));
            assertFalse(Files.exists(anon.resolve("pub/a.txt")));
            List<String> audit = Files.readAllLines(temp.resolve("state/audit.log"));
            String avc = audit.get(audit.size() - 1);
            assertTrue(avc.contains("avc:  denied  { write } for  pid=") && avc.contains("name=\"pub\"")
                    && avc.contains("tcontext=system_u:object_r:public_content_t:s0 tclass=dir"), avc);

            admin("semanage", "fcontext", "-a", "-t", "public_content_rw_t", "/var/ftp/pub(/.*)?");
            admin("restorecon", "-F", "-R", "-v", "/var/ftp/pub");
            assertEquals("553 Could not create file.", upload(raw, "pub/a.txt"), "the boolean is still off");

            admin("setsebool", "-P", "ftpd_anon_write", "on");
            assertEquals("226 Transfer complete.", upload(raw, "pub/a.txt"), "takes effect without a restart");
            assertTrue(Files.exists(anon.resolve("pub/a.txt")));
        }
    }

    @Test
    void permissiveModeAllowsAndLogs() throws IOException {
        admin("setenforce", "0");
        try (TestServer server = TestServer.startWithSelinux(anon, SelinuxGuard.create(settings),
                "write_enable=YES", "anon_upload_enable=YES");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("226 Transfer complete.", upload(raw, "pub/b.txt"));
            assertTrue(Files.readString(temp.resolve("state/audit.log")).contains("permissive=1"));
        }
    }
}
