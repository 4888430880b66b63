package dev.jvsftpd.compat.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same FTPS conversations with Debian's real vsftpd 3.0.3 (the oracle, /usr/sbin/vsftpd)
 * and with jvsftpd, on the same settings and certificates: the transcripts must be equal, reply
 * for reply. vsftpd runs as root on loopback with a root-owned private config and its own empty
 * secure_chroot_dir, in the foreground, and is stopped by its process handle afterwards.
 */
class RealVsftpdFtpsTest {
    private static final Path VSFTPD = Path.of("/usr/sbin/vsftpd");

    @TempDir
    Path temp;
    Path root;
    final TestPki pki = TestPki.shared();

    /** One conversation: what the client does, written down as it goes. */
    interface Script {
        void run(FtpsClient client, List<String> transcript) throws Exception;
    }

    @BeforeEach
    void setUp() throws IOException {
        assertTrue(Files.isExecutable(VSFTPD), VSFTPD + " is missing: install Debian's vsftpd package (apt-get install vsftpd)");
        root = FtpsTestServer.anonymousRoot(temp);
    }

    @Test
    void explicitTlsConversation() throws Exception {
        same(List.of(), (c, t) -> {
            t.add(c.reply());
            for (String command : List.of("FEAT", "PBSZ 0", "PROT P", "CCC", "AUTH", "AUTH XYZ", "AUTH TLS-C")) {
                t.add(c.send(command));
            }
            c.startTls();
            for (String command : List.of("AUTH TLS", "PBSZ 1", "PROT", "PROT s", "PROT E", "PROT X", "PROT c",
                    "PROT p", "CCC", "FEAT", "USER ftp", "PASS x", "STAT", "PROT C", "STAT", "AUTH TLS", "CCC",
                    "PBSZ 0", "PROT P")) {
                t.add(c.send(command));
            }
            transfer(c, t, "RETR f.txt", true);
            transfer(c, t, "NLST", true);
            transfer(c, t, "RETR f.txt", false);
            t.add(c.reply());
        });
    }

    @Test
    void authSslAndPostLoginCommandsInClear() throws Exception {
        same(List.of(), (c, t) -> {
            t.add(c.reply());
            t.add(c.send("AUTH SSL"));
            c.startTls();
            t.add(c.send("USER ftp"));
            t.add(c.send("PASS x"));
            t.add(c.send("STAT"));
        });
        same(List.of(), (c, t) -> {
            t.add(c.reply());
            t.add(c.send("USER ftp"));
            t.add(c.send("PASS x"));
            for (String command : List.of("PBSZ 0", "PROT P", "CCC", "STAT", "AUTH TLS-P")) {
                t.add(c.send(command));
            }
        });
    }

    @Test
    void sslDisabled() throws Exception {
        same(List.of("ssl_enable=NO"), (c, t) -> {
            t.add(c.reply());
            for (String command : List.of("FEAT", "AUTH TLS", "PBSZ 0", "PROT P", "USER ftp", "PASS x", "AUTH TLS",
                    "PBSZ 0", "PROT P", "CCC")) {
                t.add(c.send(command));
            }
        });
    }

    @Test
    void loginRules() throws Exception {
        same(List.of("local_enable=YES"), (c, t) -> {
            t.add(c.reply());
            t.add(c.send("USER bob"));
            t.add(c.reply());
        });
        same(List.of("allow_anon_ssl=NO"), (c, t) -> {
            t.add(c.reply());
            t.add(c.send("AUTH TLS"));
            c.startTls();
            for (String command : List.of("USER anonymous", "USER FTP", "PASS x", "USER bob", "NOOP")) {
                t.add(c.send(command));
            }
        });
        same(List.of("allow_anon_ssl=NO", "force_anon_logins_ssl=YES"), (c, t) -> {
            t.add(c.reply());
            t.add(c.send("USER ftp"));
            t.add(c.reply());
        });
    }

    @Test
    void forcedDataEncryption() throws Exception {
        same(List.of("force_anon_data_ssl=YES"), (c, t) -> {
            t.add(c.reply());
            t.add(c.send("AUTH TLS"));
            c.startTls();
            t.add(c.send("USER ftp"));
            t.add(c.send("PASS x"));
            int port = c.epsv();
            t.add(c.send("LIST"));
            t.add(c.send("RETR f.txt"));
            t.add(c.send("PROT P"));
            DataLink data = c.secureData(port, true);
            c.write("RETR f.txt");
            t.add(c.reply());
            data.handshake();
            t.add(data.readAll());
            data.closeNotify();
            t.add(c.reply());
        });
    }

    @Test
    void brokenHandshakes() throws Exception {
        same(List.of(), (c, t) -> {
            t.add(c.reply());
            t.add(c.send("AUTH TLS"));
            t.add(c.send("USER ftp"));
            t.add(c.reply());
        });
        same(List.of("implicit_ssl=YES"), (c, t) -> {
            t.add(c.send("USER ftp"));
            t.add(c.reply());
        });
        same(List.of("implicit_ssl=YES", "idle_session_timeout=1"), (c, t) -> {
            t.add(c.reply());
            t.add(c.reply());
        });
        same(List.of("implicit_ssl=YES"), (c, t) -> {
            c.startTls();
            t.add(c.reply());
            for (String command : List.of("AUTH TLS", "PBSZ 0", "USER ftp", "PASS x", "STAT")) {
                t.add(c.send(command));
            }
        });
    }

