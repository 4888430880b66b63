package dev.jvsftpd.compat.unix;

import static dev.jvsftpd.compat.unix.FileAccess.EXECUTE;
import static dev.jvsftpd.compat.unix.FileAccess.READ;
import static dev.jvsftpd.compat.unix.FileAccess.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's access rules, as access(2) answers them for another user. */
class FileAccessTest {
    private static final UnixIdentity ROOT = new UnixIdentity(0, 0, Set.of());
    private static final UnixIdentity ALICE = new UnixIdentity(1000, 1000, Set.of(50));
    private static final UnixIdentity BOB = new UnixIdentity(1001, 1001, Set.of());

    @Test
    void exactlyOneClassOfBitsApplies() {
        FileMode groupOnly = new FileMode(1000, 50, 0070, false);
        // the owner class applies to the owner even when the group bits would allow more
        assertFalse(FileAccess.permits(ALICE, groupOnly, READ));
        FileMode bobsGroupFile = new FileMode(1001, 50, 0640, false);
        assertTrue(FileAccess.permits(ALICE, bobsGroupFile, READ), "supplementary group");
        assertFalse(FileAccess.permits(ALICE, bobsGroupFile, WRITE));
        assertFalse(FileAccess.permits(new UnixIdentity(7, 7, Set.of()), bobsGroupFile, READ), "other");
    }

    @Test
    void rootReadsAndWritesAnythingButExecutesOnlyWithAnXBit() {
        FileMode nothing = new FileMode(1000, 1000, 0, false);
        assertTrue(FileAccess.permits(ROOT, nothing, READ | WRITE));
        assertFalse(FileAccess.permits(ROOT, nothing, EXECUTE));
        assertTrue(FileAccess.permits(ROOT, new FileMode(1000, 1000, 0100, false), EXECUTE));
        assertTrue(FileAccess.permits(ROOT, new FileMode(1000, 1000, 0, true), EXECUTE), "directories");
    }

    @Test
    void stickyDirectoriesLetOnlyOwnersRemove() {
        FileMode tmp = new FileMode(0, 0, 01777, true);
        FileMode alicesFile = new FileMode(1000, 1000, 0644, false);
        assertTrue(FileAccess.mayRemoveFrom(ALICE, tmp, alicesFile));
        assertFalse(FileAccess.mayRemoveFrom(BOB, tmp, alicesFile));
        assertTrue(FileAccess.mayRemoveFrom(ROOT, tmp, alicesFile));
        FileMode plain = new FileMode(0, 0, 0777, true);
        assertTrue(FileAccess.mayRemoveFrom(BOB, plain, alicesFile));
        assertFalse(FileAccess.mayRemoveFrom(BOB, new FileMode(0, 0, 0755, true), alicesFile));
    }

    @Test
    void createdFilesGetTheIdentityTheModeAndASetgidDirectorysGroup(@TempDir Path temp) throws IOException {
        Files.setAttribute(temp, "unix:gid", 50);
        Files.setAttribute(temp, "unix:mode", 02775);
        UnixFiles.createFile(temp.resolve("f"), 0640, ALICE, FileMode.of(temp));
        assertEquals(1000, Files.getAttribute(temp.resolve("f"), "unix:uid"));
        assertEquals(50, Files.getAttribute(temp.resolve("f"), "unix:gid"));
        assertEquals(0640, (Integer) Files.getAttribute(temp.resolve("f"), "unix:mode") & 07777);
        UnixFiles.createDirectory(temp.resolve("d"), 0750, BOB, FileMode.of(temp));
        assertEquals(02750, (Integer) Files.getAttribute(temp.resolve("d"), "unix:mode") & 07777);
        assertEquals(50, Files.getAttribute(temp.resolve("d"), "unix:gid"));
    }

    @Test
    void accountsComeFromPasswdAndGroupFiles(@TempDir Path temp) throws IOException {
        Path passwd = Files.writeString(temp.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        Path group = Files.writeString(temp.resolve("group"), "staff:x:50:bob,alice\nalice:x:1000:\n");
        UnixAccounts accounts = new UnixAccounts(passwd, group);
        UnixAccount alice = accounts.byName("alice").orElseThrow();
        assertEquals(new UnixAccount("alice", 1000, 1000, "/home/alice", "/bin/sh"), alice);
        assertEquals(ALICE, accounts.identityOf(alice));
        assertEquals("staff", accounts.groupName(50).orElseThrow());
        assertTrue(accounts.byName("nobody").isEmpty());
    }
}
