package dev.jvsftpd.pam.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * pam_succeed_if calls fnmatch(3) and strtoll(3); the interpreter has its own. Both against glibc's,
 * through JNA, on hand-picked and random inputs.
 */
class LibcDifferentialTest {
    interface LibC extends Library {
        int fnmatch(String pattern, String string, int flags);

        /** Declaring LastErrorException makes JNA clear errno before the call and report it after. */
        long strtoll(Pointer s, PointerByReference end, int base) throws LastErrorException;
    }

    private static final LibC C = Native.load("c", LibC.class);

    @Test
    void fnmatchAgreesWithGlibc() {
        List<String> patterns = List.of("*", "a*", "*b", "a?c", "[abc]x", "[!abc]x", "[^a]x", "[a-c]*", "[]]",
                "[]a]*", "\\*", "a\\", "[", "[a", "*[0-9]", "[[:digit:]]*", "[[:alpha:]][[:alnum:]]*", "jvsftpd-t-*",
                "*/x", ".*", "a[-]b", "a[b-]c", "[z-a]", "**a", "*?*");
        List<String> texts = List.of("", "a", "ab", "abc", "ax", "bx", "dx", "]", "a]", "*", "a\\", "[", "[a", "x9",
                "7up", "jvsftpd-t-abcd-member", "dir/x", ".hidden", "a-b", "abb", "z", "a/b");
        for (String p : patterns) {
            for (String t : texts) {
                assertEquals(C.fnmatch(p, t, 0) == 0, Fnmatch.matches(p, t), "fnmatch(\"" + p + "\", \"" + t + "\")");
            }
        }
        Random random = new Random(7);
        String alphabet = "ab*?[]!^-\\";
        for (int i = 0; i < 20_000; i++) {
            String p = random(random, alphabet, 6);
            String t = random(random, "ab-]\\[*", 5);
            assertEquals(C.fnmatch(p, t, 0) == 0, Fnmatch.matches(p, t), "fnmatch(\"" + p + "\", \"" + t + "\")");
        }
    }

    @Test
    void strtollAgreesWithGlibc() {
        List<String> inputs = List.of("", "0", "00", "017", "08", "0x1f", "0X1F", "0x", "0xg", "-1", "+5", " 7",
                "7 ", "\t-0x10", "abc", "1e3", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                "-9223372036854775809", "-", "+", " ", "1000", "0777");
        for (String s : inputs) {
            assertEquals(glibc(s), SucceedIfModule.strtoll(s), "strtoll(\"" + s + "\")");
        }
    }

    /** strtoll(s, &end, 0) with pam_succeed_if's test: the whole string read, errno untouched. */
    private static Optional<Long> glibc(String s) {
        Memory text = new Memory(s.length() + 1L);
        text.setString(0, s, "UTF-8");
        PointerByReference end = new PointerByReference();
        try {
            long v = C.strtoll(text, end, 0);
            long consumed = Pointer.nativeValue(end.getValue()) - Pointer.nativeValue(text);
            return consumed == s.length() ? Optional.of(v) : Optional.empty();
        } catch (LastErrorException e) {
            return Optional.empty(); // ERANGE
        }
    }

    private static String random(Random r, String alphabet, int max) {
        int n = r.nextInt(max + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
