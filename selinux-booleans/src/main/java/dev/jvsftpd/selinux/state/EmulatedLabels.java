package dev.jvsftpd.selinux.state;

import dev.jvsftpd.selinux.policy.FileContextSpec;
import dev.jvsftpd.selinux.policy.FileContexts;
import dev.jvsftpd.selinux.policy.FileKind;
import dev.jvsftpd.selinux.policy.LabeledObject;
import dev.jvsftpd.selinux.policy.ObjectClass;
import dev.jvsftpd.selinux.policy.SecurityContext;
import dev.jvsftpd.selinux.policy.TypeTransitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Labels of the emulation, stored on the files themselves in the user extended attribute
 * {@code user.jvsftpd.selinux} (the context as text, e.g. {@code system_u:object_r:public_content_rw_t:s0}).
 * On the file, a label follows renames and vanishes with the file, like the real {@code security.selinux};
 * a user attribute needs no privilege and no SELinux kernel.
 * <p>
 * A file without the attribute has the label the system would have given it: the installed label (policy
 * file contexts, not local rules, which only restorecon applies) under a directory that still has its
 * installed type, else the label it would have inherited when created under its relabeled parent.
 */
public final class EmulatedLabels implements LabelView {
    /** The attribute name without the {@code user.} namespace the Java view adds. */
    public static final String ATTRIBUTE = "jvsftpd.selinux";

    private final Path root;
    private final Supplier<FileContexts> contexts;

    public EmulatedLabels(Path root, Supplier<FileContexts> contexts) {
        this.root = root.toAbsolutePath().normalize();
        this.contexts = contexts;
    }

    /** A label with whether it departs from the installed one (then new children inherit it). */
    public record Effective(LabeledObject object, boolean custom) {
    }

    @Override
    public Optional<String> policyPath(Path real) {
        return policyPath(root, real);
    }

    static Optional<String> policyPath(Path root, Path real) {
        Path p = real.toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            return Optional.empty();
        }
        Path rel = root.relativize(p);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (!part.toString().isEmpty()) {
                sb.append('/').append(part);
            }
        }
        return Optional.of(sb.length() == 0 ? "/" : sb.toString());
    }

    /** The real path of a policy path ({@code /var/ftp} → root/var/ftp). */
    public Path realPath(String policyPath) {
        Path p = root;
        for (String part : policyPath.split("/")) {
            if (!part.isEmpty()) {
                p = p.resolve(part);
            }
        }
        return p;
    }

    public Path root() {
        return root;
    }

    @Override
    public List<LabeledObject> chain(Path real) {
        return effectiveChain(real).stream().map(Effective::object).toList();
    }

    /** Effective labels from the root down to {@code real}, stopping at the first component that does not exist. */
    public List<Effective> effectiveChain(Path real) {
        Path target = real.toAbsolutePath().normalize();
        List<Effective> out = new ArrayList<>();
        if (!target.startsWith(root) || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        FileContexts fc = contexts.get(); // once per chain: the store reads its files for it
        Path current = root;
        Effective parent = null;
        List<Path> parts = new ArrayList<>();
        root.relativize(target).forEach(parts::add);
        int i = -1;
        while (true) {
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
            Effective e = effective(current, parent, fc);
            out.add(e);
            parent = e;
            i++;
            if (i >= parts.size() || parts.get(i).toString().isEmpty()) {
                break;
            }
            current = current.resolve(parts.get(i));
        }
        return out;
    }

    /** The effective label of one existing object, given its parent's. */
    Effective effective(Path real, Effective parent, FileContexts fc) {
        String path = policyPath(real).orElseThrow();
        ObjectClass cls = LabelView.classOf(real);
        FileKind kind = FileKind.of(cls);
        Optional<SecurityContext> installed = fc.installedMatch(path, kind)
                .flatMap(FileContextSpec::context);
        Optional<SecurityContext> stored = stored(real);
        SecurityContext label;
        boolean custom;
        if (stored.isPresent()) {
            label = stored.get();
            custom = installed.map(i -> !i.type().equals(label.type())).orElse(parent != null && parent.custom());
        } else if (parent == null) {
            label = installed.orElse(SecurityContext.object("root_t"));
            custom = false;
        } else if (parent.custom() || installed.isEmpty()) {
            label = TypeTransitions.newObjectContext(parent.object().context(), real.getFileName().toString(), cls);
            custom = parent.custom();
        } else {
            label = installed.get();
            custom = false;
        }
        return new Effective(new LabeledObject(path, cls, label, Inodes.of(real)), custom);
    }

    /** The label stored on the file, if any. */
    public Optional<SecurityContext> stored(Path real) {
        if (Files.isSymbolicLink(real)) {
            return Optional.empty(); // Linux keeps no user attributes on symlinks
        }
        try {
            UserDefinedFileAttributeView view = view(real);
            if (view == null || !view.list().contains(ATTRIBUTE)) {
                return Optional.empty();
            }
            ByteBuffer buf = ByteBuffer.allocate(view.size(ATTRIBUTE));
            view.read(ATTRIBUTE, buf);
            buf.flip();
            return Optional.of(SecurityContext.parse(StandardCharsets.UTF_8.decode(buf).toString()));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Sets a label (restorecon, chcon). Before a directory changes label, its unlabeled children get their
     * current label written down, because real children keep theirs.
     */
    public void setLabel(Path real, SecurityContext label) {
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            List<Effective> chain = effectiveChain(real);
            if (!chain.isEmpty()) {
                Effective self = chain.get(chain.size() - 1);
                try (Stream<Path> children = Files.list(real)) {
                    for (Path child : children.toList()) {
                        if (!Files.isSymbolicLink(child) && stored(child).isEmpty()) {
                            write(child, effective(child, self, contexts.get()).object().context());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        write(real, label);
    }

    @Override
    public SecurityContext labelForNew(Path real, ObjectClass cls) {
        Path p = real.toAbsolutePath().normalize();
        List<LabeledObject> parent = chain(p.getParent());
        SecurityContext parentLabel = parent.isEmpty() ? SecurityContext.object("default_t")
                : parent.get(parent.size() - 1).context();
        return TypeTransitions.newObjectContext(parentLabel, p.getFileName().toString(), cls);
    }

    @Override
    public void created(Path real, ObjectClass cls) {
        if (policyPath(real).isPresent() && !Files.isSymbolicLink(real)) {
            write(real, labelForNew(real, cls));
        }
    }

    @Override
    public void pin(Path real) {
        if (stored(real).isEmpty() && !Files.isSymbolicLink(real)) {
            List<LabeledObject> chain = chain(real);
            if (!chain.isEmpty() && chain.get(chain.size() - 1).path().equals(policyPath(real).orElse(""))) {
                write(real, chain.get(chain.size() - 1).context());
            }
        }
    }

    private void write(Path real, SecurityContext label) {
        try {
            UserDefinedFileAttributeView view = view(real);
            if (view == null) {
                throw new IOException("Operation not supported");
            }
            view.write(ATTRIBUTE, StandardCharsets.UTF_8.encode(label.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(real + ": " + e.getMessage(), e);
        }
    }

    private static UserDefinedFileAttributeView view(Path real) {
        return Files.getFileAttributeView(real, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }
}
