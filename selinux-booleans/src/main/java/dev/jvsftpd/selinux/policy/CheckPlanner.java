package dev.jvsftpd.selinux.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expands an FTP operation into the kernel's permission checks, in the order the system calls make them
 * (reference C.7, refined from the LSM hooks): path lookup searches every directory on the way, then
 * inode_permission on the object or its directory, then the hook's own check (may_create, may_link,
 * may_rename, file_open, setattr). Each check carries the audit data its hook prints. Pure.
 */
public final class CheckPlanner {
    private CheckPlanner() {
    }

    /** A path lookup that ends in ENOENT: only the searches of the directories that exist. */
    public static List<Check> lookup(List<LabeledObject> existingDirs) {
        return walk(existingDirs);
    }

    /** CWD: search down to and including the directory. */
    public static List<Check> chdir(List<LabeledObject> ancestors, LabeledObject dir) {
        List<Check> c = walk(ancestors);
        c.add(inode(dir, EnumSet.of(Perm.SEARCH)));
        return c;
    }

    /** LIST: read permission on the directory, then the open of it. */
    public static List<Check> list(List<LabeledObject> ancestors, LabeledObject dir) {
        List<Check> c = walk(ancestors);
        c.add(inode(dir, EnumSet.of(Perm.READ)));
        c.add(path(dir, EnumSet.of(Perm.READ, Perm.OPEN)));
        return c;
    }

    /** SIZE, MDTM, RNFR: stat(2). */
    public static List<Check> stat(List<LabeledObject> ancestors, LabeledObject object) {
        List<Check> c = walk(ancestors);
        c.add(path(object, EnumSet.of(Perm.GETATTR)));
        return c;
    }

    /** RETR: read permission, open, then fstat for the size. */
    public static List<Check> read(List<LabeledObject> ancestors, LabeledObject file) {
        List<Check> c = walk(ancestors);
        c.add(inode(file, EnumSet.of(Perm.READ)));
        c.add(path(file, EnumSet.of(Perm.READ, Perm.OPEN)));
        c.add(path(file, EnumSet.of(Perm.GETATTR)));
        return c;
    }

    /** STOR over an existing file (write) or APPE to one (append: O_APPEND asks for append, not write). */
    public static List<Check> write(List<LabeledObject> ancestors, LabeledObject file, boolean append) {
        Perm p = append ? Perm.APPEND : Perm.WRITE;
        List<Check> c = walk(ancestors);
        c.add(inode(file, EnumSet.of(p)));
        c.add(path(file, EnumSet.of(p, Perm.OPEN)));
        return c;
    }

    /**
     * STOR of a new file or MKD: write on the directory, add_name for the new entry, create with the label
     * the new object would get, and for a file the open of the created file.
     */
    public static List<Check> create(List<LabeledObject> ancestors, LabeledObject parent, LabeledObject created) {
        List<Check> c = walk(ancestors);
        c.add(inode(parent, EnumSet.of(Perm.WRITE, Perm.SEARCH)));
        AuditData entry = new AuditData.Dentry(created.name(), Optional.empty());
        c.add(new Check(parent.context(), ObjectClass.DIR, EnumSet.of(Perm.ADD_NAME, Perm.SEARCH), entry));
        c.add(new Check(created.context(), created.cls(), EnumSet.of(Perm.CREATE), entry));
        if (created.cls() == ObjectClass.FILE) {
            c.add(path(created, EnumSet.of(Perm.WRITE, Perm.OPEN)));
        }
        return c;
    }

    /** DELE (unlink) or RMD (rmdir), by the victim's class. */
    public static List<Check> remove(List<LabeledObject> ancestors, LabeledObject parent, LabeledObject victim) {
        List<Check> c = walk(ancestors);
        c.add(inode(parent, EnumSet.of(Perm.WRITE, Perm.SEARCH)));
        AuditData entry = dentry(victim);
        c.add(new Check(parent.context(), ObjectClass.DIR, EnumSet.of(Perm.REMOVE_NAME, Perm.SEARCH), entry));
        c.add(new Check(victim.context(), victim.cls(),
                EnumSet.of(victim.cls() == ObjectClass.DIR ? Perm.RMDIR : Perm.UNLINK), entry));
        return c;
    }

