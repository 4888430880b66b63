package dev.jvsftpd.compat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin-facing listing comes from the same table as parsing: one row per directive of the dialect. */
class DirectiveReferenceTest {
    @Test
    void listsEveryDirectiveOfTheDialectWithItsDefaultAndSupport() {
        for (Dialect dialect : Dialect.values()) {
            List<String> rows = DirectiveReference.render(dialect).lines().filter(l -> !l.startsWith("#")).toList();
            long known = Directives.all().stream().filter(d -> d.existsIn(dialect)).count();
            assertEquals(known, rows.size(), dialect.toString());
        }
        String debian = DirectiveReference.render(Dialect.DEBIAN);
        assertTrue(debian.contains("\nlisten\tbool\tNO\timplemented\t"), "Debian's compiled default");
        assertTrue(debian.contains("\nftpd_banner\tstring\t(none)\timplemented\t"));
        assertTrue(debian.contains("\nisolate\tbool\tYES\tnot applicable\t"));
        assertTrue(DirectiveReference.render(Dialect.RHEL).contains("\nbackground\tbool\tYES\tnot yet\t"));
    }
}
