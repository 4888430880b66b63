package dev.jvsftpd.selinux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** getsebool, setsebool, getenforce, setenforce, semanage boolean: texts and exit codes of the real tools (C.8). */
class BooleanCommandsTest {
    @TempDir
    Path tmp;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(SelinuxSettings.emulate(tmp.resolve("state"), Files.createDirectories(tmp.resolve("root"))));
    }

    @Test
    void getseboolAllListsEveryBooleanInByteOrder() {
        assertEquals(String.join("\n",
                "ftpd_anon_write --> off",
                "ftpd_connect_all_unreserved --> off",
                "ftpd_connect_db --> off",
                "ftpd_full_access --> off",
                "ftpd_use_cifs --> off",
                "ftpd_use_fusefs --> off",
                "ftpd_use_nfs --> off",
                "ftpd_use_passive_mode --> off",
                "httpd_can_connect_ftp --> off",
                "httpd_enable_ftp_server --> off",
                "tftp_anon_write --> off",
                "tftp_home_dir --> off",
                "use_nfs_home_dirs --> off",
                "use_samba_home_dirs --> off", ""), cli.ok("getsebool", "-a"));
    }

    @Test
    void setseboolAndGetsebool() {
        assertEquals("", cli.ok("setsebool", "ftpd_full_access", "on"));
        assertEquals("ftpd_full_access --> on\n", cli.ok("getsebool", "ftpd_full_access"));
        // an old name is accepted and printed as the current one (selinux_boolean_sub)
        assertEquals("ftpd_full_access --> on\n", cli.ok("getsebool", "allow_ftpd_full_access"));
        cli.ok("setsebool", "-P", "allow_ftpd_anon_write=1", "ftpd_use_nfs=true");
        assertEquals("ftpd_anon_write --> on\nftpd_use_nfs --> on\n", cli.ok("getsebool", "ftpd_anon_write", "ftpd_use_nfs"));
        cli.ok("setsebool", "ftpd_use_nfs", "OFF");
        cli.ok("reboot");
        assertEquals("ftpd_full_access --> off\nftpd_anon_write --> on\nftpd_use_nfs --> on\n",
                cli.ok("getsebool", "ftpd_full_access", "ftpd_anon_write", "ftpd_use_nfs"));
    }

    @Test
    void errorsAsTheRealToolsPrintThem() {
        assertEquals(new Cli.Result(255, "", "Error getting active value for ftp_home_dir\n"),
                cli.run("getsebool", "ftp_home_dir"));
        assertEquals(new Cli.Result(1, "", "usage:  getsebool -a or getsebool boolean...\n"), cli.run("getsebool"));
        assertEquals(new Cli.Result(255, "", "Could not change active booleans: Invalid boolean\n"),
                cli.run("setsebool", "ftp_home_dir", "1"));
        assertEquals(new Cli.Result(255, "", "Boolean ftp_home_dir is not defined\n"),
                cli.run("setsebool", "-P", "ftp_home_dir", "1"));
        assertEquals(new Cli.Result(255, "", "setsebool: illegal value yes for boolean ftpd_anon_write\n"),
                cli.run("setsebool", "ftpd_anon_write", "yes"));
        assertEquals(new Cli.Result(255, "", "setsebool: '=' not found in boolean expression ftpd_use_nfs\n"),
                cli.run("setsebool", "ftpd_anon_write=1", "ftpd_use_nfs"));
        assertEquals(new Cli.Result(1, "", "\nUsage:  setsebool [ -NPV ] boolean value | bool1=val1 bool2=val2...\n\n"),
                cli.run("setsebool", "ftpd_anon_write"));
        // a failed list changes nothing
        assertEquals(255, cli.run("setsebool", "-P", "ftpd_anon_write=1", "nope=1").rc());
        assertEquals("ftpd_anon_write --> off\n", cli.ok("getsebool", "ftpd_anon_write"));
    }

    @Test
    void getenforceAndSetenforce() {
        assertEquals("Enforcing\n", cli.ok("getenforce"));
        cli.ok("setenforce", "0");
        assertEquals("Permissive\n", cli.ok("getenforce"));
        cli.ok("setenforce", "enforcing");
        assertEquals("Enforcing\n", cli.ok("getenforce"));
        cli.ok("setenforce", "Permissive");
        cli.ok("reboot");
        assertEquals("Enforcing\n", cli.ok("getenforce"), "setenforce is runtime only");
        assertEquals(new Cli.Result(1, "", "usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]\n"),
                cli.run("setenforce", "2"));
    }

    @Test
    void disabledAsOnARealSystem() throws Exception {
        assertEquals("Enforcing\n", cli.ok("getenforce"));
        String config = Files.readString(tmp.resolve("state/config"));
        assertTrue(config.contains("\nSELINUX=enforcing\nSELINUXTYPE=targeted\n"), "written at the first boot");
        Files.writeString(tmp.resolve("state/config"), config.replace("SELINUX=enforcing", "SELINUX=disabled"));
        assertEquals("Enforcing\n", cli.ok("getenforce"), "the config file waits for a reboot");
        cli.ok("reboot");
        assertEquals("Disabled\n", cli.ok("getenforce"));
        assertEquals(new Cli.Result(1, "", "getsebool:  SELinux is disabled\n"), cli.run("getsebool", "-a"));
        assertEquals(new Cli.Result(1, "", "setenforce: SELinux is disabled\n"), cli.run("setenforce", "1"));
        assertEquals(new Cli.Result(255, "", "Could not change active booleans: Invalid boolean\n"),
                cli.run("setsebool", "ftpd_anon_write", "1"));
        assertEquals(0, cli.run("setsebool", "-P", "ftpd_anon_write", "1").rc(), "the policy store still works");
        assertEquals(new Cli.Result(0, "", ""), cli.run("restorecon", "-R", "/"));
    }

    @Test
    void semanageBooleanList() {
        cli.ok("setsebool", "ftpd_full_access", "1");
        cli.ok("setsebool", "-P", "ftpd_anon_write", "1");
        String out = cli.ok("semanage", "boolean", "-l");
        String[] lines = out.split("\n");
        assertEquals("SELinux boolean                State  Default Description", lines[0]);
        assertEquals("", lines[1]);
        // the reference's sample row: "ftpd_anon_write                (off  ,  off)  Determine whether ..."
        assertEquals("ftpd_anon_write                (on   ,   on)  Allow ftpd to create, change and delete files and"
                + " directories labeled public_content_rw_t.", lines[2]);
        assertEquals("ftpd_connect_all_unreserved    (off  ,  off)  ", lines[3].substring(0, 46));
        assertEquals("ftpd_full_access               (on   ,  off)  ", lines[5].substring(0, 46));
        assertEquals("ftpd_anon_write                (on   ,   on)  Allow ftpd to create, change and delete files and"
                + " directories labeled public_content_rw_t.\n", cli.ok("semanage", "boolean", "-l", "-C", "-n"));
        cli.ok("semanage", "boolean", "-m", "--off", "ftpd_anon_write");
        assertEquals("ftpd_anon_write --> off\n", cli.ok("getsebool", "ftpd_anon_write"));
    }

    @Test
    void hostModeReadsTheHostAndLeavesChangesToItsTools() throws Exception {
        Path fs = tmp.resolve("selinuxfs");
        Files.createDirectories(fs.resolve("booleans"));
        Files.writeString(fs.resolve("enforce"), "1");
        Files.writeString(fs.resolve("booleans/ftpd_anon_write"), "0 1");
        Files.writeString(fs.resolve("booleans/ftpd_full_access"), "1 1");
        Files.writeString(fs.resolve("booleans/xguest_exec_content"), "1 1");
        Cli host = new Cli(SelinuxSettings.emulate(tmp.resolve("state"), tmp).withMode("host").withHost(fs, tmp));
        assertEquals("ftpd_anon_write --> off pending: on\nftpd_full_access --> on\nxguest_exec_content --> on\n",
                host.ok("getsebool", "-a"), "every boolean of the host's policy");
        assertEquals("ftpd_full_access --> on\n", host.ok("getsebool", "allow_ftpd_full_access"));
        assertEquals("Enforcing\n", host.ok("getenforce"));
        Cli.Result r = host.run("setsebool", "ftpd_anon_write", "1");
        assertEquals(255, r.rc());
        assertEquals("jvsftpd-selinux: SELinux is managed by this host; use the system's setsebool\n", r.err());

        Cli off = new Cli(SelinuxSettings.emulate(tmp.resolve("state"), tmp).withMode("off"));
        assertEquals("Disabled\n", off.ok("getenforce"));
        assertEquals(new Cli.Result(1, "", "getsebool:  SELinux is disabled\n"), off.run("getsebool", "-a"));
    }
}
