package dev.jvsftpd.pam.stack;

import java.nio.file.Path;

/**
 * Something wrong in a pam.d file, where it is, and what PAM does about it.
 *
 * @param file    the file
 * @param line    the line number, 1-based; 0 for the file as a whole
 * @param message what is wrong and its consequence, e.g. "unknown control 'bogus': every login through
 *                this line fails (PAM_PERM_DENIED)"
 * @param harmless the line's control ignores the failure (an optional module that is missing), so
 *                 no login is refused because of it
 */
public record ConfigProblem(Path file, int line, String message, boolean harmless) {

    public ConfigProblem(Path file, int line, String message) {
        this(file, line, message, false);
    }

    public ConfigProblem {
        // tokens can carry a file's newlines and carriage returns; keep log lines on one line
        message = message.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + message : file + ": " + message;
    }
}
