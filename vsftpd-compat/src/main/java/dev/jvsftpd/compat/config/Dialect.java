package dev.jvsftpd.compat.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which build of vsftpd 3.0.3 a config is read as. They differ only in compiled defaults, a few
 * directives of their own, string trimming and the default config path.
 */
public enum Dialect {
    /** Debian 12's package: the oracle we can run. */
    DEBIAN(Path.of("/etc/vsftpd.conf"), true),
    /** The pristine 3.0.3 tarball. */
    UPSTREAM(Path.of("/etc/vsftpd.conf"), false),
    /** RHEL/CentOS/Fedora: files under /etc/vsftpd/. */
    RHEL(Path.of("/etc/vsftpd/vsftpd.conf"), true);

    /** jvsftpd's own setting lives in the environment, where vsftpd never looks. */
    public static final String ENVIRONMENT_VARIABLE = "JVSFTPD_DIALECT";

    private final Path defaultConfigFile;
    private final boolean trimsStrings;

    Dialect(Path defaultConfigFile, boolean trimsStrings) {
        this.defaultConfigFile = defaultConfigFile;
        this.trimsStrings = trimsStrings;
    }

    /** The file loaded when no config file is named on the command line. */
    public Path defaultConfigFile() {
        return defaultConfigFile;
    }

    /** Debian and RHEL strip leading and trailing blanks (CR included) from string values. */
    public boolean trimsStrings() {
        return trimsStrings;
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the dialect from {@value #ENVIRONMENT_VARIABLE}; Debian when unset. */
    public static Dialect fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return DEBIAN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OopsException("bad " + ENVIRONMENT_VARIABLE + ": " + value,
                    ENVIRONMENT_VARIABLE + " must be one of debian, upstream, rhel");
        }
    }
}
