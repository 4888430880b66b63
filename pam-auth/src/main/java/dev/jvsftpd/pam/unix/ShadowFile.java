package dev.jvsftpd.pam.unix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads shadow(5) directly, as pam_unix does when it runs as root. */
public final class ShadowFile {
    private ShadowFile() {
    }

    /** The user's entry; empty when the file or the line is missing or unreadable. */
    public static Optional<ShadowEntry> lookup(Path shadow, String name) {
        try {
            for (String line : Files.readAllLines(shadow, StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length >= 2 && f[0].equals(name) && !line.startsWith("+") && !line.startsWith("-")) {
                    return Optional.of(new ShadowEntry(f[0], f[1], num(f, 2), num(f, 3), num(f, 4), num(f, 5),
                            num(f, 6), num(f, 7)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static long num(String[] f, int i) {
        if (i >= f.length || f[i].isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(f[i]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
