package dev.jvsftpd.compat.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * user_config_dir (reference section 7.5): after a successful login, the file named after the
 * user is loaded on top of the session's settings. Decisions already taken by then (chroot,
 * userlist, banner, limits) stay as they were, simply because they were taken earlier.
 */
public final class PerUserConfig {
    private PerUserConfig() {
    }

    /**
     * @param name      local users: the PAM user name; anonymous: ftp_username; guests: the login name
     * @param ownerUid  the uid the file must belong to (root, or the launching user)
     * @throws OopsException for an unreadable file or a syntax error: fatal for the session
     */
    public static VsftpdConfig apply(VsftpdConfig config, String name, long ownerUid) {
        String directory = config.string(Directives.USER_CONFIG_DIR);
        if (directory == null || name.contains("/")) {
            return config;
        }
        Path file = Path.of(directory, name);
        try {
            Files.readAttributes(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return config;
        } catch (IOException | RuntimeException e) {
            throw new OopsException("error opening per-user config file", file + ": " + e.getMessage());
        }
        VsftpdConfig.Builder builder = config.toBuilder();
        ConfigParser.loadFile(file, ownerUid, builder);
        return builder.build();
    }
}
