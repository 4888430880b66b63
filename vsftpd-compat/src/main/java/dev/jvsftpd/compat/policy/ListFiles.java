package dev.jvsftpd.compat.policy;

import dev.jvsftpd.compat.config.OopsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** vsftpd's name-list files (user_list, banned e-mails, chroot_list): exact lines, nothing trimmed. */
final class ListFiles {
    private ListFiles() {
    }

    /**
     * The file's non-empty lines as they are (a CRLF line keeps its CR and so matches nothing).
     *
     * @param oopsText vsftpd's text for an unreadable file; the path is appended
     */
    static Set<String> lines(String file, String oopsText) {
        try {
            String text = Files.readString(Path.of(file == null ? "" : file), StandardCharsets.ISO_8859_1);
            return Arrays.stream(text.split("\n")).filter(line -> !line.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException | RuntimeException e) {
            throw new OopsException(oopsText + file, file + ": cannot be read by jvsftpd");
        }
    }
}
