package dev.jvsftpd.selinux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit2why on AVC lines: the boolean that would allow each, in audit2why's layout. */
class Audit2WhyTest {
    private static final String PUBLIC = "type=AVC msg=audit(1700000000.123:456): avc:  denied  { write } for  pid=2345"
            + " comm=\"vsftpd\" name=\"pub\" dev=\"dm-0\" ino=1234567"
            + " scontext=system_u:system_r:ftpd_t:s0-s0:c0.c1023 tcontext=system_u:object_r:public_content_t:s0"
            + " tclass=dir permissive=0";
    private static final String RW = PUBLIC.replace("public_content_t", "public_content_rw_t").replace(":456", ":457");
    private static final String SHADOW = "type=AVC msg=audit(1700000001.000:458): avc:  denied  { read } for  pid=2345"
            + " comm=\"vsftpd\" name=\"shadow\" dev=\"dm-0\" ino=99 scontext=system_u:system_r:ftpd_t:s0-s0:c0.c1023"
            + " tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0";
    private static final String FULL_ACCESS = "\tDescription:\n\tAllow ftpd to read and write every ordinary file type,"
            + " leaving access control to the Unix permissions.\n\n\tAllow access by executing:\n"
            + "\t# setsebool -P ftpd_full_access 1\n";
    private static final String ANON_WRITE = "\tDescription:\n\tAllow ftpd to create, change and delete files and"
            + " directories labeled public_content_rw_t.\n\n\tAllow access by executing:\n"
            + "\t# setsebool -P ftpd_anon_write 1\n";

    @TempDir
    Path tmp;
    Cli cli;
    Path log;

    @BeforeEach
    void setUp() throws Exception {
        SelinuxSettings s = SelinuxSettings.emulate(tmp.resolve("state"), Files.createDirectories(tmp.resolve("root")));
        cli = new Cli(s);
        log = s.auditLog();
        Files.createDirectories(log.getParent());
    }

    @Test
    void namesTheBooleanThatWouldAllowEachDenial() throws Exception {
        Files.writeString(log, PUBLIC + "\n" + "type=SYSCALL msg=audit(1700000000.123:456): arch=c000003e syscall=257"
                + " success=no exit=-13\n" + RW + "\n" + SHADOW + "\n");
        assertEquals(PUBLIC + "\n\n\tWas caused by:\n"
                + "\tThe boolean ftpd_full_access was set incorrectly. \n" + FULL_ACCESS
                + RW + "\n\n\tWas caused by:\n"
                + "\tOne of the following booleans was set incorrectly.\n" + ANON_WRITE + FULL_ACCESS
                + SHADOW + "\n\n\tWas caused by:\n"
                + "\t\tMissing type enforcement (TE) allow rule.\n\n"
                + "\t\tYou can use audit2allow to generate a loadable module to allow this access.\n\n",
                cli.ok("audit2why"));
    }

    @Test
    void aDenialTheCurrentBooleansAllowIsReportedAsSuch() throws Exception {
        Files.writeString(log, PUBLIC + "\n");
        cli.ok("setsebool", "ftpd_full_access", "1");
        assertEquals(PUBLIC + "\n\n\tWas caused by:\n"
                + "\t\tUnknown - would be allowed by active policy\n"
                + "\t\tPossible mismatch between this policy and the one under which the audit message was generated.\n\n"
                + "\t\tPossible mismatch between current in-memory boolean settings vs. permanent ones.\n\n",
                cli.ok("audit2why", "-a"));
    }

    @Test
    void readsAFileOrStandardInputAndSaysWhenThereIsNothing() throws Exception {
        Path other = Files.writeString(tmp.resolve("messages"), "kernel: audit: type=1400 audit(1700000000.123:456):"
                + PUBLIC.substring(PUBLIC.indexOf(" avc:")) + "\n");
        String out = cli.ok("audit2why", "-i", other.toString());
        assertEquals(true, out.contains("\tThe boolean ftpd_full_access was set incorrectly. \n"), out);
        assertEquals(new Cli.Result(0, "", "Nothing to do\n"), cli.run("audit2why"));
        Cli.Result stdin = cli.runWithInput(RW + "\n", "audit2why", "-i", "-");
        assertEquals(true, stdin.out().contains("One of the following booleans was set incorrectly."));
    }
}
