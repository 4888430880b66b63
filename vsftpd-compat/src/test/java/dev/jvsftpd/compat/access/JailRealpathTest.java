package dev.jvsftpd.compat.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jvsftpd.compat.fs.Jail;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debian's realpath step (section 5.3, step 1). Every row was observed on the Debian binary:
 * an exact result as deny_file=&lt;result&gt; (an absolute literal pattern, so only that exact
 * string matches) denying SIZE &lt;argument&gt;; "fails" as deny_file=* not denying it.
 */
class JailRealpathTest {
    @TempDir
    static Path root;

    static NameResolver anonymous;

    @BeforeAll
    static void jail() throws IOException {
        ObservedJail.build(root);
        anonymous = NameResolver.in(new Jail(root), ObservedJail.FTP);
    }

    @ParameterizedTest(name = "cwd {0}: realpath(\"{1}\") = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', emptyValue = "", value = {
        "/    | readme               | /readme",
        "/    | lnk                  | /a.mp3",          // symlinks resolved
        "/    | link.mp3             | /readme",
        "/    | sub/up.lnk           | /a.mp3",
        "/    | nonexist             | //nonexist",      // ENOENT in an existing directory: Debian's //name
        "/    | ''                   | //",
        "/    | ' '                  | '// '",
        "/    | d2                   | //d2",            // dangling symlink, ENOENT further down its target
        "/    | sub/                 | /sub",
        "/    | sub/..               | /",
        "/    | .                    | /",
        "/    | //                   | /",
        "/    | ..                   | /",
        "/    | sub//x.mp3           | /sub/x.mp3",
        "/    | sub/nonexist         | /sub/nonexist",
        "/    | ../../a.mp3          | /a.mp3",
        "/    | priv                 | /priv",           // only the parent needs search permission
        "/    | /nonexist            | //nonexist",
        "/    | sub/../nonexist      | //nonexist",
        "/    | pub/../sub/./x.mp3   | /sub/x.mp3",
        "/    | sub/d2               | /sub/d2",
        "/sub | a.mp3                | /sub/a.mp3",
        "/sub | up.lnk               | /a.mp3",
        "/sub | ..                   | /",
        "/sub | x.mp3                | /sub/x.mp3",
        "/sub | ''                   | /sub/",
        "/sub | ../d2                | //d2",
        "/sub | nonexist             | /sub/nonexist",
        "/    | d3                   | fails",           // ENOTDIR inside the target
        "/    | loop1                | fails",           // ELOOP
        "/    | nonexist/            | fails",           // the directory part 'nonexist' does not resolve
        "/    | a.mp3/               | fails",           // ENOTDIR
        "/    | nodir/..             | fails",
        "/    | a.mp3/..             | fails",
        "/    | a.mp3/.              | fails",
        "/    | nonexist/.           | fails",
        "/    | nodir/x              | fails",           // ENOENT, but the directory is missing too
        "/    | sub/nonexist/        | fails",
        "/    | /nodir/x.mp3         | fails",
        "/    | priv/f               | fails",           // EACCES for the ftp user
        "/    | priv/nonexist        | fails",
        "/    | lnk/                 | fails",
        "/    | d2/                  | fails",
        "/    | d2/x                 | fails",
        "/sub | nodir/x              | fails",
        "/sub | up.lnk/              | fails",
    })
    void observed(String cwd, String argument, String expected) {
        Optional<String> want = expected.equals("fails") ? Optional.empty() : Optional.of(expected);
        assertEquals(want, anonymous.realpath(cwd, argument));
    }

    @Test
    void rootMaySearchEverywhere() throws IOException {
        NameResolver asRoot = NameResolver.in(new Jail(root), ObservedJail.ROOT);
        assertEquals(Optional.of("/priv/f"), asRoot.realpath("/", "priv/f"));
        assertEquals(Optional.of("/priv/nonexist"), asRoot.realpath("/", "priv/nonexist"));
    }

    @Test
    void longHostilePathsStayCheap() {
        // a command line holds about 4 KB: around 2000 components at most
        String deepMissing = "sub/..//".repeat(500) + "nonexist/".repeat(500) + "x";
        String deepDots = "./".repeat(2000) + "nonexist";
        String loops = "loop1/".repeat(700);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(Optional.empty(), anonymous.realpath("/", deepMissing));
            assertEquals(Optional.of("//nonexist"), anonymous.realpath("/", deepDots));
            assertEquals(Optional.empty(), anonymous.realpath("/", loops));
        });
    }
}
