package dev.jvsftpd.compat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.config.ConfigParser;
import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.policy.ChrootPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference section 4.1 and 4.2: who is chrooted and where a local user lands. */
class PlacementTest {
    private static VsftpdConfig config(String... settings) {
        VsftpdConfig.Builder builder = new VsftpdConfig.Builder(Dialect.DEBIAN);
        for (String setting : settings) {
            ConfigParser.applySetting(setting, VsftpdConfig.Source.commandLine(), builder);
        }
        return builder.build();
    }

    @Test
    void homeLocalRootAndUserSubToken() {
        assertEquals(new Placement("/home/bob", null), Placement.of(config(), "/home/bob", "bob"));
        assertEquals(new Placement("/srv/ftp/bob", null),
                Placement.of(config("local_root=/srv/ftp/$USER", "user_sub_token=$USER"), "/home/bob", "bob"));
        assertEquals(new Placement("/srv/ftp/$USER", null),
                Placement.of(config("local_root=/srv/ftp/$USER"), "/home/bob", "bob"), "no token, no substitution");
    }

    @Test
    void passwdChrootSplitsTheHomeAtDotSlashAndBeatsLocalRoot() {
        assertEquals(new Placement("/jail", "home/u"),
                Placement.of(config("passwd_chroot_enable=YES", "local_root=/elsewhere"), "/jail/./home/u", "u"));
        assertEquals(new Placement("/jail/./home/u", null), Placement.of(config(), "/jail/./home/u", "u"));
    }

    @Test
    void chrootListInvertsChrootLocalUser(@TempDir Path temp) throws IOException {
        Path list = Files.writeString(temp.resolve("chroot_list"), "alice\n");
        String[] listed = {"chroot_list_enable=YES", "chroot_list_file=" + list};
        assertFalse(ChrootPolicy.chrooted(config(), "alice"));
        assertTrue(ChrootPolicy.chrooted(config("chroot_local_user=YES"), "alice"));
        assertTrue(ChrootPolicy.chrooted(config(listed), "alice"), "NO + listed: jailed");
        assertFalse(ChrootPolicy.chrooted(config(listed), "bob"));
        String[] inverted = {listed[0], listed[1], "chroot_local_user=YES"};
        assertFalse(ChrootPolicy.chrooted(config(inverted), "alice"), "YES + listed: not jailed");
        assertTrue(ChrootPolicy.chrooted(config(inverted), "bob"));
        OopsException missing = assertThrows(OopsException.class, () -> ChrootPolicy.chrooted(
                config("chroot_list_enable=YES", "chroot_list_file=" + temp.resolve("none")), "bob"));
        assertEquals("could not read chroot() list file:" + temp.resolve("none"), missing.vsftpdText());
    }
}
