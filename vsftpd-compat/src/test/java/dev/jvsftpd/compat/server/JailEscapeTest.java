package dev.jvsftpd.compat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anonymous sessions are chrooted in vsftpd; jvsftpd's jail must give the same confinement
 * without a kernel chroot. A secret lies next to the jail; links of every kind point at it and
 * at {@code /}. No path may yield a byte of it, and nothing may be listed or entered outside.
 */
class JailEscapeTest {
    private static final String SECRET = "SECRET-OUTSIDE-THE-JAIL";

    @TempDir
    static Path temp;
    static Path root;
    static Path outside;
    static TestServer server;

    @BeforeAll
    static void jailWithEscapeRoutes() throws IOException {
        root = TestServer.rootOwnedDirectory(temp.resolve("jail"));
        outside = TestServer.rootOwnedDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.setAttribute(outside.resolve("secret.txt"), "unix:mode", 0644);
        Path pub = TestServer.rootOwnedDirectory(root.resolve("pub"));
        Files.writeString(pub.resolve("inside.txt"), "inside");
        Files.createSymbolicLink(root.resolve("slash"), Path.of("/"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../outside"));
        Files.createSymbolicLink(pub.resolve("upup"), Path.of("../../../../../../outside"));
        Files.createSymbolicLink(root.resolve("absolute"), outside);
        Files.createSymbolicLink(root.resolve("secretlink"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("chain1"), Path.of("chain2"));
        Files.createSymbolicLink(root.resolve("chain2"), Path.of("pub/../up"));
        Files.createSymbolicLink(root.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), Path.of("loop1"));
        server = TestServer.start(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> escapes() {
        String out = outside.toString();
        List<String> paths = new ArrayList<>(List.of(
                "../outside/secret.txt", "../../../../outside/secret.txt", "/../outside/secret.txt",
                "/../../../../../" + out.substring(1) + "/secret.txt", out + "/secret.txt", "//" + out + "/secret.txt",
                "~/../outside/secret.txt", "pub/../../outside/secret.txt", "pub/./../../outside/secret.txt",
                "up/secret.txt", "pub/upup/secret.txt", "absolute/secret.txt", "secretlink",
                "chain1/secret.txt", "slash" + out + "/secret.txt", "slash/../outside/secret.txt",
                "loop1/secret.txt", "pub/..\\..\\outside\\secret.txt", ".../outside/secret.txt",
                "pub/inside.txt/../../outside/secret.txt", "%2e%2e/outside/secret.txt"));
        return paths.stream();
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void noPathReadsOutsideTheJail(String path) throws IOException {
        FTPClient client = server.anonymous();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean retrieved = client.retrieveFile(path, got);
        assertFalse(got.toString(StandardCharsets.ISO_8859_1).contains(SECRET), path);
        assertFalse(retrieved, path + " -> " + client.getReplyString());
        assertEquals(550, client.sendCommand("SIZE", path), path);
        client.disconnect();
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void noDirectoryOutsideTheJailCanBeEnteredOrListed(String path) throws IOException {
        String directory = path.endsWith("secret.txt") ? path.substring(0, path.length() - "secret.txt".length()) : path;
        FTPClient client = server.anonymous();
        client.changeWorkingDirectory(directory);
        String[] names = client.listNames();
        assertFalse(names != null && List.of(names).contains("secret.txt"), directory);
        client.sendCommand("PWD");
        assertTrue(client.getReplyString().startsWith("257 \"/"), client.getReplyString());
        client.disconnect();
    }

    @Test
    void dotDotStopsAtTheJailRoot() throws IOException {
        FTPClient client = server.anonymous();
        assertTrue(client.changeWorkingDirectory("../../../.."));
        assertEquals("/", client.printWorkingDirectory());
        assertEquals(List.of("pub"), List.of(client.listNames()).stream().filter("pub"::equals).toList());
        assertTrue(client.changeWorkingDirectory("/pub"));
        assertTrue(client.changeToParentDirectory());
        assertTrue(client.changeToParentDirectory());
        assertEquals("/", client.printWorkingDirectory());
        client.disconnect();
    }

    @Test
    void symlinksResolveInsideTheJailAsUnderChroot() throws IOException {
        FTPClient client = server.anonymous();
        // "slash" points at the jail's own root, as / does under chroot()
        assertTrue(client.changeWorkingDirectory("slash/pub"));
        assertEquals("/pub", client.printWorkingDirectory());
        assertEquals("inside", AnonymousPermissionsTest.download(client, "/slash/slash/pub/inside.txt"));
        client.disconnect();
    }

    @Test
    void controlCharactersInPathsAreHarmless() throws IOException {
        try (RawClient raw = RawClient.connect(server.port()).anonymous()) {
            assertEquals("550 Could not get file size.", raw.send("SIZE pub/inside.txt\0/../../outside/secret.txt"));
            assertEquals("550 Failed to change directory.", raw.send("CWD pub\rCWD .."));
            assertEquals("213 6", raw.send("SIZE pub/inside.txt"));
        }
    }
}
