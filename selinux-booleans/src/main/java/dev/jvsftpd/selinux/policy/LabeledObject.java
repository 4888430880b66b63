package dev.jvsftpd.selinux.policy;

import java.util.Optional;

/**
 * A file system object as a decision sees it: its path in the policy's name space (what file contexts match
 * and AVC records print), its class, its label, and its inode when it exists.
 */
public record LabeledObject(String path, ObjectClass cls, SecurityContext context, Optional<FileId> id) {

    /** The last path component; {@code /} for the root. */
    public String name() {
        if (path.equals("/")) {
            return "/";
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** An object that does not exist yet (the new file of a STOR or MKD). */
    public static LabeledObject planned(String path, ObjectClass cls, SecurityContext context) {
        return new LabeledObject(path, cls, context, Optional.empty());
    }

    public boolean exists() {
        return id.isPresent();
    }
}
