package dev.jvsftpd.selinux.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.policy.FileContexts;
import dev.jvsftpd.selinux.policy.Flavor;
import dev.jvsftpd.selinux.policy.LabeledObject;
import dev.jvsftpd.selinux.policy.ObjectClass;
import dev.jvsftpd.selinux.policy.SecurityContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emulated labels: installed labels by default, user.jvsftpd.selinux on real files once set. */
class EmulatedLabelsTest {
    @TempDir
    Path root;
    EmulatedLabels labels;

    @BeforeEach
    void tree() throws Exception {
        Files.createDirectories(root.resolve("var/ftp/pub"));
        Files.createDirectories(root.resolve("var/ftp/bin"));
        Files.createDirectories(root.resolve("home/alice"));
        Files.createDirectories(root.resolve("srv/data"));
        labels = new EmulatedLabels(root, () -> FileContexts.policy(Flavor.RHEL8_9));
    }

    private String type(Path p) {
        List<LabeledObject> chain = labels.chain(p);
        return chain.get(chain.size() - 1).context().type();
    }

    static String attribute(Path p) throws Exception {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        ByteBuffer b = ByteBuffer.allocate(v.size("jvsftpd.selinux"));
        v.read("jvsftpd.selinux", b);
        b.flip();
        return StandardCharsets.UTF_8.decode(b).toString();
    }

    @Test
    void unlabeledFilesHaveTheirInstalledLabels() throws Exception {
        Files.writeString(root.resolve("var/ftp/pub/a.txt"), "a");
        assertEquals("root_t", type(root));
        assertEquals("var_t", type(root.resolve("var")));
        assertEquals("public_content_t", type(root.resolve("var/ftp/pub/a.txt")));
        assertEquals("bin_t", type(root.resolve("var/ftp/bin")));
        assertEquals("user_home_dir_t", type(root.resolve("home/alice")));
        assertEquals("var_t", type(root.resolve("srv/data")));
        assertEquals("/var/ftp/pub/a.txt", labels.policyPath(root.resolve("var/ftp/pub/a.txt")).orElseThrow());
        assertTrue(labels.policyPath(root.getParent()).isEmpty());
    }

    @Test
    void aRelabeledDirectoryPassesItsLabelToNewFilesButNotToOldOnes() throws Exception {
        Path old = Files.writeString(root.resolve("var/ftp/pub/old.txt"), "o");
        labels.setLabel(root.resolve("var/ftp/pub"), SecurityContext.object("public_content_rw_t"));
        assertEquals("system_u:object_r:public_content_rw_t:s0", attribute(root.resolve("var/ftp/pub")));
        assertEquals("public_content_t", type(old), "an existing file keeps its label");
        assertEquals("system_u:object_r:public_content_t:s0", attribute(old), "written down before the change");

        Path made = Files.writeString(root.resolve("var/ftp/pub/new.txt"), "n");
        assertEquals("public_content_rw_t", type(made), "created under the relabeled directory");
        labels.created(made, ObjectClass.FILE);
        assertEquals("system_u:object_r:public_content_rw_t:s0", attribute(made));
    }

    @Test
    void labelsFollowRenames() throws Exception {
        Path notes = Files.writeString(root.resolve("home/alice/notes.txt"), "n");
        assertEquals("user_home_t", type(notes));
        labels.pin(notes);
        Path moved = Files.move(notes, root.resolve("var/ftp/pub/notes.txt"), StandardCopyOption.ATOMIC_MOVE);
        assertEquals("user_home_t", type(moved));
    }

    @Test
    void newObjectsInAHomeFollowTheNamedTransitions() throws Exception {
        assertEquals("home_bin_t", labels.labelForNew(root.resolve("home/alice/bin"), ObjectClass.DIR).type());
        assertEquals("user_home_t", labels.labelForNew(root.resolve("home/alice/bins"), ObjectClass.DIR).type());
        Path www = Files.createDirectory(root.resolve("home/alice/www"));
        labels.created(www, ObjectClass.DIR);
        assertEquals("system_u:object_r:httpd_user_content_t:s0", attribute(www));
    }
}
