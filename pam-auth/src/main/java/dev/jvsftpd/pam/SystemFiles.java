package dev.jvsftpd.pam;

import java.nio.file.Path;

/** The system files the Java side reads. Tests may point them elsewhere; production never does. */
public record SystemFiles(Path passwd, Path group, Path shadow, Path shells) {

    public static SystemFiles standard() {
        return new SystemFiles(Path.of("/etc/passwd"), Path.of("/etc/group"), Path.of("/etc/shadow"),
                Path.of("/etc/shells"));
    }

    public boolean isStandard() {
        return equals(standard());
    }
}
