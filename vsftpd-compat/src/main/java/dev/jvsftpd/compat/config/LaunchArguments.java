package dev.jvsftpd.compat.config;

import dev.jvsftpd.compat.config.VsftpdConfig.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * vsftpd's command line, {@code [config-file]... [-oname=value]... [-v]}, applied left to right
 * (reference section 1.1). When no file is named, the dialect's default file is loaded after
 * every {@code -o}, so it overrides them, as vsftpd does.
 */
public final class LaunchArguments {
    /** What the command line asks for. */
    public enum Action { SERVE, PRINT_VERSION, PRINT_HELP, PRINT_DIRECTIVES }

    /** The outcome: what to do, with the config built and the files that went into it. */
    public record Launch(Action action, VsftpdConfig config, List<Path> configFiles) {
        public Launch {
            configFiles = List.copyOf(configFiles);
        }
    }

    private LaunchArguments() {
    }

    public static Launch parse(List<String> args, Dialect dialect, long ownerUid) {
        return parse(args, dialect, ownerUid, dialect.defaultConfigFile());
    }

    /** As {@link #parse(List, Dialect, long)} with another default file (tests, chroots). */
    public static Launch parse(List<String> args, Dialect dialect, long ownerUid, Path defaultFile) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(dialect);
        List<Path> files = new ArrayList<>();
        boolean fileNamed = false;
        for (String arg : args) {
            if (arg.startsWith("-v")) { // vsftpd looks only at the letter after '-': "-vx" is -v too
                return new Launch(Action.PRINT_VERSION, builder.build(), files);
            } else if (arg.equals("--help") || arg.equals("-h")) {
                return new Launch(Action.PRINT_HELP, builder.build(), files);
            } else if (arg.equals("--directives")) {
                return new Launch(Action.PRINT_DIRECTIVES, builder.build(), files);
            } else if (arg.startsWith("-o")) {
                ConfigParser.applySetting(arg.substring(2), Source.commandLine(), builder);
            } else if (arg.startsWith("-")) {
                throw new OopsException("unrecognise option: " + arg,
                        "jvsftpd takes vsftpd's arguments: [config-file]... [-oname=value]... [-v]; see --help");
            } else {
                Path file = Path.of(arg);
                ConfigParser.loadFile(file, ownerUid, builder);
                files.add(file);
                fileNamed = true;
            }
        }
        if (!fileNamed && Files.exists(defaultFile)) {
            ConfigParser.loadFile(defaultFile, ownerUid, builder);
            files.add(defaultFile);
        }
        return new Launch(Action.SERVE, builder.build(), files);
    }
}
