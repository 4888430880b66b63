package dev.jvsftpd.selinux.state;

import dev.jvsftpd.selinux.policy.LabeledObject;
import dev.jvsftpd.selinux.policy.ObjectClass;
import dev.jvsftpd.selinux.policy.SecurityContext;
import dev.jvsftpd.selinux.policy.TypeTransitions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's real labels, the {@code security.selinux} attribute. Java reaches only {@code user.*}
 * attributes, so they are read with coreutils {@code stat --printf=%C} (SELinux-enabled on RHEL and Debian),
 * one process for a whole path. A file without a label is {@code unlabeled_t}, as the kernel treats it.
 * Read-only: the kernel labels new files itself.
 */
public final class HostLabels implements LabelView {
    static final SecurityContext UNLABELED = SecurityContext.object("unlabeled_t");

    private final Path root;
    private final String statCommand;

    public HostLabels(Path root) {
        this(root, "stat");
    }

    HostLabels(Path root, String statCommand) {
        this.root = root.toAbsolutePath().normalize();
        this.statCommand = statCommand;
    }

    @Override
    public Optional<String> policyPath(Path real) {
        return EmulatedLabels.policyPath(root, real);
    }

    @Override
    public List<LabeledObject> chain(Path real) {
        Path target = real.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>();
        if (target.startsWith(root)) {
            Path current = root;
            paths.add(current);
            for (Path part : root.relativize(target)) {
                if (part.toString().isEmpty()) {
                    continue;
                }
                current = current.resolve(part);
                if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                    break;
                }
                paths.add(current);
            }
        }
        List<Optional<SecurityContext>> labels = read(paths);
        List<LabeledObject> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            out.add(new LabeledObject(policyPath(p).orElseThrow(), LabelView.classOf(p), labels.get(i).orElse(UNLABELED),
                    Inodes.of(p)));
        }
        return out;
    }

    /** The label of each path, by one {@code stat} run; empty where the file has none. */
    public List<Optional<SecurityContext>> read(List<Path> paths) {
        List<Optional<SecurityContext>> out = new ArrayList<>();
        if (paths.isEmpty()) {
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of(statCommand, "--printf=%C\\n", "--"));
        paths.forEach(p -> cmd.add(p.toString()));
        try {
            Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text;
            try (InputStream in = proc.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            proc.waitFor();
            List<String> lines = text.lines().toList();
            if (lines.size() != paths.size()) {
                // a file vanished in between; ask one by one
                if (paths.size() > 1) {
                    for (Path p : paths) {
                        out.addAll(read(List.of(p)));
                    }
                    return out;
                }
                out.add(Optional.empty());
                return out;
            }
            for (String line : lines) {
                String l = line.strip();
                out.add(l.isEmpty() || l.equals("?") ? Optional.empty() : Optional.of(SecurityContext.parse(l)));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + statCommand + " to read SELinux labels: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading SELinux labels", e);
        }
    }

    @Override
    public SecurityContext labelForNew(Path real, ObjectClass cls) {
        Path p = real.toAbsolutePath().normalize();
        List<LabeledObject> parent = chain(p.getParent());
        SecurityContext parentLabel = parent.isEmpty() ? UNLABELED : parent.get(parent.size() - 1).context();
        return TypeTransitions.newObjectContext(parentLabel, p.getFileName().toString(), cls);
    }

    @Override
    public void created(Path real, ObjectClass cls) {
        // the host kernel labels the file
    }

    @Override
    public void pin(Path real) {
        // real labels follow renames by themselves
    }
}
