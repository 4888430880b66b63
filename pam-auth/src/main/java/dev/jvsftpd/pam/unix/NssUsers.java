package dev.jvsftpd.pam.unix;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.jvsftpd.pam.SystemGroup;
import dev.jvsftpd.pam.SystemUser;
import dev.jvsftpd.pam.SystemUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The user database through glibc (getpwnam_r, getgrnam_r, getgrouplist), so that every NSS source
 * counts. Linux only: the struct layouts read here are glibc's.
 */
public final class NssUsers implements SystemUsers {
    private static final int ERANGE = 34;

    interface LibC extends Library {
        int getpwnam_r(String name, Pointer pwd, Pointer buf, long buflen, PointerByReference result);

        int getgrnam_r(String name, Pointer grp, Pointer buf, long buflen, PointerByReference result);

        int getgrouplist(String user, int group, int[] groups, IntByReference ngroups);
    }

    private static final LibC LIBC = load();

    private static LibC load() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    public static boolean available() {
        return LIBC != null;
    }

    @Override
    public Optional<SystemUser> lookup(String name) {
        return passwd(name).map(p -> new SystemUser(p.name, p.uid, p.gid, groupsOf(p.name, p.gid), p.dir, p.shell));
    }

    @Override
    public Optional<String> passwordField(String name) {
        return passwd(name).map(p -> p.passwd);
    }

    @Override
    public String description() {
        return "the C library (NSS)";
    }

    @Override
    public Optional<SystemGroup> group(String name) {
        // struct group on glibc: gr_name, gr_passwd, gr_gid (padded), gr_mem
        int ptr = Native.POINTER_SIZE;
        Memory grp = new Memory(ptr * 4L);
        for (long size = 4096; size <= 1 << 24; size *= 4) {
            Memory buf = new Memory(size);
            PointerByReference result = new PointerByReference();
            int rc = LIBC.getgrnam_r(name, grp, buf, size, result);
            if (rc == ERANGE) {
                continue;
            }
            if (rc != 0 || result.getValue() == null) {
                return Optional.empty();
            }
            String grName = grp.getPointer(0).getString(0, StandardCharsets.UTF_8.name());
            int gid = grp.getInt(2L * ptr);
            List<String> members = new ArrayList<>();
            Pointer mem = grp.getPointer(3L * ptr);
            if (mem != null) {
                for (int i = 0; ; i++) {
                    Pointer m = mem.getPointer((long) i * ptr);
                    if (m == null) {
                        break;
                    }
                    members.add(m.getString(0, StandardCharsets.UTF_8.name()));
                }
            }
            return Optional.of(new SystemGroup(grName, gid, members));
        }
        return Optional.empty();
    }

    private record Passwd(String name, String passwd, int uid, int gid, String dir, String shell) {
    }

    private Optional<Passwd> passwd(String name) {
        // struct passwd on glibc: pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell
        int ptr = Native.POINTER_SIZE;
        Memory pwd = new Memory(ptr * 2L + 8 + ptr * 3L);
        for (long size = 4096; size <= 1 << 24; size *= 4) {
            Memory buf = new Memory(size);
            PointerByReference result = new PointerByReference();
            int rc = LIBC.getpwnam_r(name, pwd, buf, size, result);
            if (rc == ERANGE) {
                continue;
            }
            if (rc != 0 || result.getValue() == null) {
                return Optional.empty();
            }
            long ids = 2L * ptr;
            long rest = ids + 8;
            return Optional.of(new Passwd(str(pwd.getPointer(0)), str(pwd.getPointer(ptr)), pwd.getInt(ids),
                    pwd.getInt(ids + 4), str(pwd.getPointer(rest + ptr)), str(pwd.getPointer(rest + 2L * ptr))));
        }
        return Optional.empty();
    }

    private static List<Integer> groupsOf(String user, int gid) {
        int[] groups = new int[64];
        IntByReference n = new IntByReference(groups.length);
        if (LIBC.getgrouplist(user, gid, groups, n) < 0) {
            groups = new int[n.getValue()];
            n.setValue(groups.length);
            LIBC.getgrouplist(user, gid, groups, n);
        }
        Set<Integer> ordered = new LinkedHashSet<>();
        ordered.add(gid);
        for (int i = 0; i < Math.min(n.getValue(), groups.length); i++) {
            ordered.add(groups[i]);
        }
        return new ArrayList<>(ordered);
    }

    private static String str(Pointer p) {
        return p == null ? "" : p.getString(0, StandardCharsets.UTF_8.name());
    }
}
