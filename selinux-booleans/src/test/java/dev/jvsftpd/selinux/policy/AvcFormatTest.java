package dev.jvsftpd.selinux.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AVC line against the reference's samples (C.8), character for character. */
class AvcFormatTest {
    private static final String SAMPLE = "type=AVC msg=audit(1700000000.123:456): avc:  denied  { write } for  pid=2345"
            + " comm=\"vsftpd\" name=\"pub\" dev=\"dm-0\" ino=1234567"
            + " scontext=system_u:system_r:ftpd_t:s0-s0:c0.c1023 tcontext=system_u:object_r:public_content_t:s0"
            + " tclass=dir permissive=0";

    @Test
    void anonymousStorIntoPublicContentGivesTheSampleLine() {
        List<LabeledObject> walk = List.of(
                new LabeledObject("/", ObjectClass.DIR, SecurityContext.object("root_t"), Optional.of(new FileId("dm-0", 2))),
                new LabeledObject("/var", ObjectClass.DIR, SecurityContext.object("var_t"), Optional.of(new FileId("dm-0", 3))),
                new LabeledObject("/var/ftp", ObjectClass.DIR, SecurityContext.object("public_content_t"),
                        Optional.of(new FileId("dm-0", 4))),
                new LabeledObject("/var/ftp/pub", ObjectClass.DIR, SecurityContext.object("public_content_t"),
                        Optional.of(new FileId("dm-0", 1234567))));
        LabeledObject pub = walk.get(3);
        LabeledObject upload = LabeledObject.planned("/var/ftp/pub/upload.txt", ObjectClass.FILE,
                TypeTransitions.newObjectContext(pub.context(), "upload.txt", ObjectClass.FILE));
        Decision d = SelinuxPolicy.evaluate(CheckPlanner.create(walk, pub, upload), PolicyState.enforcing(BooleanValues.none()));
        assertEquals(1, d.records().size());
        assertEquals(SAMPLE, d.avc().orElseThrow().format(1700000000123L, 456, 2345));
    }

    @Test
    void networkVariants() {
        AvcRecord bind = new AvcRecord(List.of(Perm.NAME_BIND), SecurityContext.FTPD,
                SecurityContext.object("mysqld_port_t"), ObjectClass.TCP_SOCKET, new AuditData.Port(true, 3306), false, true);
        assertEquals("type=AVC msg=audit(1700000000.005:7): avc:  denied  { name_bind } for  pid=2345 comm=\"vsftpd\""
                + " src=3306 scontext=system_u:system_r:ftpd_t:s0-s0:c0.c1023"
                + " tcontext=system_u:object_r:mysqld_port_t:s0 tclass=tcp_socket permissive=0",
                bind.format(1700000000005L, 7, 2345));
        Decision connect = SelinuxPolicy.evaluate(CheckPlanner.connect(1521), PolicyState.enforcing(BooleanValues.none()));
        assertEquals("type=AVC msg=audit(1700000000.000:8): avc:  denied  { name_connect } for  pid=2345"
                + " comm=\"vsftpd\" dest=1521 scontext=system_u:system_r:ftpd_t:s0-s0:c0.c1023"
                + " tcontext=system_u:object_r:oracle_port_t:s0 tclass=tcp_socket permissive=0",
                connect.avc().orElseThrow().format(1700000000000L, 8, 2345));
    }

    @Test
    void namesWithSpacesOrQuotesAreHex() {
        AuditData d = new AuditData.Dentry("my file", Optional.empty());
        assertEquals(" name=6D792066696C65", d.format());
        assertEquals(" name=\"plain.txt\"", new AuditData.Dentry("plain.txt", Optional.empty()).format());
        assertEquals(" path=\"/var/ftp/x\" dev=\"vda\" ino=5",
                new AuditData.PathData("/var/ftp/x", Optional.of(new FileId("vda", 5))).format());
    }

    @Test
    void rhel7RecordsHaveNoPermissiveField() {
        PolicyState rhel7 = new PolicyState(Flavor.RHEL7, EnforceMode.ENFORCING, BooleanValues.none(), false);
        String line = SelinuxPolicy.evaluate(Scenario.inside("public_content_t", "N"), rhel7).avc().orElseThrow()
                .format(0, 1, 1);
        assertTrue(line.endsWith("tclass=dir"), line);
    }

    /**
     * Permissive: every failing check is logged with permissive=1 and the call goes on. A STOR logs write
     * and add_name on the directory, create on the new file (with the label it gets), then write for its
     * open (open itself is part of reading public content, so only write is denied).
     */
    @Test
    void permissiveStorLogsEveryCheckAndAllows() {
        PolicyState permissive = PolicyState.enforcing(BooleanValues.none()).withMode(EnforceMode.PERMISSIVE);
        Decision d = SelinuxPolicy.evaluate(Scenario.inside("public_content_t", "N"), permissive);
        assertTrue(d.allowed());
        assertEquals(List.of("{ write }", "{ add_name }", "{ create }", "{ write }"),
                d.records().stream().map(AvcRecord::permsText).toList());
        assertEquals(List.of("dir", "dir", "file", "file"),
                d.records().stream().map(r -> r.tclass().policyName()).toList());
        assertTrue(d.records().stream().allMatch(AvcRecord::permissive));
        assertEquals(" name=\"new\"", d.records().get(1).audit().format(), "add_name names the new entry");
        assertTrue(d.records().get(3).format(0, 1, 1).contains(" path=\"/srv/t/new\" scontext="));
        assertTrue(d.records().get(0).format(0, 1, 1).endsWith("permissive=1"));
        // a permissive domain (semanage permissive -a ftpd_t) behaves the same in enforcing mode
        PolicyState domain = new PolicyState(Flavor.RHEL8_9, EnforceMode.ENFORCING, BooleanValues.none(), true);
        assertTrue(SelinuxPolicy.evaluate(Scenario.inside("public_content_t", "N"), domain).allowed());
    }

    @Test
    void permissionsPrintInClassOrder() {
        assertEquals("{ read write open }", ObjectClass.FILE.format(java.util.Set.of(Perm.OPEN, Perm.WRITE, Perm.READ)));
        assertEquals("{ write add_name search }",
                ObjectClass.DIR.format(java.util.Set.of(Perm.SEARCH, Perm.ADD_NAME, Perm.WRITE)));
    }
}
