package dev.jvsftpd.compat.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Argument splitting; each case matches what vsftpd did with that argument. */
class ListRequestTest {

    @Test
    void noArgument() {
        assertEquals(new ListRequest(ListOptions.NONE, ""), ListRequest.parse(null, true));
        assertEquals(new ListRequest(ListOptions.NONE, ""), ListRequest.parse("", true));
        assertFalse(ListRequest.parse("", true).hasPath());
    }

    @Test
    void optionsOnlyWhenTheArgumentStartsWithADash() {
        ListRequest r = ListRequest.parse("-la", false);
        assertEquals(new ListOptions(true, true, false, false, false, false), r.options());
        assertEquals("", r.path());
        ListRequest late = ListRequest.parse("sub -a", false);
        assertEquals(ListOptions.NONE, late.options());
        assertEquals("sub -a", late.path());
    }

    @Test
    void theOptionWordEndsAtTheFirstSpace() {
        assertEquals(new ListRequest(ListOptions.of("a", false), "sub"), ListRequest.parse("-a sub", false));
        assertEquals(" sub", ListRequest.parse("-a  sub", false).path());
        assertEquals("name with spaces", ListRequest.parse("-l name with spaces", false).path());
        assertEquals(new ListRequest(ListOptions.NONE, "sub"), ListRequest.parse("- sub", false));
        assertEquals(new ListRequest(ListOptions.NONE, ""), ListRequest.parse("-", false));
    }

    @Test
    void lettersAnywhereInTheWordOthersIgnored() {
        assertEquals(new ListOptions(true, true, true, true, true, false), ListOptions.of("xlzFatr", false));
        assertEquals(ListOptions.NONE, ListOptions.of("xyz1A", true));
        assertEquals(new ListOptions(true, false, false, false, false, false), ListRequest.parse("-a.", false).options());
    }

    @Test
    void recursiveOnlyWithLsRecurseEnable() {
        assertFalse(ListRequest.parse("-R", false).options().recursive());
        assertTrue(ListRequest.parse("-R", true).options().recursive());
        assertTrue(ListRequest.parse("-lR sub", true).options().recursive());
    }

    @Test
    void targetResolution() {
        Set<String> dirs = Set.of("sub", "sub/", "/", "/sub");
        assertEquals(new ListTarget(".", ""), ListRequest.parse("-l", false).target(dirs::contains));
        assertEquals(new ListTarget("sub", ""), ListRequest.parse("sub", false).target(dirs::contains));
        assertEquals(new ListTarget("sub/", ""), ListRequest.parse("sub/", false).target(dirs::contains));
        assertEquals(new ListTarget("sub", "*.txt"), ListRequest.parse("sub/*.txt", false).target(dirs::contains));
        assertEquals(new ListTarget("/", ".message"), ListRequest.parse("/.message", false).target(dirs::contains));
        assertEquals(new ListTarget(".", "nonexist"), ListRequest.parse("nonexist", false).target(dirs::contains));
        assertEquals(new ListTarget("nodir", "x"), ListRequest.parse("nodir/x", false).target(dirs::contains));
        assertEquals(new ListTarget("nodir", ""), ListRequest.parse("nodir/", false).target(dirs::contains));
        assertEquals(new ListTarget("a/b", "c"), ListTarget.resolve("a/b/c", dirs::contains));
        assertFalse(ListTarget.resolve("nodir/", dirs::contains).hasPattern());
    }
}
