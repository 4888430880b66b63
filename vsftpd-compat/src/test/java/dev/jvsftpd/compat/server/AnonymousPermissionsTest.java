package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an anonymous session may read and write: vsftpd's switches first (550 Permission
 * denied.), then the ftp account's real Unix permissions, then the owner and mode of what it
 * creates. The anonymous root is root's 755; {@code upload/} belongs to ftp.
 */
class AnonymousPermissionsTest {
    @TempDir
    Path temp;
    Path root;
    Path upload;

    @BeforeEach
    void jail() throws IOException {
        root = TestServer.rootOwnedDirectory(temp.resolve("anon"));
        upload = TestServer.rootOwnedDirectory(root.resolve("upload"));
        Files.setAttribute(upload, "unix:uid", TestServer.ftpUid());
        Files.writeString(root.resolve("public.txt"), "public\n");
        Files.setAttribute(root.resolve("public.txt"), "unix:mode", 0644);
    }

    @Test
    void downloadsNeedAReadableFileAndTheWorldReadBit() throws IOException {
        Path secret = Files.writeString(root.resolve("secret.txt"), "root only\n");
        Files.setAttribute(secret, "unix:mode", 0600);
        Path ftpOnly = Files.writeString(root.resolve("ftp-only.txt"), "ftp owner only\n");
        Files.setAttribute(ftpOnly, "unix:uid", TestServer.ftpUid());
        Files.setAttribute(ftpOnly, "unix:mode", 0600);
        try (TestServer server = TestServer.start(root)) {
            FTPClient client = server.anonymous();
            assertEquals("public\n", download(client, "public.txt"));
            assertFalse(client.retrieveFile("secret.txt", new ByteArrayOutputStream()));
            assertEquals("550 Failed to open file.", client.getReplyString().trim());
            // the ftp account could read it, but anon_world_readable_only wants the world-read bit
            assertFalse(client.retrieveFile("ftp-only.txt", new ByteArrayOutputStream()));
            client.disconnect();
        }
        try (TestServer server = TestServer.start(root, "anon_world_readable_only=NO")) {
            FTPClient client = server.anonymous();
            assertEquals("ftp owner only\n", download(client, "ftp-only.txt"));
            assertFalse(client.retrieveFile("secret.txt", new ByteArrayOutputStream()));
            client.disconnect();
        }
    }

    @Test
    void retrAnnouncesTheSizeAndRestResumes() throws IOException {
        try (TestServer server = TestServer.start(root)) {
            FTPClient client = server.anonymous();
            client.setRestartOffset(3);
            assertEquals("lic\n", download(client, "public.txt"));
            assertTrue(client.getReplyStrings()[0].startsWith("226"));
            client.disconnect();
        }
        try (TestServer server = TestServer.start(root); RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("200 Switching to Binary mode.", raw.send("TYPE I"));
            assertEquals("425 Use PORT or PASV first.", raw.send("RETR public.txt"));
            assertEquals("213 7", raw.send("SIZE public.txt"));
            assertEquals("550 Could not get file size.", raw.send("SIZE upload"));
        }
    }

    @ParameterizedTest(name = "write_enable={0} anon_upload_enable={1}")
    @CsvSource({"NO,NO,false", "YES,NO,false", "NO,YES,false", "YES,YES,true"})
    void uploadsNeedWriteEnableAndAnonUploadEnable(String write, String anonUpload, boolean allowed)
            throws IOException {
        try (TestServer server = TestServer.start(root, "write_enable=" + write, "anon_upload_enable=" + anonUpload)) {
            FTPClient client = server.anonymous();
            assertEquals(allowed, upload(client, "upload/new.txt", "data"));
            assertEquals(allowed ? "226 Transfer complete." : "550 Permission denied.", client.getReplyString().trim());
            assertEquals(allowed, Files.exists(upload.resolve("new.txt")));
            client.disconnect();
        }
    }