    @Test
    void clientCertificates() throws Exception {
        List<String> settings = List.of("require_cert=YES", "validate_cert=YES", "ca_certs_file=" + pki.path("ca.pem"));
        for (String cert : new String[] {"client", null}) {
            same(settings, cert, (c, t) -> {
                t.add(c.reply());
                t.add(c.send("AUTH TLS"));
                SSLEngine engine = c.tls.createSSLEngine("127.0.0.1", c.port);
                engine.setUseClientMode(true);
                DataLink control = new DataLink(c.raw(), engine);
                try {
                    control.handshake();
                    String reply = control.command("USER ftp");
                    t.add(reply.startsWith("clear: ") ? "refused" : reply);
                } catch (javax.net.ssl.SSLException e) {
                    // vsftpd's OOPS races its reset here; FtpsServerTest checks jvsftpd's text
                    t.add("refused");
                }
            });
        }
    }

    @Test
    void closingDataConnectionsWithoutTlsShutdown() throws Exception {
        List<List<String>> variants = List.of(List.of(), List.of("strict_ssl_read_eof=NO"),
                List.of("strict_ssl_write_shutdown=YES"));
        for (List<String> settings : variants) {
            List<String> all = new ArrayList<>(List.of("write_enable=YES", "anon_upload_enable=YES"));
            all.addAll(settings);
            same(all, (c, t) -> {
                t.add(c.reply());
                t.add(c.send("AUTH TLS"));
                c.startTls();
                c.send("USER ftp");
                c.send("PASS x");
                c.send("PROT P");
                // the download first: a JVM client takes a TLS 1.3 ticket once, and only a connection it
                // reads from brings it the next one (OpenSSL sends two tickets per full handshake, JSSE one)
                DataLink down = c.secureData(c.epsv(), true);
                c.write("RETR f.txt");
                t.add(c.reply());
                down.handshake();
                t.add(down.readAll());
                down.finWithoutCloseNotify();
                t.add(c.reply());
                down.close();
                DataLink up = c.secureData(c.epsv(), true);
                c.write("STOR up/cut-" + System.nanoTime());
                t.add(c.reply());
                up.handshake();
                up.write("some bytes\n");
                up.finWithoutCloseNotify();
                t.add(c.reply());
                up.close();
            });
        }
    }

    /** A data transfer on a TLS data connection that resumes the control session or not. */
    private static void transfer(FtpsClient c, List<String> t, String command, boolean resume) throws Exception {
        DataLink data = c.secureData(c.epsv(), resume);
        c.write(command);
        t.add(c.reply());
        data.handshake();
        t.add(data.readAll());
        data.closeNotify();
        t.add(c.reply());
        data.close();
    }

    private void same(List<String> settings, Script script) throws Exception {
        same(settings, null, script);
    }

    /** Runs {@code script} against vsftpd and jvsftpd with {@code settings} and compares what came back. */
    private void same(List<String> settings, String clientCert, Script script) throws Exception {
        List<String> lines = new ArrayList<>(settings);
        lines.add("ftpd_banner=FTPS test");
        List<String> real = new ArrayList<>();
        Process vsftpd = startVsftpd(lines);
        try {
            talk(port(vsftpd), clientCert, script, real);
        } finally {
            vsftpd.destroy();
            vsftpd.waitFor(5, TimeUnit.SECONDS);
        }
        List<String> ours = new ArrayList<>();
        try (FtpsTestServer server = FtpsTestServer.start(root, lines.toArray(new String[0]))) {
            talk(server.port(), clientCert, script, ours);
        }
        assertEquals(normalise(real), normalise(ours), "settings " + settings);
    }

    private void talk(int port, String clientCert, Script script, List<String> transcript) throws Exception {
        SSLContext context = FtpsClient.context(pki, clientCert, "TLS");
        try (FtpsClient client = new FtpsClient(port, context)) {
            script.run(client, transcript);
        }
    }

    /**
     * What may differ: the server's name in STAT, the client count there (vsftpd also counts the
     * probe that saw it listen), and the racy second OOPS line of vsftpd's privileged helper
     * (reference section 1.4: clients may only rely on the first line), which jvsftpd has no
     * helper process to write.
     */
    private static List<String> normalise(List<String> transcript) {
        return transcript.stream()
                .map(reply -> reply.replaceAll("\n     (vsFTPd 3\\.0\\.3|jvsftpd test) - secure, fast, stable\n",
                        "\n     <server> - secure, fast, stable\n"))
                .map(reply -> reply.replaceAll("client count was \\d+", "client count was <n>"))
                .map(reply -> reply.matches("500 OOPS: (priv_sock_get_\\w+)?") ? "<EOF>" : reply)
                .toList();
    }

    private int vsftpdPort;

    private Process startVsftpd(List<String> settings) throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            vsftpdPort = probe.getLocalPort();
        }
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Files.setAttribute(empty, "unix:mode", 0755);
        List<String> config = FtpsTestServer.baseSettings(root, pki);
        config.addAll(List.of("listen_port=" + vsftpdPort, "background=NO", "seccomp_sandbox=NO",
                "secure_chroot_dir=" + empty));
        config.addAll(settings);
        Path file = temp.resolve("vsftpd-" + vsftpdPort + ".conf");
        Files.writeString(file, String.join("\n", config) + "\n");
        Files.setAttribute(file, "unix:mode", 0600);
        Path fd0 = temp.resolve("vsftpd-" + vsftpdPort + ".fd0");
        Files.createFile(fd0);
        Process process = new ProcessBuilder(VSFTPD.toString(), file.toString())
                .redirectInput(fd0.toFile()).redirectErrorStream(true).redirectOutput(temp.resolve("vsftpd.out").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", vsftpdPort), 200);
                // the probe costs vsftpd one session; it greets and sees us go
                return process;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException("vsftpd exited: " + Files.readString(fd0));
                }
                Thread.sleep(50);
            }
        }
        process.destroy();
        throw new IOException("vsftpd did not listen on " + vsftpdPort);
    }

    private int port(Process vsftpd) {
        return vsftpdPort;
    }
}
