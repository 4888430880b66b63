package dev.jvsftpd.selinux.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the labeled objects of one FTP operation on an object of a given type, placed where such objects
 * live: public content and ordinary types under {@code /srv}, home content under {@code /home/u}, mounts
 * under {@code /mnt}. The directory holding the object has the object's type, as in the reference table.
 */
final class Scenario {
    private static long ino = 1000;

    private Scenario() {
    }

    static LabeledObject dir(String path, String type) {
        return new LabeledObject(path, ObjectClass.DIR, SecurityContext.object(type), Optional.of(new FileId("vda", ino++)));
    }

    static LabeledObject file(String path, String type) {
        return new LabeledObject(path, ObjectClass.FILE, SecurityContext.object(type), Optional.of(new FileId("vda", ino++)));
    }

    /** Where a directory of this type sits: its ancestors from the root. */
    static List<LabeledObject> placeFor(String type) {
        List<LabeledObject> a = new ArrayList<>(List.of(dir("/", "root_t")));
        switch (type) {
            case "user_home_t", "ssh_home_t", "home_bin_t", "audio_home_t", "home_cert_t", "httpd_user_content_t",
                 "user_tmp_t" -> {
                a.add(dir("/home", "home_root_t"));
                a.add(dir("/home/u", "user_home_dir_t"));
            }
            case "nfs_t", "cifs_t", "fusefs_t" -> a.add(dir("/mnt", "mnt_t"));
            case "shadow_t" -> a.add(dir("/etc", "etc_t"));
            default -> a.add(dir("/srv", "var_t"));
        }
        return a;
    }

    /** The checks of operation {@code op} (C L R W N M D X RN A) on an object of {@code type} inside a {@code type} directory. */
    static List<Check> inside(String type, String op) {
        List<LabeledObject> base = placeFor(type);
        String where = base.get(base.size() - 1).path();
        LabeledObject tdir = dir(where + "/t", type);
        List<LabeledObject> withDir = new ArrayList<>(base);
        withDir.add(tdir);
        LabeledObject tfile = file(tdir.path() + "/f", type);
        return switch (op) {
            case "C" -> CheckPlanner.chdir(base, tdir);
            case "L" -> CheckPlanner.list(base, tdir);
            case "R" -> CheckPlanner.read(withDir, tfile);
            case "W" -> CheckPlanner.write(withDir, tfile, false);
            case "N" -> CheckPlanner.create(withDir, tdir, planned(tdir, "new", ObjectClass.FILE));
            case "M" -> CheckPlanner.create(withDir, tdir, planned(tdir, "newdir", ObjectClass.DIR));
            case "D" -> CheckPlanner.remove(withDir, tdir, tfile);
            case "X" -> CheckPlanner.remove(withDir, tdir, dir(tdir.path() + "/sub", type));
            case "RN" -> CheckPlanner.rename(withDir, tdir, tfile, withDir, tdir, tdir.path() + "/g", Optional.empty());
            case "A" -> CheckPlanner.setattr(withDir, tfile);
            default -> throw new IllegalArgumentException(op);
        };
    }

    static LabeledObject planned(LabeledObject parent, String name, ObjectClass cls) {
        return LabeledObject.planned(parent.path() + "/" + name, cls,
                TypeTransitions.newObjectContext(parent.context(), name, cls));
    }

    /** The home directory row: C and L on {@code /home/u}, and N M D X RN on its entries. */
    static List<Check> homeDir(String op) {
        List<LabeledObject> base = List.of(dir("/", "root_t"), dir("/home", "home_root_t"));
        LabeledObject home = dir("/home/u", "user_home_dir_t");
        List<LabeledObject> withHome = List.of(base.get(0), base.get(1), home);
        LabeledObject entry = file("/home/u/f", "user_home_t");
        return switch (op) {
            case "C" -> CheckPlanner.chdir(base, home);
            case "L" -> CheckPlanner.list(base, home);
            case "N" -> CheckPlanner.create(withHome, home, planned(home, "new", ObjectClass.FILE));
            case "M" -> CheckPlanner.create(withHome, home, planned(home, "newdir", ObjectClass.DIR));
            case "D" -> CheckPlanner.remove(withHome, home, entry);
            case "X" -> CheckPlanner.remove(withHome, home, dir("/home/u/d", "user_home_t"));
            case "RN" -> CheckPlanner.rename(withHome, home, entry, withHome, home, "/home/u/g", Optional.empty());
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** The home directory itself removed, renamed or chmod-ed. */
    static List<Check> homeDirItself(String op) {
        List<LabeledObject> base = List.of(dir("/", "root_t"), dir("/home", "home_root_t"));
        LabeledObject home = dir("/home/u", "user_home_dir_t");
        return switch (op) {
            case "X" -> CheckPlanner.remove(base, base.get(1), home);
            case "RN" -> CheckPlanner.rename(base, base.get(1), home, base, base.get(1), "/home/v", Optional.empty());
            case "A" -> CheckPlanner.setattr(base, home);
            default -> throw new IllegalArgumentException(op);
        };
    }
}