    @Test
    void uploadsBelongToFtpWithTheAnonymousUmask() throws IOException {
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES")) {
            FTPClient client = server.anonymous();
            assertTrue(upload(client, "upload/a.txt", "aaa"));
            assertEquals(TestServer.ftpUid(), TestServer.uid(upload.resolve("a.txt")));
            assertEquals(0600, TestServer.mode(upload.resolve("a.txt")), "file_open_mode 0666 less anon_umask 077");
            assertEquals("aaa", Files.readString(upload.resolve("a.txt")));
            client.disconnect();
        }
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES",
                "anon_umask=022", "file_open_mode=0664")) {
            FTPClient client = server.anonymous();
            assertTrue(upload(client, "upload/b.txt", "bbb"));
            assertEquals(0644, TestServer.mode(upload.resolve("b.txt")));
            client.disconnect();
        }
    }

    @Test
    void chownUploadsGivesFilesToChownUsernameWithChownUploadMode() throws IOException {
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES",
                "chown_uploads=YES", "chown_username=root", "chown_upload_mode=0640", "anon_umask=0")) {
            FTPClient client = server.anonymous();
            assertTrue(upload(client, "upload/c.txt", "ccc"));
            assertEquals(0, TestServer.uid(upload.resolve("c.txt")));
            assertEquals(0640, TestServer.mode(upload.resolve("c.txt")), "the umask does not apply");
            client.disconnect();
        }
    }

    @Test
    void anonymousCannotOverwriteUnlessAnonOtherWriteEnable() throws IOException {
        Path existing = Files.writeString(upload.resolve("exists.txt"), "original");
        Files.setAttribute(existing, "unix:uid", TestServer.ftpUid());
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES")) {
            FTPClient client = server.anonymous();
            assertFalse(upload(client, "upload/exists.txt", "replaced"));
            assertEquals("553 Could not create file.", client.getReplyString().trim());
            assertEquals("original", Files.readString(existing));
            client.disconnect();
        }
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES",
                "anon_other_write_enable=YES")) {
            FTPClient client = server.anonymous();
            assertTrue(upload(client, "upload/exists.txt", "replaced"));
            assertEquals("replaced", Files.readString(existing));
            client.disconnect();
        }
    }

    @Test
    void uploadsIntoADirectoryFtpCannotWriteFailWith553() throws IOException {
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES")) {
            FTPClient client = server.anonymous();
            assertFalse(upload(client, "not-here.txt", "x"));
            assertEquals("553 Could not create file.", client.getReplyString().trim());
            assertFalse(Files.exists(root.resolve("not-here.txt")));
            client.disconnect();
        }
    }

    @Test
    void mkdirNeedsAnonMkdirWriteEnableAndGetsFtpAndTheUmask() throws IOException {
        try (TestServer server = TestServer.start(root, "write_enable=YES")) {
            FTPClient client = server.anonymous();
            assertFalse(client.makeDirectory("upload/d"));
            assertEquals("550 Permission denied.", client.getReplyString().trim());
            client.disconnect();
        }
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_mkdir_write_enable=YES")) {
            FTPClient client = server.anonymous();
            assertTrue(client.changeWorkingDirectory("upload"));
            assertTrue(client.makeDirectory("d"));
            assertEquals("257 \"/upload/d\" created", client.getReplyString().trim());
            assertEquals(TestServer.ftpUid(), TestServer.uid(upload.resolve("d")));
            assertEquals(0700, TestServer.mode(upload.resolve("d")));
            assertFalse(client.makeDirectory("/mine"));
            assertEquals("550 Create directory operation failed.", client.getReplyString().trim());
            client.disconnect();
        }
    }

    @Test
    void deleteRenameAndRmdirNeedAnonOtherWriteEnable() throws IOException {
        Files.writeString(upload.resolve("f.txt"), "f");
        Files.createDirectory(upload.resolve("dir"));
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_upload_enable=YES")) {
            FTPClient client = server.anonymous();
            assertFalse(client.deleteFile("upload/f.txt"));
            assertEquals("550 Permission denied.", client.getReplyString().trim());
            assertFalse(client.rename("upload/f.txt", "upload/g.txt"));
            client.disconnect();
        }
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_other_write_enable=YES")) {
            FTPClient client = server.anonymous();
            assertTrue(client.rename("upload/f.txt", "upload/g.txt"));
            assertEquals("250 Rename successful.", client.getReplyString().trim());
            assertTrue(client.deleteFile("upload/g.txt"));
            assertEquals("250 Delete operation successful.", client.getReplyString().trim());
            assertTrue(client.removeDirectory("upload/dir"));
            assertEquals("250 Remove directory operation successful.", client.getReplyString().trim());
            // root's file in root's directory: the kernel would refuse ftp
            assertFalse(client.deleteFile("public.txt"));
            assertEquals("550 Delete operation failed.", client.getReplyString().trim());
            assertEquals(503, client.sendCommand("RNTO", "x"));
            assertEquals("503 RNFR required first.", client.getReplyString().trim());
            assertEquals(550, client.sendCommand("RNFR", "missing"));
            assertEquals("550 RNFR command failed.", client.getReplyString().trim());
            client.disconnect();
        }
    }

    @Test
    void stickyDirectoriesProtectOtherOwnersFiles() throws IOException {
        Path shared = TestServer.rootOwnedDirectory(root.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Files.writeString(shared.resolve("roots.txt"), "r");
        try (TestServer server = TestServer.start(root, "write_enable=YES", "anon_other_write_enable=YES")) {
            FTPClient client = server.anonymous();
            assertFalse(client.deleteFile("shared/roots.txt"));
            assertTrue(Files.exists(shared.resolve("roots.txt")));
            client.disconnect();
        }
    }

    @Test
    void listingsAreVsftpdsAndNeedAWorldReadableDirectory() throws IOException {
        Path closed = TestServer.rootOwnedDirectory(root.resolve("closed"));
        Files.setAttribute(closed, "unix:mode", 0711);
        try (TestServer server = TestServer.start(root)) {
            FTPClient client = server.anonymous();
            String[] names = client.listNames();
            assertArrayEquals(new String[] {"closed", "public.txt", "upload"}, names);
            assertEquals("226 Directory send OK.", client.getReplyString().trim());
            String[] lines = listLines(client, "");
            assertTrue(lines[1].matches("-rw-r--r-- {4}1 0 {8}0 {15}7 \\w{3} \\d\\d \\d\\d:\\d\\d public.txt"), lines[1]);
            // as vsftpd: a directory ftp cannot open is listed as an entry of its parent ...
            String[] entry = listLines(client, "closed");
            assertEquals(1, entry.length);
            assertTrue(entry[0].startsWith("drwx--x--x") && entry[0].endsWith(" closed"), entry[0]);
            // ... and its contents are refused
            assertEquals(0, listLines(client, "closed/").length);
            assertEquals("226 Transfer done (but failed to open directory).", client.getReplyString().trim());
            client.disconnect();
        }
    }

    @Test
    void switchesOffGivePermissionDenied() throws IOException {
        try (TestServer server = TestServer.start(root, "download_enable=NO", "dirlist_enable=NO");
             RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("550 Permission denied.", raw.send("RETR public.txt"));
            assertEquals("550 Permission denied.", raw.send("LIST"));
            assertEquals("550 Permission denied.", raw.send("SITE HELP"));
            assertEquals("500 Unknown command.", raw.send("XYZZY"));
        }
    }

    static String download(FTPClient client, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!client.retrieveFile(path, out)) {
            throw new IOException("RETR " + path + ": " + client.getReplyString());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean upload(FTPClient client, String path, String content) throws IOException {
        return client.storeFile(path, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** LIST over a passive connection made by hand, so the raw lines are seen; consumes the 226. */
    static String[] listLines(FTPClient client, String path) throws IOException {
        assertEquals(227, client.sendCommand("PASV"));
        String reply = client.getReplyString();
        String[] numbers = reply.substring(reply.indexOf('(') + 1, reply.indexOf(')')).split(",");
        int port = Integer.parseInt(numbers[4]) * 256 + Integer.parseInt(numbers[5]);
        try (java.net.Socket data = new java.net.Socket("127.0.0.1", port)) {
            assertEquals(150, client.sendCommand(path.isEmpty() ? "LIST" : "LIST " + path));
            String text = new String(data.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(226, client.getReply());
            return text.isEmpty() ? new String[0] : text.split("\r\n");
        }
    }
}
