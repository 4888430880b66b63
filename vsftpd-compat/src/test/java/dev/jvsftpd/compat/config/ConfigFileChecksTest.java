package dev.jvsftpd.compat.config;

import static dev.jvsftpd.compat.config.ConfigFixtures.ownUid;
import static dev.jvsftpd.compat.config.ConfigFixtures.padding;
import static dev.jvsftpd.compat.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference section 1.2: readable, regular, owned by our uid; at most 100000 bytes are read. */
class ConfigFileChecksTest {
    private static final String NOT_OWNED = "config file not owned by correct user, or not a file";

    @TempDir
    Path dir;

    private VsftpdConfig load(Path file, long ownerUid) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(Dialect.DEBIAN);
        ConfigParser.loadFile(file, ownerUid, builder);
        return builder.build();
    }

    private OopsException loadFails(Path file, long ownerUid) {
        return assertThrows(OopsException.class, () -> load(file, ownerUid));
    }

    @Test
    void missingFileCannotBeRead() {
        // Tests run as root, which reads any mode bits; a missing file is the unreadable case we can make.
        Path missing = dir.resolve("missing.conf");
        OopsException e = loadFails(missing, 0);
        assertEquals("cannot read config file: " + missing, e.vsftpdText());
        assertTrue(e.detail().orElseThrow().startsWith(missing + ": "));
    }

    @Test
    void fileOwnedByAnotherUidIsRefused() {
        Path file = write(dir.resolve("vsftpd.conf"), "local_enable=YES\n");
        long owner = ownUid(file);
        assertTrue(load(file, owner).bool(Directives.LOCAL_ENABLE));
        OopsException e = loadFails(file, owner + 1);
        assertEquals(NOT_OWNED, e.vsftpdText());
        assertTrue(e.detail().orElseThrow().contains("uid " + (owner + 1)), e.detail().orElseThrow());
    }

    @Test
    void directoryIsNotAFile() throws IOException {
        // vsftpd can open a directory; it is the owner/regular-file check that refuses it.
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals(NOT_OWNED, loadFails(sub, ownUid(sub)).vsftpdText());
    }

    @Test
    void symlinkToOwnedFileIsFollowed() throws IOException {
        // vsftpd stat()s the path, so a link to a good file is accepted.
        Path target = write(dir.resolve("real.conf"), "local_enable=YES\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), target);
        assertTrue(load(link, ownUid(target)).bool(Directives.LOCAL_ENABLE));
    }

    @Test
    void worldWritableIsAccepted() throws IOException {
        Path file = write(dir.resolve("vsftpd.conf"), "local_enable=YES\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertTrue(load(file, ownUid(file)).bool(Directives.LOCAL_ENABLE));
    }

    @Test
    void settingEndingAtByte100000IsRead() {
        String setting = "ftpd_banner=0123456789";
        // A bad line just past the limit proves nothing beyond it is read.
        Path file = write(dir.resolve("vsftpd.conf"), padding(100_000 - setting.length()) + setting + "\nno_such=1\n");
        assertEquals("0123456789", load(file, ownUid(file)).string(Directives.FTPD_BANNER));
    }

    @Test
    void lineCrossingTheLimitIsCut() {
        Path file = write(dir.resolve("vsftpd.conf"), padding(100_000 - 15) + "ftpd_banner=0123456789\n");
        assertEquals("012", load(file, ownUid(file)).string(Directives.FTPD_BANNER));
    }

    @Test
    void nameCutAtTheLimitIsReported() {
        Path file = write(dir.resolve("vsftpd.conf"), padding(100_000 - 10) + "no_such_option=1\n");
        assertEquals("missing value in config file for: no_such_op", loadFails(file, ownUid(file)).vsftpdText());
    }
}
