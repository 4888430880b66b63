package dev.jvsftpd.pam.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** File reading as the C modules do it: fgets into a fixed buffer, lstat/stat checks. */
final class TextFiles {
    private TextFiles() {
    }

    /** What fgets with a buffer of {@code size} bytes returns, piece by piece (newlines kept). */
    static List<String> fgets(byte[] bytes, int size) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> pieces = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int limit = Math.min(text.length(), pos + size - 1);
            int nl = text.indexOf('\n', pos);
            int end = nl >= 0 && nl < limit ? nl + 1 : limit;
            pieces.add(utf8(text.substring(pos, end)));
            pos = end;
        }
        return pieces;
    }

    static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** lstat (or stat when following links): empty when it fails. */
    static Optional<PosixFileAttributes> stat(Path file, boolean followLinks) {
        try {
            return Optional.of(followLinks ? Files.readAttributes(file, PosixFileAttributes.class)
                    : Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The check both pam_listfile and pam_shells make: a regular file nobody else may write. */
    static boolean regularAndNotWorldWritable(PosixFileAttributes a) {
        return a.isRegularFile() && !a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
    }
}
