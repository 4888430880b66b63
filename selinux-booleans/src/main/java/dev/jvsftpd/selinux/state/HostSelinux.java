package dev.jvsftpd.selinux.state;

import dev.jvsftpd.selinux.policy.BooleanCatalog;
import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.FileContexts;
import dev.jvsftpd.selinux.policy.Flavor;
import dev.jvsftpd.selinux.policy.SeBoolean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The real host's SELinux state, read the way libselinux reads it: {@code enforce} holds {@code 1} or
 * {@code 0}; {@code booleans/NAME} holds {@code "<active> <pending>"}; an unknown name is retried through
 * {@code booleans.subs_dist}. Both roots are injectable so a fake selinuxfs can stand in for the kernel's.
 * Read-only: changing the host belongs to the host's own tools.
 */
public final class HostSelinux implements SelinuxBackend {
    private final Path selinuxfs;
    private final Path etcSelinux;
    private final BooleanCatalog catalog;

    public HostSelinux(Path selinuxfs, Path etcSelinux, Flavor flavor) {
        this.selinuxfs = selinuxfs;
        this.etcSelinux = etcSelinux;
        this.catalog = BooleanCatalog.of(flavor);
    }

    /** is_selinux_enabled: selinuxfs is mounted with a policy loaded, which its {@code enforce} file shows. */
    public boolean enabled() {
        return Files.isRegularFile(selinuxfs.resolve("enforce"));
    }

    @Override
    public BooleanCatalog catalog() {
        return catalog;
    }

    @Override
    public EnforceMode mode() {
        if (!enabled()) {
            return EnforceMode.DISABLED;
        }
        return read(selinuxfs.resolve("enforce")).map(String::strip).filter("1"::equals).isPresent()
                ? EnforceMode.ENFORCING : EnforceMode.PERMISSIVE;
    }

    @Override
    public EnforceMode persistentMode() {
        return read(etcSelinux.resolve("config")).flatMap(text -> text.lines()
                        .map(String::strip).filter(l -> l.startsWith("SELINUX=")).findFirst())
                .map(l -> EnforceMode.parseConfig(l.substring("SELINUX=".length())))
                .orElse(EnforceMode.ENFORCING);
    }

    @Override
    public List<BooleanState> booleans() {
        List<BooleanState> list = new ArrayList<>();
        if (!enabled()) {
            return list;
        }
        for (SeBoolean b : catalog.all()) {
            readBoolean(b.name()).ifPresent(v -> list.add(state(b, v)));
        }
        return list;
    }

    @Override
    public Optional<BooleanState> bool(String name) {
        if (!enabled() || name.contains("/")) {
            return Optional.empty();
        }
        Optional<int[]> v = readBoolean(name);
        String canonical = name;
        if (v.isEmpty()) {
            canonical = substitute(name);
            v = readBoolean(canonical);
        }
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String c = canonical;
        SeBoolean def = catalog.find(c).orElse(new SeBoolean(c, false, Optional.empty(), ""));
        return Optional.of(state(def, v.get()));
    }

    /** The host's own alias file when it has one, our alias table otherwise. */
    public String substitute(String name) {
        Optional<String> text = read(etcSelinux.resolve("targeted").resolve("booleans.subs_dist"));
        if (text.isPresent()) {
            for (String line : text.get().lines().toList()) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 2 && !f[0].startsWith("#") && f[0].equals(name) && !f[1].contains("/")) {
                    return f[1];
                }
            }
            return name;
        }
        return catalog.substitute(name);
    }

    /** Every boolean of the host policy, as {@code getsebool -a} lists them. */
    public List<BooleanState> allBooleans() {
        List<BooleanState> list = new ArrayList<>();
        if (!enabled()) {
            return list;
        }
        for (String name : hostBooleanNames()) {
            SeBoolean def = catalog.find(name).orElse(new SeBoolean(name, false, Optional.empty(), ""));
            readBoolean(name).ifPresent(v -> list.add(state(def, v)));
        }
        return list;
    }

    /** All boolean names the host policy defines, sorted as scandir(alphasort) in the C locale. */
    public List<String> hostBooleanNames() {
        try (var s = Files.list(selinuxfs.resolve("booleans"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static BooleanState state(SeBoolean b, int[] v) {
        // the host's persistent store needs libsemanage; the committed pending value is the best view of it
        return new BooleanState(b.name(), v[0] == 1, v[1] == 1, v[1] == 1, b.defaultValue(), b.description());
    }

    private Optional<int[]> readBoolean(String name) {
        return read(selinuxfs.resolve("booleans").resolve(name)).map(text -> {
            String[] f = text.strip().split("\\s+");
            int active = Integer.parseInt(f[0]);
            int pending = f.length > 1 ? Integer.parseInt(f[1]) : active;
            return new int[] {active, pending};
        });
    }

    @Override
    public Set<String> permissiveDomains() {
        // per-domain permissive lives in the loaded policy, which selinuxfs does not expose as text
        return Set.of();
    }

    @Override
    public FileContexts fileContexts() {
        return FileContexts.policy(catalog.flavor());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
