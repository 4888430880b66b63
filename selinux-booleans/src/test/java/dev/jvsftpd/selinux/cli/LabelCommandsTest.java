package dev.jvsftpd.selinux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.policy.Flavor;
import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** semanage fcontext, restorecon, chcon, matchpathcon, getfilecon (C.5, C.8). */
class LabelCommandsTest {
    @TempDir
    Path tmp;
    Path root;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("var/ftp/pub/sub"));
        Files.writeString(root.resolve("var/ftp/pub/a.txt"), "a");
        Files.createDirectories(root.resolve("srv/data"));
        cli = new Cli(SelinuxSettings.emulate(tmp.resolve("state"), root));
    }

    @Test
    void semanageFcontextAddListDelete() throws Exception {
        assertEquals("", cli.ok("semanage", "fcontext", "-a", "-t", "public_content_rw_t", "/var/ftp/pub(/.*)?"));
        assertEquals("/var/ftp/pub(/.*)?    system_u:object_r:public_content_rw_t:s0",
                Files.readAllLines(tmp.resolve("state/file_contexts.local")).get(1));
        String local = cli.ok("semanage", "fcontext", "-l", "-C");
        assertEquals("SELinux fcontext                                   type               Context\n\n"
                + "/var/ftp/pub(/.*)?                                 all files          "
                + "system_u:object_r:public_content_rw_t:s0 \n", local);
        String all = cli.ok("semanage", "fcontext", "-l");
        assertTrue(all.startsWith("SELinux fcontext                                   type               Context\n\n"
                + "/                                                  directory          system_u:object_r:root_t:s0 \n"
                + "/.*                                                all files          system_u:object_r:default_t:s0 \n"),
                all);
        assertTrue(all.contains("\n/tmp/.*                                            all files          <<None>>\n"));
        assertTrue(all.contains("\n/var/ftp/pub(/.*)?                                 all files          "
                + "system_u:object_r:public_content_rw_t:s0 \n"));
        assertTrue(all.contains("\nSELinux Distribution fcontext Equivalence \n\n/bin = /usr/bin\n"));

        assertEquals("File context for /var/ftp/pub(/.*)? already defined, modifying instead\n",
                cli.ok("semanage", "fcontext", "-a", "-t", "public_content_t", "/var/ftp/pub(/.*)?"));
        cli.ok("semanage", "fcontext", "-d", "/var/ftp/pub(/.*)?");
        assertEquals("", cli.ok("semanage", "fcontext", "-l", "-C"));

        assertEquals(new Cli.Result(1, "", "ValueError: File context for /var/ftp(/.*)? is defined in policy, cannot be deleted\n"),
                cli.run("semanage", "fcontext", "-d", "/var/ftp(/.*)?"));
        assertEquals(new Cli.Result(1, "", "ValueError: File context for /nowhere is not defined\n"),
                cli.run("semanage", "fcontext", "-d", "/nowhere"));
        assertEquals(new Cli.Result(1, "", "ValueError: Type bogus_t is invalid, must be a file or device type\n"),
                cli.run("semanage", "fcontext", "-a", "-t", "bogus_t", "/srv/x"));
        assertEquals(new Cli.Result(1, "", "ValueError: SELinux Type is required\n"),
                cli.run("semanage", "fcontext", "-a", "/srv/x"));
        assertEquals(new Cli.Result(1, "", "ValueError: File spec /var/run/x conflicts with equivalency rule"
                + " '/var/run /run'; Try adding '/run/x' instead\n"),
                cli.run("semanage", "fcontext", "-a", "-t", "var_t", "/var/run/x"));
        assertEquals(2, cli.run("semanage", "fcontext", "-t", "var_t", "/srv/x").rc(), "no action: argparse error");
    }

    @Test
    void restoreconSkipsCustomizableTypesUnlessForced() {
        cli.ok("semanage", "fcontext", "-a", "-t", "public_content_rw_t", "/var/ftp/pub(/.*)?");
        // public_content_t is a customizable type: a plain restorecon leaves it alone
        assertEquals("/var/ftp/pub not reset as customized by admin to system_u:object_r:public_content_t:s0\n"
                        + "/var/ftp/pub/a.txt not reset as customized by admin to system_u:object_r:public_content_t:s0\n"
                        + "/var/ftp/pub/sub not reset as customized by admin to system_u:object_r:public_content_t:s0\n",
                cli.ok("restorecon", "-R", "-v", "/var/ftp/pub"));
        assertEquals("/var/ftp/pub\tsystem_u:object_r:public_content_t:s0\n", cli.ok("getfilecon", "/var/ftp/pub"));
        assertEquals("Would relabel /var/ftp/pub from system_u:object_r:public_content_t:s0 to"
                + " system_u:object_r:public_content_rw_t:s0\n", cli.ok("restorecon", "-n", "-F", "-v", "/var/ftp/pub"));
        assertEquals("Relabeled /var/ftp/pub from system_u:object_r:public_content_t:s0 to"
                        + " system_u:object_r:public_content_rw_t:s0\n"
                        + "Relabeled /var/ftp/pub/a.txt from system_u:object_r:public_content_t:s0 to"
                        + " system_u:object_r:public_content_rw_t:s0\n"
                        + "Relabeled /var/ftp/pub/sub from system_u:object_r:public_content_t:s0 to"
                        + " system_u:object_r:public_content_rw_t:s0\n",
                cli.ok("restorecon", "-RFv", "/var/ftp/pub"));
        assertEquals("", cli.ok("restorecon", "-R", "-v", "/var/ftp/pub"), "nothing left to change");
        assertEquals("/var/ftp/pub/a.txt\tsystem_u:object_r:public_content_rw_t:s0\n", cli.ok("getfilecon", "/var/ftp/pub/a.txt"));
    }

    @Test
    void restoreconChangesOnlyTheTypeOfNonCustomizableFiles() {
        cli.ok("chcon", "unconfined_u:object_r:default_t:s0", "/srv/data");
        assertEquals("Relabeled /srv/data from unconfined_u:object_r:default_t:s0 to unconfined_u:object_r:var_t:s0\n",
                cli.ok("restorecon", "-v", "/srv/data"));
        assertEquals("Relabeled /srv/data from unconfined_u:object_r:var_t:s0 to system_u:object_r:var_t:s0\n",
                cli.ok("restorecon", "-F", "-v", "/srv/data"));
        assertEquals(new Cli.Result(255, "", "restorecon: lstat(/srv/none) failed: No such file or directory\n"),
                cli.run("restorecon", "/srv/none"));
        assertEquals(0, cli.run("restorecon", "-i", "/srv/none").rc());
        assertEquals(255, cli.run("restorecon", "-Q", "/srv").rc());
    }

    @Test
    void rhel7PrintsTheOlderRestoreconText() {
        Cli rhel7 = new Cli(SelinuxSettings.emulate(tmp.resolve("state7"), root).withFlavor(Flavor.RHEL7));
        rhel7.ok("chcon", "-t", "default_t", "/srv/data");
        assertEquals("restorecon reset /srv/data context system_u:object_r:default_t:s0->system_u:object_r:var_t:s0\n",
                rhel7.ok("restorecon", "-v", "/srv/data"));
    }

    @Test
    void chconSetsATypeThatSurvivesAPlainRestorecon() {
        assertEquals("changing security context of '/var/ftp/pub'\n",
                cli.ok("chcon", "-v", "-t", "public_content_rw_t", "/var/ftp/pub"));
        assertEquals("", cli.ok("restorecon", "-v", "/var/ftp/pub").replaceAll(".*not reset.*\n", ""));
        assertEquals("/var/ftp/pub\tsystem_u:object_r:public_content_rw_t:s0\n", cli.ok("getfilecon", "/var/ftp/pub"));
        Cli.Result bad = cli.run("chcon", "-t", "nope_t", "/var/ftp/pub");
        assertEquals(1, bad.rc());
        assertEquals("chcon: failed to change context of '/var/ftp/pub' to 'system_u:object_r:nope_t:s0': Invalid argument\n",
                bad.err());
        assertEquals("chcon: cannot access '/var/ftp/none': No such file or directory\n",
                cli.run("chcon", "-t", "var_t", "/var/ftp/none").err());
    }

    @Test
    void matchpathconAndEquivalences() {
        assertEquals("/var/ftp/pub\tsystem_u:object_r:public_content_t:s0\n", cli.ok("matchpathcon", "/var/ftp/pub"));
        assertEquals("/tmp/x\t<<none>>\n", cli.ok("matchpathcon", "/tmp/x"));
        cli.ok("semanage", "fcontext", "-a", "-e", "/var/ftp", "/srv/myftp");
        assertEquals("/srv/myftp/bin\tsystem_u:object_r:bin_t:s0\n", cli.ok("matchpathcon", "/srv/myftp/bin"));
        assertTrue(cli.ok("semanage", "fcontext", "-l").endsWith("\nSELinux Local fcontext Equivalence \n\n/srv/myftp = /var/ftp\n"));
        cli.ok("semanage", "fcontext", "-d", "/srv/myftp");
        assertEquals("/srv/myftp/bin\tsystem_u:object_r:var_t:s0\n", cli.ok("matchpathcon", "/srv/myftp/bin"));
    }

    @Test
    void semanagePermissive() {
        cli.ok("semanage", "permissive", "-a", "ftpd_t");
        assertEquals("\nBuiltin Permissive Types \n\n\nCustomized Permissive Types\n\nftpd_t\n",
                cli.ok("semanage", "permissive", "-l"));
        cli.ok("semanage", "permissive", "-d", "ftpd_t");
        assertEquals("", cli.ok("semanage", "permissive", "-l"));
    }
}
