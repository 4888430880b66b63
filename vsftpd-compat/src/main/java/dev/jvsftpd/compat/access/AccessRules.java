package dev.jvsftpd.compat.access;

import static dev.jvsftpd.compat.config.Directives.DENY_FILE;
import static dev.jvsftpd.compat.config.Directives.DOWNLOAD_FILE;
import static dev.jvsftpd.compat.config.Directives.HIDE_FILE;
import static dev.jvsftpd.compat.config.Directives.UPLOAD_FILE;

import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.fs.Jail;
import dev.jvsftpd.compat.unix.UnixIdentity;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One session's filename rules: deny_file, hide_file and Debian's upload_file/download_file
 * (sections 5.1, 5.3, 5.6). Arguments are checked as the client typed them, after the caller's
 * {@code ~} expansion; Debian's name view normalises them through {@code resolver} relative to
 * the session cwd. A null or empty pattern means the directive is unset.
 *
 * @param resolver realpath inside the session's jail; only the Debian dialect uses it
 */
public record AccessRules(Dialect dialect, String denyFile, String hideFile, String uploadFile,
        String downloadFile, NameResolver resolver) {

    public AccessRules {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(resolver, "resolver");
        // "deny_file=" leaves the check off: the Debian binary denies nothing with it, although
        // the substring fallback would match every name against an empty pattern
        denyFile = unsetIfEmpty(denyFile);
        hideFile = unsetIfEmpty(hideFile);
        uploadFile = unsetIfEmpty(uploadFile);
        downloadFile = unsetIfEmpty(downloadFile);
    }

    private static String unsetIfEmpty(String pattern) {
        return pattern == null || pattern.isEmpty() ? null : pattern;
    }

    /** The rules of {@code config} for a session confined to {@code jail} acting as {@code who}. */
    public static AccessRules of(VsftpdConfig config, Jail jail, UnixIdentity who) {
        return of(config, NameResolver.in(jail, who));
    }

    public static AccessRules of(VsftpdConfig config, NameResolver resolver) {
        // upload_file and download_file exist only in Debian's build; elsewhere they read as unset
        return new AccessRules(config.dialect(), config.string(DENY_FILE), config.string(HIDE_FILE),
                config.string(UPLOAD_FILE), config.string(DOWNLOAD_FILE), resolver);
    }

    /** deny_file: the command gets {@code 550 Permission denied.} and touches nothing. */
    public boolean denied(String cwd, String argument) {
        return denyFile != null && matchesOrContains(cwd, argument, denyFile);
    }

    /**
     * hide_file, for one directory entry name. Debian resolves the name against the session cwd,
     * not the listed directory, as vsftpd does (section 5.3).
     */
    public boolean hidden(String cwd, String entryName) {
        return hideFile != null && matchesOrContains(cwd, entryName, hideFile);
    }

    /** hide_file as the listing's filter wants it, for a session sitting in {@code cwd}. */
    public Predicate<String> hiddenIn(String cwd) {
        return hideFile == null ? name -> false : name -> hidden(cwd, name);
    }

    /** STOR, APPE, STOU (the generated name): not denied, and upload_file unset or matching. */
    public boolean uploadAllowed(String cwd, String argument) {
        return !denied(cwd, argument) && (uploadFile == null || matchesOrContains(cwd, argument, uploadFile));
    }

    /** RETR: not denied, and download_file unset or matching. */
    public boolean downloadAllowed(String cwd, String argument) {
        return !denied(cwd, argument) && (downloadFile == null || matchesOrContains(cwd, argument, downloadFile));
    }

    /**
     * The LIST/NLST pattern: the same matcher and name view, without the substring fallback.
     * Entry names are resolved against the session cwd, as for hide_file.
     */
    public Predicate<String> listPattern(String cwd, String pattern) {
        NameView view = view(cwd);
        return name -> VsftpdPattern.matches(dialect, name, pattern, view);
    }

    /** The pattern match alone (no substring fallback) in this dialect's name view. */
    public boolean matches(String cwd, String name, String pattern) {
        return VsftpdPattern.matches(dialect, name, pattern, view(cwd));
    }

    /** What this dialect compares a name with, for a session in {@code cwd}. */
    public NameView view(String cwd) {
        return switch (dialect) {
            case UPSTREAM -> NameView.RAW;
            case DEBIAN -> NameView.debian(resolver, cwd);
            case RHEL -> NameView.rhel(cwd);
        };
    }

    /** vsftpd falls back to a plain substring test of the raw name against the raw pattern. */
    private boolean matchesOrContains(String cwd, String name, String pattern) {
        return matches(cwd, name, pattern) || name.contains(pattern);
    }
}
