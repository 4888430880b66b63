package dev.jvsftpd.pam;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How an authenticator is set up.
 *
 * @param backend        libpam, the Java interpreter, or whichever is available
 * @param confDir        a private pam.d directory (pam_start_confdir), or null for the system's;
 *                       with one, only {@code confDir/<service>} and {@code confDir/other} are read
 * @param sessionSupport vsftpd's session_support: also pam_open_session, closed at logout
 * @param failDelay      who waits out a failed login's delay: the authenticator (as libpam does
 *                       for vsftpd) or the caller, who gets it in {@link PamResult#failDelay()}
 * @param dialect        whose pam.d rules the interpreter and the configuration check follow
 * @param files          where the interpreter finds shadow, shells and (when not using the C
 *                       library) passwd and group
 */
public record PamOptions(Backend backend, Path confDir, boolean sessionSupport, FailDelay failDelay,
                         Dialect dialect, SystemFiles files) {

    /** Who sleeps after a failure. */
    public enum FailDelay {
        /** The authenticator sleeps before it returns, as libpam does inside pam_authenticate. */
        SLEEP,
        /** Nobody sleeps; the delay is reported so that the caller can wait without blocking a thread. */
        REPORT
    }

    public PamOptions {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(failDelay, "failDelay");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(files, "files");
    }

    /** libpam if present, the system pam.d, no sessions, libpam's own sleeping, the host's dialect. */
    public static PamOptions defaults() {
        return new PamOptions(Backend.AUTO, null, false, FailDelay.SLEEP, Dialect.ofHost(), SystemFiles.standard());
    }

    public PamOptions withBackend(Backend value) {
        return new PamOptions(value, confDir, sessionSupport, failDelay, dialect, files);
    }

    public PamOptions withConfDir(Path value) {
        return new PamOptions(backend, value, sessionSupport, failDelay, dialect, files);
    }

    public PamOptions withSessionSupport(boolean value) {
        return new PamOptions(backend, confDir, value, failDelay, dialect, files);
    }

    public PamOptions withFailDelay(FailDelay value) {
        return new PamOptions(backend, confDir, sessionSupport, value, dialect, files);
    }

    public PamOptions withDialect(Dialect value) {
        return new PamOptions(backend, confDir, sessionSupport, failDelay, value, files);
    }

    public PamOptions withFiles(SystemFiles value) {
        return new PamOptions(backend, confDir, sessionSupport, failDelay, dialect, value);
    }
}
