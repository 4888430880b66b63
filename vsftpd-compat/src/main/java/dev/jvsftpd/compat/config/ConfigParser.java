package dev.jvsftpd.compat.config;

import dev.jvsftpd.compat.config.VsftpdConfig.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * vsftpd.conf's grammar (reference section 1.3): lines split on LF only, column-1 {@code #}
 * comments, the name is everything before the first {@code =}, looked up exactly in the string,
 * then boolean, then unsigned table. Errors carry vsftpd's exact text plus file, line and a hint.
 */
public final class ConfigParser {
    /** vsftpd reads at most this many bytes of a config file. */
    static final int MAX_FILE_BYTES = 100_000;

    private ConfigParser() {
    }

    /**
     * Loads a config file onto {@code builder} after vsftpd's checks: readable, a regular file
     * owned by the uid we run as.
     */
    public static void loadFile(Path file, long ownerUid, VsftpdConfig.Builder builder) {
        load(file, ownerUid, builder, error -> {
            throw error;
        });
    }

    /**
     * A SIGHUP's reading (reference section 1.1, item 6): the same checks, but a bad line is
     * skipped rather than fatal.
     *
     * @return the errors of the skipped lines, for the log
     */
    public static List<OopsException> loadFileLeniently(Path file, long ownerUid, VsftpdConfig.Builder builder) {
        List<OopsException> skipped = new ArrayList<>();
        load(file, ownerUid, builder, skipped::add);
        return skipped;
    }

    private static void load(Path file, long ownerUid, VsftpdConfig.Builder builder, Consumer<OopsException> badLine) {
        String text = readChecked(file, ownerUid);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.charAt(0) == '#' || line.chars().allMatch(c -> ValueSyntax.isCSpace((char) c))) {
                continue;
            }
            try {
                applySetting(line, new Source(file.toString(), i + 1), builder);
            } catch (OopsException e) {
                badLine.accept(e);
            }
        }
    }

    /** One {@code name=value} setting, as given to {@code -o} or read from a line. */
    public static void applySetting(String setting, Source source, VsftpdConfig.Builder builder) {
        // vsftpd handles the setting as a C string (a NUL ends it) and strips leading blanks here,
        // so "-o  name=value" works too.
        int nul = setting.indexOf('\0');
        setting = stripLeading(nul < 0 ? setting : setting.substring(0, nul));
        int eq = setting.indexOf('=');
        String name = eq < 0 ? setting : setting.substring(0, eq);
        String value = eq < 0 ? "" : setting.substring(eq + 1);
        Dialect dialect = builder.dialect();
        Directive directive = Directives.lookup(name, dialect).orElse(null);

        if (directive != null && directive.type() == Directive.Type.STRING) {
            builder.set(directive, ValueSyntax.parseString(value, dialect), source);
            return;
        }
        if (value.isEmpty()) {
            throw error("missing value in config file for: " + name, source,
                    directive == null ? ConfigHints.forUnknown(name, dialect) : "'" + name + "' needs a value after '='");
        }
        if (directive == null) {
            throw error("unrecognised variable in config file: " + name, source, ConfigHints.forUnknown(name, dialect));
        }
        if (directive.type() == Directive.Type.BOOL) {
            Boolean parsed = ValueSyntax.parseBool(value);
            if (parsed == null) {
                throw error("bad bool value in config file for: " + name, source, ConfigHints.forBadBool(value));
            }
            builder.set(directive, parsed, source);
        } else {
            builder.set(directive, ValueSyntax.parseUint(value), source);
        }
    }

    private static OopsException error(String vsftpdText, Source source, String hint) {
        return new OopsException(vsftpdText, source + ": " + hint);
    }

    private static String readChecked(Path file, long ownerUid) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES);
        } catch (IOException e) {
            // vsftpd opens a directory fine and reads nothing from it; its owner check rejects it below.
            // ("" would name the working directory in Java; open("") fails in C.)
            if (file.toString().isEmpty() || !Files.isDirectory(file) || !Files.isReadable(file)) {
                throw new OopsException("cannot read config file: " + file, file + ": " + describe(e));
            }
            bytes = new byte[0];
        }
        try {
            // stat(2), not lstat(2): vsftpd follows a symlink to a regular file owned by the right uid.
            Object owner = Files.getAttribute(file, "unix:uid");
            if (!Files.isRegularFile(file) || ((Integer) owner) != ownerUid) {
                throw new OopsException("config file not owned by correct user, or not a file",
                        file + ": must be a regular file owned by uid " + ownerUid + " (it is owned by uid " + owner + ")");
            }
        } catch (IOException e) {
            throw new OopsException("cannot read config file: " + file, file + ": " + describe(e));
        }
        // vsftpd is byte-oriented; Latin-1 keeps every byte as one char so nothing is lost.
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    private static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && ValueSyntax.isCSpace(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }
}
