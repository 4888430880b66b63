package dev.jvsftpd.selinux.state;

import dev.jvsftpd.selinux.policy.LabeledObject;
import dev.jvsftpd.selinux.policy.ObjectClass;
import dev.jvsftpd.selinux.policy.SecurityContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The labels of real files, as decisions need them. */
public interface LabelView {

    /** The path file contexts match and AVC records print: the real path relative to the emulation root. */
    Optional<String> policyPath(Path real);

    /** The existing objects from the root down to {@code real} (inclusive), each with its label. */
    List<LabeledObject> chain(Path real);

    /** The label a new object at {@code real} would get when ftpd_t creates it. */
    SecurityContext labelForNew(Path real, ObjectClass cls);

    /** Records the label of an object just created (inheritance and home-directory transitions). */
    void created(Path real, ObjectClass cls);

    /** Fixes the current label on the object itself, so it follows a rename as a real label does. */
    void pin(Path real);

    static ObjectClass classOf(Path real) {
        if (java.nio.file.Files.isSymbolicLink(real)) {
            return ObjectClass.LNK_FILE;
        }
        return java.nio.file.Files.isDirectory(real, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? ObjectClass.DIR
                : ObjectClass.FILE;
    }
}
