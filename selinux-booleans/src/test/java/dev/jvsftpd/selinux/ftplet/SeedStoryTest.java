package dev.jvsftpd.selinux.ftplet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.SelinuxGuard;
import dev.jvsftpd.selinux.cli.Cli;
import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' story through a real client: an anonymous upload the FTP configuration allows (write
 * permission, {@code chmod o+w pub}) is still refused with 553 on RHEL until file labels and booleans agree.
 */
class SeedStoryTest {
    @TempDir
    Path tmp;
    Path root;
    Path state;
    Cli admin;
    StockServer server;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Path pub = Files.createDirectories(root.resolve("var/ftp/pub"));
        Files.setPosixFilePermissions(pub, PosixFilePermissions.fromString("rwxrwxrwx")); // chmod o+w
        Files.writeString(root.resolve("var/ftp/readme.txt"), "welcome\n");
        Files.createDirectories(root.resolve("srv/data"));
        Files.createDirectories(root.resolve("home/bob"));
        state = tmp.resolve("state");
        SelinuxSettings settings = SelinuxSettings.emulate(state, root);
        admin = new Cli(settings);
        server = StockServer.start(root, Files.createDirectories(tmp.resolve("work")), SelinuxGuard.create(settings));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static boolean upload(FTPClient c, String path, String content) throws Exception {
        return c.storeFile(path, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> audit() throws Exception {
        return Files.readAllLines(state.resolve("audit.log"));
    }

    /**
     * The stored label of a file. FtpServer sends a command's reply before it runs afterCommand, where the
     * Ftplet labels new objects, so the attribute may appear a moment after the client has the reply.
     */
    private static String label(Path p) throws Exception {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        for (int i = 0; i < 200 && !v.list().contains("jvsftpd.selinux"); i++) {
            Thread.sleep(10);
        }
        ByteBuffer b = ByteBuffer.allocate(v.size("jvsftpd.selinux"));
        v.read("jvsftpd.selinux", b);
        b.flip();
        return StandardCharsets.UTF_8.decode(b).toString();
    }

    @Test
    void anonymousUploadToPubUntilLabelsAndBooleansAgree() throws Exception {
        FTPClient ftp = server.login("anonymous", "guest@example.org");

        // 1. refused by SELinux although the server allows it
        assertFalse(upload(ftp, "pub/upload.txt", "data"));
        assertEquals("553 Could not create file.", ftp.getReplyString().strip());
        assertFalse(Files.exists(root.resolve("var/ftp/pub/upload.txt")));
        String avc = audit().get(audit().size() - 1);
        assertTrue(avc.contains("avc:  denied  { write } for  pid="), avc);
        assertTrue(avc.contains(" comm=\"vsftpd\" name=\"pub\" dev=\""), avc);
        assertTrue(avc.endsWith(" scontext=system_u:system_r:ftpd_t:s0-s0:c0.c1023"
                + " tcontext=system_u:object_r:public_content_t:s0 tclass=dir permissive=0"), avc);

        // 2. a local rule alone changes nothing: restorecon applies it, and public_content_t is customizable
        assertEquals("", admin.ok("semanage", "fcontext", "-a", "-t", "public_content_rw_t", "/var/ftp/pub(/.*)?"));
        assertEquals("/var/ftp/pub not reset as customized by admin to system_u:object_r:public_content_t:s0\n",
                admin.ok("restorecon", "-R", "-v", "/var/ftp/pub"));
        assertFalse(upload(ftp, "pub/upload.txt", "data"));
        assertEquals("Relabeled /var/ftp/pub from system_u:object_r:public_content_t:s0 to"
                + " system_u:object_r:public_content_rw_t:s0\n", admin.ok("restorecon", "-F", "-R", "-v", "/var/ftp/pub"));
        assertEquals("system_u:object_r:public_content_rw_t:s0", label(root.resolve("var/ftp/pub")));

        // 3. the label is right, the boolean is still off
        assertFalse(upload(ftp, "pub/upload.txt", "data"));
        assertEquals(553, ftp.getReplyCode());
        assertTrue(audit().get(audit().size() - 1).contains("tcontext=system_u:object_r:public_content_rw_t:s0 tclass=dir"));
        String why = admin.ok("audit2why");
        assertTrue(why.contains("\tThe boolean ftpd_full_access was set incorrectly. \n"), why);
        assertTrue(why.contains("\tOne of the following booleans was set incorrectly.\n"), why);
        assertTrue(why.contains("\t# setsebool -P ftpd_anon_write 1\n"), why);

        // 4. setsebool -P ftpd_anon_write on: the running server allows the next upload
        admin.ok("setsebool", "-P", "ftpd_anon_write", "on");
        assertEquals("ftpd_anon_write --> on\n", admin.ok("getsebool", "ftpd_anon_write"));
        int lines = audit().size();
        assertTrue(upload(ftp, "pub/upload.txt", "data"), ftp.getReplyString());
        assertEquals(226, ftp.getReplyCode());
        assertEquals("data", Files.readString(root.resolve("var/ftp/pub/upload.txt")));
        assertEquals("system_u:object_r:public_content_rw_t:s0", label(root.resolve("var/ftp/pub/upload.txt")),
                "new files inherit the directory's type");
        assertEquals(257, ftp.mkd("pub/incoming"));
        assertEquals("system_u:object_r:public_content_rw_t:s0", label(root.resolve("var/ftp/pub/incoming")));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertTrue(ftp.retrieveFile("pub/upload.txt", got));
        assertEquals("data", got.toString(StandardCharsets.UTF_8));
        assertTrue(ftp.deleteFile("pub/upload.txt"));
        assertEquals(lines, audit().size(), "no denial since");

        // outside pub public content stays read-only
        assertFalse(upload(ftp, "top.txt", "x"));
        assertEquals(553, ftp.getReplyCode());
        assertEquals(257, ftp.mkd("pub/keep"));
        assertFalse(ftp.rename("pub/keep", "kept"));
        assertEquals("550 Rename failed.", ftp.getReplyString().strip());
        ftp.logout();
        ftp.disconnect();
    }

    @Test
    void ftpdFullAccessOpensWritesOutsidePublicContent() throws Exception {
        Files.writeString(root.resolve("srv/data/report.csv"), "1,2,3\n");
        FTPClient ftp = server.login("alice", "secret");
        assertTrue(ftp.changeWorkingDirectory("/"), "var_t can be searched");
        assertEquals(0, ftp.listNames() == null ? 0 : ftp.listNames().length);
        assertEquals("226 Transfer done (but failed to open directory).", ftp.getReplyString().strip());
        assertFalse(ftp.retrieveFile("report.csv", new ByteArrayOutputStream()));
        assertEquals("550 Failed to open file.", ftp.getReplyString().strip());
        assertFalse(upload(ftp, "new.csv", "4"));
        assertEquals("553 Could not create file.", ftp.getReplyString().strip());
        assertEquals(550, ftp.mkd("archive"));
        assertEquals("550 Create directory operation failed.", ftp.getReplyString().strip());
        assertEquals(550, ftp.sendCommand("SITE CHMOD 600 report.csv"));
        assertEquals("550 SITE CHMOD command failed.", ftp.getReplyString().strip());
        assertFalse(ftp.deleteFile("report.csv"));
        assertEquals("550 Delete operation failed.", ftp.getReplyString().strip());
        assertEquals(550, ftp.sendCommand("SIZE report.csv"));
        assertEquals("550 Could not get file size.", ftp.getReplyString().strip());
        assertFalse(ftp.rename("report.csv", "old.csv"));
        assertEquals("550 RNFR command failed.", ftp.getReplyString().strip());

        admin.ok("setsebool", "ftpd_full_access", "on");
        assertArrayEquals(new String[] {"report.csv"}, ftp.listNames());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertTrue(ftp.retrieveFile("report.csv", got));
        assertEquals("1,2,3\n", got.toString(StandardCharsets.UTF_8));
        assertTrue(upload(ftp, "new.csv", "4"));
        assertEquals("system_u:object_r:var_t:s0", label(root.resolve("srv/data/new.csv")));
        assertEquals(257, ftp.mkd("archive"));
        assertTrue(ftp.rename("report.csv", "archive/report.csv"));
        assertTrue(ftp.deleteFile("new.csv"));

        // and anonymous writes into public_content_t, which only ftpd_full_access allows
        FTPClient anon = server.login("anonymous", "x@y");
        assertTrue(upload(anon, "top.txt", "x"));
        admin.ok("setsebool", "ftpd_full_access", "off");
        assertFalse(upload(anon, "top2.txt", "x"));
        assertFalse(ftp.retrieveFile("archive/report.csv", new ByteArrayOutputStream()));
    }

    @Test
    void permissiveModeAllowsAndLogs() throws Exception {
        FTPClient ftp = server.login("anonymous", "guest@");
        admin.ok("setenforce", "0");
        assertEquals("Permissive\n", admin.ok("getenforce"));
        assertTrue(upload(ftp, "pub/p.txt", "p"), ftp.getReplyString());
        List<String> logged = audit();
        assertEquals(4, logged.size(), String.join("\n", logged));
        assertTrue(logged.get(0).contains("{ write } for  pid=") && logged.get(0).contains(" name=\"pub\" "));
        assertTrue(logged.get(1).contains("{ add_name } for  pid=") && logged.get(1).contains(" name=\"p.txt\" scontext="));
        assertTrue(logged.get(2).contains("{ create } for  pid=") && logged.get(2).contains("tclass=file"));
        assertTrue(logged.get(3).contains(" path=\"/var/ftp/pub/p.txt\" scontext="));
        assertTrue(logged.stream().allMatch(l -> l.endsWith("permissive=1")));
        assertTrue(logged.stream().allMatch(l -> l.contains("tcontext=system_u:object_r:public_content_t:s0")));
        String serial = logged.get(0).substring(logged.get(0).indexOf(':', 20), logged.get(0).indexOf(')'));
        assertTrue(logged.stream().allMatch(l -> l.contains(serial + ")")), "one event, one serial");

        assertTrue(upload(ftp, "pub/q.txt", "q"));
        assertEquals(4, audit().size(), "granted permissions are cached");

        admin.ok("setenforce", "1");
        assertFalse(upload(ftp, "pub/r.txt", "r"));
        assertEquals(553, ftp.getReplyCode());
        assertEquals(5, audit().size());
        assertTrue(audit().get(4).endsWith("permissive=0"));
    }

    @Test
    void homeDirectoriesAndActiveModePorts() throws Exception {
        FTPClient bob = server.login("bob", "secret");
        assertEquals(550, bob.mkd("bin"));
        assertEquals("550 Create directory operation failed.", bob.getReplyString().strip());
        assertTrue(audit().get(audit().size() - 1).contains("{ create } for  pid="));
        assertTrue(audit().get(audit().size() - 1).contains("tcontext=system_u:object_r:home_bin_t:s0 tclass=dir"));
        assertEquals(257, bob.mkd("bins"));
        assertEquals("system_u:object_r:user_home_t:s0", label(root.resolve("home/bob/bins")));
        assertEquals(257, bob.mkd("public_html"));
        assertEquals("system_u:object_r:httpd_user_content_t:s0", label(root.resolve("home/bob/public_html")));
        assertTrue(upload(bob, "notes.txt", "n"));
        assertEquals("system_u:object_r:user_home_t:s0", label(root.resolve("home/bob/notes.txt")));

        // active mode: the server connects to the client's port; 20000 is unreserved_port_t
        bob.enterLocalActiveMode();
        bob.setActivePortRange(20000, 20010);
        assertFalse(bob.retrieveFile("notes.txt", new ByteArrayOutputStream()));
        assertEquals("425 Failed to establish connection.", bob.getReplyString().strip());
        assertTrue(audit().get(audit().size() - 1).contains("{ name_connect } for  pid="));
        assertTrue(audit().get(audit().size() - 1).contains("tcontext=system_u:object_r:unreserved_port_t:s0 tclass=tcp_socket"));
        admin.ok("setsebool", "ftpd_connect_all_unreserved", "1");
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertTrue(bob.retrieveFile("notes.txt", got), bob.getReplyString());
        assertEquals("n", got.toString(StandardCharsets.UTF_8));
        admin.ok("setsebool", "ftpd_connect_all_unreserved", "0");
        bob.setActivePortRange(40000, 40010); // ephemeral_port_t needs no boolean
        assertTrue(bob.retrieveFile("notes.txt", new ByteArrayOutputStream()), bob.getReplyString());
    }
}
