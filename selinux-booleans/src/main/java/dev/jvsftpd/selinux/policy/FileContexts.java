package dev.jvsftpd.selinux.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file context database as libselinux loads it: the policy's file_contexts (sorted by specificity),
 * file_contexts.homedirs, then file_contexts.local in the order the admin added rules; plain paths moved
 * behind all regexes; a lookup scans from the end and the first match wins. Path equivalences
 * ({@code semanage fcontext -a -e}) rewrite the path first, local ones before the distribution's. Immutable.
 */
public final class FileContexts {
    private final List<FileContextSpec> base;
    private final List<FileContextSpec> homedirs;
    private final List<FileContextSpec> local;
    private final Map<String, String> distSubs;
    private final Map<String, String> localSubs;
    private final List<FileContextSpec> ordered;
    private final List<FileContextSpec> orderedInstalled;

    FileContexts(List<FileContextSpec> base, List<FileContextSpec> homedirs, List<FileContextSpec> local,
                 Map<String, String> distSubs, Map<String, String> localSubs) {
        List<FileContextSpec> b = new ArrayList<>(base);
        b.sort(FileContextSpec.SPECIFICITY); // List.sort is stable, like libsemanage's merge sort
        List<FileContextSpec> h = new ArrayList<>(homedirs);
        h.sort(FileContextSpec.SPECIFICITY);
        this.base = List.copyOf(b);
        this.homedirs = List.copyOf(h);
        this.local = List.copyOf(local);
        this.distSubs = Collections.unmodifiableMap(new LinkedHashMap<>(distSubs));
        this.localSubs = Collections.unmodifiableMap(new LinkedHashMap<>(localSubs));
        this.ordered = lookupOrder(this.base, this.homedirs, this.local);
        this.orderedInstalled = lookupOrder(this.base, this.homedirs, List.of());
    }

    private static final Map<Flavor, FileContexts> POLICY = new java.util.EnumMap<>(Flavor.class);

    static {
        for (Flavor f : Flavor.values()) {
            POLICY.put(f, new FileContexts(PolicyFileContexts.base(f), PolicyFileContexts.homedirs(),
                    List.of(), PolicyFileContexts.distEquivalences(), Map.of()));
        }
    }

    /** The policy's own contexts for a flavor, without local customizations. */
    public static FileContexts policy(Flavor flavor) {
        return POLICY.get(flavor);
    }

    /** The same policy with these local rules and local equivalences. */
    public FileContexts withLocal(List<FileContextSpec> localSpecs, Map<String, String> equivalences) {
        if (localSpecs.isEmpty() && equivalences.isEmpty() && local.isEmpty() && localSubs.isEmpty()) {
            return this;
        }
        return new FileContexts(base, homedirs, localSpecs, distSubs, equivalences);
    }

    private static List<FileContextSpec> lookupOrder(List<FileContextSpec> b, List<FileContextSpec> h,
                                                     List<FileContextSpec> l) {
        List<FileContextSpec> regexes = new ArrayList<>();
        List<FileContextSpec> plain = new ArrayList<>();
        for (List<FileContextSpec> part : List.of(b, h, l)) {
            for (FileContextSpec s : part) {
                (s.hasMeta() ? regexes : plain).add(s);
            }
        }
        regexes.addAll(plain);
        return List.copyOf(regexes);
    }

    /** matchpathcon: the spec that labels this path, if any. */
    public Optional<FileContextSpec> match(String path, FileKind kind) {
        return scan(ordered, substitute(substitute(path, localSubs), distSubs), kind);
    }

    /** The context restorecon would set; empty for {@code <<none>>} or no match. */
    public Optional<SecurityContext> lookup(String path, FileKind kind) {
        return match(path, kind).flatMap(FileContextSpec::context);
    }

    /**
     * The label a path got when the system was installed: policy and home directory rules only, since local
     * rules take effect through restorecon, never by themselves.
     */
    public Optional<FileContextSpec> installedMatch(String path, FileKind kind) {
        return scan(orderedInstalled, substitute(path, distSubs), kind);
    }

    private static Optional<FileContextSpec> scan(List<FileContextSpec> specs, String path, FileKind kind) {
        for (int i = specs.size() - 1; i >= 0; i--) {
            if (specs.get(i).matches(path, kind)) {
                return Optional.of(specs.get(i));
            }
        }
        return Optional.empty();
    }

    /** selabel_sub: an equivalence applies to the path itself and everything below it. */
    static String substitute(String path, Map<String, String> subs) {
        for (Map.Entry<String, String> e : subs.entrySet()) {
            String src = e.getKey();
            if (path.startsWith(src) && (path.length() == src.length() || path.charAt(src.length()) == '/')) {
                return e.getValue() + path.substring(src.length());
            }
        }
        return path;
    }

    public List<FileContextSpec> local() {
        return local;
    }

    public Map<String, String> localEquivalences() {
        return localSubs;
    }

    public Map<String, String> distEquivalences() {
        return distSubs;
    }

    /** Whether the policy (not the local rules) defines a spec with this regex and kind. */
    public boolean definedInPolicy(String regex, FileKind kind) {
        return base.stream().anyMatch(s -> s.regex().equals(regex) && s.kind() == kind)
                || homedirs.stream().anyMatch(s -> s.regex().equals(regex) && s.kind() == kind);
    }

    /** Every spec, policy then local, for {@code semanage fcontext -l}. */
    public List<FileContextSpec> all() {
        List<FileContextSpec> all = new ArrayList<>(base);
        all.addAll(homedirs);
        all.addAll(local);
        return all;
    }
}
