package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Local-user sessions replayed against real vsftpd 3.0.3 and jvsftpd on the same config, reply
 * for reply: the chroot rows of reference section 4.3 and the command rows of 7.4, with a real
 * account whose password both check through /etc/pam.d/vsftpd. {@code ${user}}, {@code ${pass}}
 * and {@code ${home}} in a script stand for the account's name, password and home.
 */
class LocalUsersVersusVsftpdTest {
    static Path work;
    static TestAccount bob;
    static Path jail;

    @BeforeAll
    static void account() throws IOException {
        work = Files.createTempDirectory("jvsftpd-local-vs");
        // the account must be able to reach the jails below it, as under /srv
        Files.setAttribute(work, "unix:mode", 0755);
        bob = TestAccount.create("b");
        jail = TestServer.rootOwnedDirectory(work.resolve("jail"));
        TestServer.rootOwnedDirectory(jail.resolve(bob.name));
        Files.setAttribute(jail.resolve(bob.name), "unix:uid", bob.uid);
        Files.writeString(work.resolve("chroot_list"), bob.name + "\n");
    }

    @AfterAll
    static void remove() throws IOException {
        bob.close();
        TestAccount.run("rm", "-rf", work.toString());
    }

    static Stream<Arguments> scenarios() {
        String login = "USER ${user}|PASS ${pass}";
        String look = "|PWD|CWD ..|PWD|SIZE /etc/passwd|CWD /root|QUIT";
        return Stream.of(
                Arguments.of("no chroot", "", login + look),
                Arguments.of("chroot into a writable home", "chroot_local_user=YES", login + "|PWD"),
                Arguments.of("allow_writeable_chroot", "chroot_local_user=YES|allow_writeable_chroot=YES", login + look),
                Arguments.of("listed, chroot_local_user=NO", "chroot_list_enable=YES|chroot_list_file=" + work.resolve("chroot_list"),
                        login + "|PWD"),
                Arguments.of("listed, chroot_local_user=YES", "chroot_local_user=YES|chroot_list_enable=YES|chroot_list_file="
                        + work.resolve("chroot_list"), login + look),
                Arguments.of("local_root owned by root", "chroot_local_user=YES|local_root=" + jail, login + look),
                Arguments.of("local_root with user_sub_token", "chroot_local_user=YES|user_sub_token=$USER|local_root="
                        + jail + "/$USER", login + "|PWD"),
                Arguments.of("missing local_root", "local_root=" + work.resolve("none"), login + "|PWD"),
                Arguments.of("wrong password", "", "USER ${user}|PASS wrong|PASS again|USER ${user}|QUIT"),
                Arguments.of("writes off", "", login + "|MKD x|DELE x|RNFR x|SITE HELP|SITE CHMOD 600 x|SITE UMASK|QUIT"),
                Arguments.of("writes on", "write_enable=YES|local_umask=022", login
                        + "|MKD d|MKD d|SITE HELP|SITE UMASK|SITE UMASK 027|SITE UMASK|SITE CHMOD 700 d|SITE CHMOD 7|"
                        + "SITE CHMOD 644 /etc/hostname|RNFR d|RNTO e|RMD e|RMD e|DELE nothing|SITE EXEC ls|QUIT"),
                Arguments.of("chmod_enable off", "write_enable=YES|chmod_enable=NO", login + "|SITE HELP|SITE CHMOD 600 x|QUIT"),
                Arguments.of("user switching", "", login + "|USER ${user}|USER root|PASS x|QUIT"),
                Arguments.of("tilde_user_enable", "tilde_user_enable=YES", login
                        + "|CWD /|CWD ~${user}|PWD|CWD ~root|CWD ~nosuch|CWD ~|PWD|QUIT"),
                Arguments.of("text_userdb_names", "text_userdb_names=YES|write_enable=YES", login
                        + "|MKD named|STAT named|RMD named|QUIT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameRepliesAsVsftpd(String name, String settings, String script) throws IOException {
        List<String> lines = new ArrayList<>(List.of("anonymous_enable=NO", "local_enable=YES"));
        if (!settings.isEmpty()) {
            lines.addAll(List.of(settings.split("\\|")));
        }
        List<String> commands = List.of(script.replace("${user}", bob.name).replace("${pass}", bob.password)
                .replace("${home}", bob.home.toString()).split("\\|"));
        List<String> expected;
        try (RealVsftpd vsftpd = RealVsftpd.start(work, lines)) {
            expected = transcript(vsftpd.port, commands);
        }
        List<String> actual;
        try (TestServer server = TestServer.start(work, lines.toArray(String[]::new))) {
            actual = transcript(server.port(), commands);
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), name);
    }

    /** Every reply line after the greeting; a closed connection ends it with {@code <closed>}. */
    private static List<String> transcript(int port, List<String> commands) throws IOException {
        List<String> out = new ArrayList<>();
        try (RawClient raw = RawClient.connect(port)) {
            raw.readLine();
            for (String command : commands) {
                out.add("> " + command);
                String reply;
                try {
                    reply = raw.send(command);
                } catch (SocketException reset) {
                    // a server that ended the session may reset rather than close when more arrives
                    reply = null;
                }
                // a multi-line reply ends with its code and a space; the lines between may be anything
                if (reply != null && reply.length() > 3 && reply.charAt(3) == '-') {
                    String end = reply.substring(0, 3) + " ";
                    while (reply != null && !reply.startsWith(end)) {
                        out.add(reply);
                        reply = raw.readLine();
                    }
                }
                out.add(reply == null ? "<closed>" : reply);
                // after an OOPS the session is over; vsftpd may race out a second OOPS line
                if (reply == null || reply.startsWith("500 OOPS: ")) {
                    break;
                }
            }
        }
        return out;
    }
}
