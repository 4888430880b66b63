package dev.jvsftpd.pam;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whose Linux-PAM the interpreter imitates. Debian patches two things that change verdicts:
 * relative include/substack/@include names always resolve under /etc/pam.d (even with a private
 * configuration directory), and {@code @include} exists at all.
 */
public enum Dialect {
    DEBIAN, UPSTREAM;

    /** Debian (and derivatives) when the host says so, upstream otherwise. */
    public static Dialect ofHost() {
        return Files.exists(Path.of("/etc/debian_version")) ? DEBIAN : UPSTREAM;
    }
}
