package dev.jvsftpd.selinux.state;

import dev.jvsftpd.selinux.policy.BooleanCatalog;
import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.FileContextSpec;
import dev.jvsftpd.selinux.policy.FileContexts;
import dev.jvsftpd.selinux.policy.FileKind;
import dev.jvsftpd.selinux.policy.Flavor;
import dev.jvsftpd.selinux.policy.SeBoolean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulation's state, kept in a directory of small text files laid out like the real ones, so an admin can
 * read them with cat and a running server sees every change at its next operation:
 * <pre>
 * config               SELINUX=enforcing|permissive|disabled   the persistent mode (/etc/selinux/config)
 * booleans.local       NAME=0|1                                setsebool -P (the policy store's booleans.local)
 * file_contexts.local  REGEX [--|-d|-l…] CONTEXT               semanage fcontext -a, in the order added
 * file_contexts.subs   ALIAS REAL                              semanage fcontext -a -e
 * permissive           DOMAIN                                  semanage permissive -a
 * runtime/mode         enforcing|permissive|disabled           the running mode (setenforce)
 * runtime/booleans     NAME ACTIVE PENDING                     setsebool without -P (selinuxfs' "a p")
 * </pre>
 * {@code runtime/} is what a reboot forgets; it is created from the persistent files on first use ("boot").
 * Writers replace files atomically under a lock file, so the CLI and a running server can share the directory.
 */
public final class EmulatedStore implements SelinuxBackend {
    private final Path dir;
    private final BooleanCatalog catalog;

    public EmulatedStore(Path dir, Flavor flavor) {
        this.dir = dir;
        this.catalog = BooleanCatalog.of(flavor);
    }

    public Path directory() {
        return dir;
    }

    @Override
    public BooleanCatalog catalog() {
        return catalog;
    }

    // ---- reads ----

    @Override
    public EnforceMode mode() {
        return read("runtime/mode").map(String::strip).filter(s -> !s.isEmpty()).map(EnforceMode::parseConfig)
                .orElseGet(this::persistentMode);
    }

    @Override
    public EnforceMode persistentMode() {
        return keyValues("config").entrySet().stream().filter(e -> e.getKey().equals("SELINUX"))
                .map(e -> EnforceMode.parseConfig(e.getValue())).findFirst().orElse(EnforceMode.ENFORCING);
    }

    @Override
    public List<BooleanState> booleans() {
        if (mode() == EnforceMode.DISABLED) {
            return List.of();
        }
        Map<String, String> persistent = keyValues("booleans.local");
        Map<String, int[]> runtime = runtimeBooleans();
        List<BooleanState> list = new ArrayList<>();
        for (SeBoolean b : catalog.all()) {
            boolean p = persistent.containsKey(b.name()) ? "1".equals(persistent.get(b.name())) : b.defaultValue();
            int[] r = runtime.get(b.name());
            boolean active = r == null ? p : r[0] == 1;
            boolean pending = r == null ? p : r[1] == 1;
            list.add(new BooleanState(b.name(), active, pending, p, b.defaultValue(), b.description()));
        }
        return list;
    }

    @Override
    public Optional<BooleanState> bool(String name) {
        return catalog.find(name).flatMap(b -> booleans().stream().filter(s -> s.name().equals(b.name())).findFirst());
    }

    /** Persistent values of every boolean (whether or not SELinux is running), for {@code semanage boolean -l}. */
    public Map<String, Boolean> persistentBooleans() {
        Map<String, String> persistent = keyValues("booleans.local");
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (SeBoolean b : catalog.all()) {
            m.put(b.name(), persistent.containsKey(b.name()) ? "1".equals(persistent.get(b.name())) : b.defaultValue());
        }
        return m;
    }

    @Override
    public Set<String> permissiveDomains() {
        return new LinkedHashSet<>(lines("permissive"));
    }

    /** The last file contexts built, with the two files' text they came from: rebuilt only when those change. */
    private volatile CachedContexts cachedContexts;

    private record CachedContexts(String local, String subs, FileContexts contexts) {
    }

    @Override
    public FileContexts fileContexts() {
        String localText = read("file_contexts.local").orElse("");
        String subsText = read("file_contexts.subs").orElse("");
        CachedContexts cached = cachedContexts;
        if (cached != null && cached.local().equals(localText) && cached.subs().equals(subsText)) {
            return cached.contexts();
        }
        FileContexts built = buildFileContexts();
        cachedContexts = new CachedContexts(localText, subsText, built);
        return built;
    }

    private FileContexts buildFileContexts() {
        List<FileContextSpec> local = new ArrayList<>();
        for (String line : lines("file_contexts.local")) {
            FileContextSpec.parseLine(line).ifPresent(local::add);
        }
        Map<String, String> subs = new LinkedHashMap<>();
        for (String line : lines("file_contexts.subs")) {
            String[] f = line.split("\\s+");
            if (f.length == 2) {
                subs.put(f[0], f[1]);
            }
        }
        return FileContexts.policy(catalog.flavor()).withLocal(local, subs);
    }

    // ---- changes ----

    /** setsebool: runtime values (selinuxfs' active and pending); with {@code persistent} also booleans.local. */
    public void setBooleans(Map<String, Boolean> values, boolean persistent) {
        locked(() -> {
            if (persistent) {
                Map<String, String> p = keyValues("booleans.local");
                values.forEach((k, v) -> p.put(k, v ? "1" : "0"));
                StringBuilder sb = new StringBuilder();
                p.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
                write("booleans.local", sb.toString());
            }
            if (mode() != EnforceMode.DISABLED) {
                Map<String, int[]> r = runtimeBooleans();
                for (BooleanState b : booleans()) {
                    r.putIfAbsent(b.name(), new int[] {b.active() ? 1 : 0, b.pending() ? 1 : 0});
                }
                values.forEach((k, v) -> r.put(k, new int[] {v ? 1 : 0, v ? 1 : 0}));
                StringBuilder sb = new StringBuilder();
                r.forEach((k, v) -> sb.append(k).append(' ').append(v[0]).append(' ').append(v[1]).append('\n'));
                write("runtime/booleans", sb.toString());
            }
        });
    }

    /** setenforce: the running mode only. */
    public void setEnforce(boolean enforcing) {
        locked(() -> write("runtime/mode", (enforcing ? EnforceMode.ENFORCING : EnforceMode.PERMISSIVE).configValue() + "\n"));
    }

    /** The {@code SELINUX=} line of the config file; takes effect at the next {@link #reboot()}. */
    public void setPersistentMode(EnforceMode mode) {
        locked(() -> {
            // keep the admin's other lines and comments, as an edit of /etc/selinux/config would
            List<String> lines = new ArrayList<>(read("config").map(t -> t.lines().toList()).orElse(List.of()));
            boolean set = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("SELINUX=")) {
                    lines.set(i, "SELINUX=" + mode.configValue());
                    set = true;
                }
            }
            if (!set) {
                lines.add("SELINUX=" + mode.configValue());
            }
            if (lines.stream().noneMatch(l -> l.strip().startsWith("SELINUXTYPE="))) {
                lines.add("SELINUXTYPE=targeted");
            }
            write("config", String.join("\n", lines) + "\n");
        });
    }

    /** Forgets runtime-only changes and boots from the persistent files, as a reboot does. */
    public void reboot() {
        locked(() -> {
            delete("runtime/mode");
            delete("runtime/booleans");
            write("runtime/mode", persistentMode().configValue() + "\n");
        });
    }

    /**
     * Writes {@code config} if missing and records the running mode at first use, so a later edit of
     * {@code config} waits for a reboot as it does on a real system. Quietly does nothing when the directory
     * is not writable.
     */
    public void boot() {
        if (Files.exists(dir.resolve("runtime/mode")) && Files.exists(dir.resolve("config"))) {
            return;
        }
        try {
            locked(() -> {
                if (!Files.exists(dir.resolve("config"))) {
                    // the admin's file to edit, as /etc/selinux/config
                    write("config", "# SELINUX= enforcing, permissive or disabled: the mode after the next"
                            + " 'jvsftpd-selinux reboot'\nSELINUX=" + persistentMode().configValue()
                            + "\nSELINUXTYPE=targeted\n");
                }
                if (!Files.exists(dir.resolve("runtime/mode"))) {
                    write("runtime/mode", persistentMode().configValue() + "\n");
                }
            });
        } catch (UncheckedIOException e) {
            // read-only state: the mode keeps following config
        }
    }

    /** semanage fcontext -a (or -m): replaces a local rule with the same regex and file type, else appends. */
    public boolean putFileContext(FileContextSpec spec) {
        boolean[] replaced = {false};
        locked(() -> {
            List<FileContextSpec> local = new ArrayList<>(fileContexts().local());
            for (int i = 0; i < local.size(); i++) {
                if (local.get(i).regex().equals(spec.regex()) && local.get(i).kind() == spec.kind()) {
                    local.set(i, spec);
                    replaced[0] = true;
                }
            }
            if (!replaced[0]) {
                local.add(spec);
            }
            writeSpecs(local);
        });
        return replaced[0];
    }

    /** semanage fcontext -d: false when no local rule has this regex and file type. */
    public boolean removeFileContext(String regex, FileKind kind) {
        boolean[] removed = {false};
        locked(() -> {
            List<FileContextSpec> local = new ArrayList<>(fileContexts().local());
            removed[0] = local.removeIf(s -> s.regex().equals(regex) && s.kind() == kind);
            writeSpecs(local);
        });
        return removed[0];
    }

    public void putEquivalence(String alias, String real) {
        locked(() -> {
            Map<String, String> subs = new LinkedHashMap<>(fileContexts().localEquivalences());
            subs.put(alias, real);
            writeSubs(subs);
        });
    }

    public boolean removeEquivalence(String alias) {
        boolean[] removed = {false};
        locked(() -> {
            Map<String, String> subs = new LinkedHashMap<>(fileContexts().localEquivalences());
            removed[0] = subs.remove(alias) != null;
            writeSubs(subs);
        });
        return removed[0];
    }

    public void setPermissive(String domain, boolean permissive) {
        locked(() -> {
            Set<String> d = permissiveDomains();
            if (permissive) {
                d.add(domain);
            } else {
                d.remove(domain);
            }
            write("permissive", d.isEmpty() ? "" : String.join("\n", d) + "\n");
        });
    }

    private void writeSpecs(List<FileContextSpec> local) {
        StringBuilder sb = new StringBuilder("# Local file context rules of jvsftpd's SELinux emulation"
                + " (semanage fcontext -a)\n");
        local.forEach(s -> sb.append(s.line()).append('\n'));
        write("file_contexts.local", sb.toString());
    }

    private void writeSubs(Map<String, String> subs) {
        StringBuilder sb = new StringBuilder();
        subs.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        write("file_contexts.subs", sb.toString());
    }

    // ---- files ----

    private Map<String, int[]> runtimeBooleans() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String line : lines("runtime/booleans")) {
            String[] f = line.split("\\s+");
            if (f.length == 3) {
                m.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
            }
        }
        return m;
    }

    private Map<String, String> keyValues(String name) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : lines(name)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return m;
    }

    /** Non-blank lines without comments. */
    private List<String> lines(String name) {
        return read(name).map(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()).orElse(List.of());
    }

    private Optional<String> read(String name) {
        try {
            return Optional.of(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(name), e);
        }
    }

    private void write(String name, String content) {
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private void delete(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(name), e);
        }
    }

    /** Read-modify-write under an exclusive lock on {@code .lock}, against concurrent CLI runs. */
    private void locked(Runnable change) {
        // a FileLock is per process; threads of one JVM queue here first
        synchronized (EmulatedStore.class) {
            lockedByProcess(change);
        }
    }

    private void lockedByProcess(Runnable change) {
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                change.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir, e);
        }
    }
}
