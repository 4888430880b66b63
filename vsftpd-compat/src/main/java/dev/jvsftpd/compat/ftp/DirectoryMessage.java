package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.DIRMESSAGE_ENABLE;
import static dev.jvsftpd.compat.config.Directives.MESSAGE_FILE;

import dev.jvsftpd.compat.fs.Jail.Resolution;
import dev.jvsftpd.compat.policy.FilePolicy;
import dev.jvsftpd.compat.unix.FileMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * dirmessage_enable: the first time a session enters a directory, the lines of its message_file
 * go out as {@code 250-} lines before the CWD reply ({@code 230-} before the login reply).
 */
final class DirectoryMessage {
    /** vsftpd shows the first 4000 bytes. */
    private static final int MAX_BYTES = 4000;

    private DirectoryMessage() {
    }

    /**
     * The dashed lines to put before {@code code}'s reply, or "" when messages are off, the
     * directory was shown before, or it has no message file this session can read.
     */
    static String prefix(Exchange x, Resolution directory, int code) {
        if (!x.config().bool(DIRMESSAGE_ENABLE) || !x.state().firstVisit(directory.virtualPath())) {
            return "";
        }
        String name = x.config().string(MESSAGE_FILE);
        if (name == null || name.contains("/")) {
            return "";
        }
        Path file = directory.realPath().resolve(name);
        try {
            if (!Files.isRegularFile(file) || !FilePolicy.mayRead(x.user(), x.config(), FileMode.of(file), true)) {
                return "";
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            return text.isEmpty() ? "" : Reply.dashedLines(code, Arrays.asList(text.split("\n", -1)));
        } catch (IOException e) {
            return "";
        }
    }
}
