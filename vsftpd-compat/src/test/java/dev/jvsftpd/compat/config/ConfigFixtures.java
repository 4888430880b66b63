package dev.jvsftpd.compat.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers: config files written byte for byte, and the uid that owns them. */
final class ConfigFixtures {
    private ConfigFixtures() {
    }

    /** Writes {@code content} as Latin-1, so every char is exactly one byte (CR, NUL and all). */
    static Path write(Path file, String content) {
        try {
            Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The uid owning files this process creates: the uid vsftpd's owner check compares with. */
    static long ownUid(Path anyFileWeCreated) {
        try {
            return (Integer) Files.getAttribute(anyFileWeCreated, "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code content} as a config file of the given dialect, owned by us. */
    static VsftpdConfig load(Dialect dialect, Path dir, String content) {
        Path file = write(dir.resolve("vsftpd.conf"), content);
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(dialect);
        ConfigParser.loadFile(file, ownUid(file), builder);
        return builder.build();
    }

    /** Loads {@code content} and expects vsftpd's fatal error. */
    static OopsException loadFails(Dialect dialect, Path dir, String content) {
        return assertThrows(OopsException.class, () -> load(dialect, dir, content));
    }

    /** Applies one {@code -o}-style setting to the defaults. */
    static VsftpdConfig apply(Dialect dialect, String setting) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(dialect);
        ConfigParser.applySetting(setting, VsftpdConfig.Source.commandLine(), builder);
        return builder.build();
    }

    /** Exactly {@code bytes} bytes of column-1 comment lines. */
    static String padding(int bytes) {
        StringBuilder text = new StringBuilder(bytes);
        while (bytes - text.length() > 100) {
            text.append('#').append("x".repeat(98)).append('\n');
        }
        int rest = bytes - text.length();
        if (rest == 1) {
            text.append('\n');
        } else if (rest > 1) {
            text.append('#').append("x".repeat(rest - 2)).append('\n');
        }
        return text.toString();
    }
}
