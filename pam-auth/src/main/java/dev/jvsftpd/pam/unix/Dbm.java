package dev.jvsftpd.pam.unix;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ndbm(3) files as pam_userdb opens them: through Berkeley DB's ndbm layer (Debian's pam_userdb is
 * linked with libdb-5.3; the file on disk is {@code <name>.db}), or gdbm's compatibility library
 * where that is what the system has. Called through JNA; nothing of ours parses the format.
 */
public final class Dbm implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0100;
    private static final int DBM_REPLACE = 1;

    /** datum { char *dptr; int dsize; } passed and returned by value */
    @Structure.FieldOrder({"dptr", "dsize"})
    public static class Datum extends Structure implements Structure.ByValue {
        public Pointer dptr;
        public int dsize;
    }

    private record Library(String name, Function open, Function close, Function fetch, Function store,
                           Function firstkey, Function nextkey) {
    }

    private static final Optional<Library> LIBRARY = load();

    private final Library lib;
    private Pointer handle;

    private Dbm(Library lib, Pointer handle) {
        this.lib = lib;
        this.handle = handle;
    }

    private static Optional<Library> load() {
        String[][] candidates = {
            {"db-5.3", "__db_ndbm_"},
            {"db", "__db_ndbm_"},
            {"gdbm_compat", "dbm_"},
        };
        for (String[] c : candidates) {
            try {
                NativeLibrary nl = NativeLibrary.getInstance(c[0]);
                String p = c[1];
                return Optional.of(new Library(c[0], nl.getFunction(p + "open"), nl.getFunction(p + "close"),
                        nl.getFunction(p + "fetch"), nl.getFunction(p + "store"), nl.getFunction(p + "firstkey"),
                        nl.getFunction(p + "nextkey")));
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // next candidate
            }
        }
        return Optional.empty();
    }

    public static boolean available() {
        return LIBRARY.isPresent();
    }

    public static String description() {
        return LIBRARY.map(l -> "lib" + l.name()).orElse("no ndbm library (libdb-5.3 or libgdbm_compat)");
    }

    /** Opens for reading; empty when there is no library or the file cannot be opened. */
    public static Optional<Dbm> openReadOnly(String path) {
        return open(path, O_RDONLY);
    }

    /** Opens for writing, creating the file: how tests and tools build a pam_userdb database. */
    public static Optional<Dbm> openForWriting(String path) {
        return open(path, O_RDWR | O_CREAT);
    }

    private static Optional<Dbm> open(String path, int flags) {
        if (LIBRARY.isEmpty()) {
            return Optional.empty();
        }
        Library lib = LIBRARY.get();
        Pointer h = (Pointer) lib.open().invoke(Pointer.class, new Object[] {path, flags, 0644});
        return h == null ? Optional.empty() : Optional.of(new Dbm(lib, h));
    }

    public Optional<byte[]> fetch(byte[] key) {
        Datum k = datum(key);
        Datum v = (Datum) lib.fetch().invoke(Datum.class, new Object[] {handle, k});
        if (v == null || v.dptr == null) {
            return Optional.empty();
        }
        return Optional.of(v.dptr.getByteArray(0, v.dsize));
    }

    public boolean store(byte[] key, byte[] value) {
        Datum k = datum(key);
        Datum v = datum(value);
        return lib.store().invokeInt(new Object[] {handle, k, v, DBM_REPLACE}) == 0;
    }

    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        Datum k = (Datum) lib.firstkey().invoke(Datum.class, new Object[] {handle});
        while (k != null && k.dptr != null) {
            out.add(k.dptr.getByteArray(0, k.dsize));
            k = (Datum) lib.nextkey().invoke(Datum.class, new Object[] {handle});
        }
        return out;
    }

    private static Datum datum(byte[] bytes) {
        Datum d = new Datum();
        Memory m = new Memory(Math.max(1, bytes.length));
        m.write(0, bytes, 0, bytes.length);
        d.dptr = m;
        d.dsize = bytes.length;
        return d;
    }

    @Override
    public void close() {
        if (handle != null) {
            lib.close().invoke(new Object[] {handle});
            handle = null;
        }
    }
}