    /**
     * RNFR/RNTO: both directories need write; then remove_name in the old one, rename (and reparent for a
     * directory that changes parent) on the object, add_name in the new one (plus remove_name and
     * unlink/rmdir when the rename replaces an existing entry).
     */
    public static List<Check> rename(List<LabeledObject> fromAncestors, LabeledObject fromParent, LabeledObject object,
                                     List<LabeledObject> toAncestors, LabeledObject toParent, String toPath,
                                     Optional<LabeledObject> replaced) {
        List<Check> c = walk(fromAncestors);
        c.addAll(walk(toAncestors));
        boolean sameDir = fromParent.path().equals(toParent.path());
        c.add(inode(fromParent, EnumSet.of(Perm.WRITE, Perm.SEARCH)));
        if (!sameDir) {
            c.add(inode(toParent, EnumSet.of(Perm.WRITE, Perm.SEARCH)));
        }
        AuditData old = dentry(object);
        c.add(new Check(fromParent.context(), ObjectClass.DIR, EnumSet.of(Perm.REMOVE_NAME, Perm.SEARCH), old));
        c.add(new Check(object.context(), object.cls(), EnumSet.of(Perm.RENAME), old));
        if (object.cls() == ObjectClass.DIR && !sameDir) {
            c.add(new Check(object.context(), object.cls(), EnumSet.of(Perm.REPARENT), old));
        }
        String newName = toPath.substring(toPath.lastIndexOf('/') + 1);
        AuditData entry = new AuditData.Dentry(newName, replaced.flatMap(LabeledObject::id));
        Set<Perm> add = replaced.isPresent() ? EnumSet.of(Perm.ADD_NAME, Perm.REMOVE_NAME, Perm.SEARCH)
                : EnumSet.of(Perm.ADD_NAME, Perm.SEARCH);
        c.add(new Check(toParent.context(), ObjectClass.DIR, add, entry));
        replaced.ifPresent(r -> c.add(new Check(r.context(), r.cls(),
                EnumSet.of(r.cls() == ObjectClass.DIR ? Perm.RMDIR : Perm.UNLINK), entry)));
        return c;
    }

    /** SITE CHMOD, MDTM with a time: setattr on the object. */
    public static List<Check> setattr(List<LabeledObject> ancestors, LabeledObject object) {
        List<Check> c = walk(ancestors);
        c.add(new Check(object.context(), object.cls(), EnumSet.of(Perm.SETATTR), dentry(object)));
        return c;
    }

    /** PASV/EPSV: name_bind on the port's type. */
    public static List<Check> bind(int port) {
        return List.of(new Check(SecurityContext.object(PortTypes.typeOf(port)), ObjectClass.TCP_SOCKET,
                EnumSet.of(Perm.NAME_BIND), new AuditData.Port(true, port)));
    }

    /** PORT/EPRT: name_connect on the client port's type. */
    public static List<Check> connect(int port) {
        return List.of(new Check(SecurityContext.object(PortTypes.typeOf(port)), ObjectClass.TCP_SOCKET,
                EnumSet.of(Perm.NAME_CONNECT), new AuditData.Port(false, port)));
    }

    private static List<Check> walk(List<LabeledObject> ancestors) {
        List<Check> c = new ArrayList<>();
        for (LabeledObject dir : ancestors) {
            c.add(inode(dir, EnumSet.of(Perm.SEARCH)));
        }
        return c;
    }

    private static Check inode(LabeledObject o, Set<Perm> perms) {
        AuditData data = o.id().<AuditData>map(id -> new AuditData.Inode(o.name(), id))
                .orElseGet(() -> new AuditData.Dentry(o.name(), Optional.empty()));
        return new Check(o.context(), o.cls(), perms, data);
    }

    private static Check path(LabeledObject o, Set<Perm> perms) {
        return new Check(o.context(), o.cls(), perms, new AuditData.PathData(o.path(), o.id()));
    }

    private static AuditData dentry(LabeledObject o) {
        return new AuditData.Dentry(o.name(), o.id());
    }
}
