package dev.jvsftpd.compat.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jvsftpd with ssl_enable=YES end to end: the replies of real vsftpd 3.0.3 (Debian's build, run
 * with the same settings, see RealVsftpdFtpsTest for the side-by-side comparison), real clients
 * (curl, lftp) verifying the server against the test CA, and what a broken client costs.
 */
class FtpsServerTest {
    @TempDir
    Path temp;
    Path root;
    final TestPki pki = TestPki.shared();

    @BeforeEach
    void jail() throws IOException {
        root = FtpsTestServer.anonymousRoot(temp);
    }

    private FtpsClient client(FtpsTestServer server) throws Exception {
        return new FtpsClient(server.port(), FtpsClient.context(pki, null, "TLS"));
    }

    @Test
    void explicitTlsCommandsAnswerAsVsftpd() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root); FtpsClient c = client(server)) {
            c.reply();
            String feat = "211-Features:\n AUTH TLS\n EPRT\n EPSV\n MDTM\n PASV\n PBSZ\n PROT\n REST STREAM\n SIZE\n TVFS\n"
                    + "211 End";
            assertEquals(feat, c.send("FEAT"));
            assertEquals("503 PBSZ needs a secure connection.", c.send("PBSZ 0"));
            assertEquals("503 PROT needs a secure connection.", c.send("PROT P"));
            assertEquals("530 Please login with USER and PASS.", c.send("CCC"));
            assertEquals("504 Unknown AUTH type.", c.send("AUTH"));
            assertEquals("504 Unknown AUTH type.", c.send("AUTH XYZ"));
            assertEquals("234 Proceed with negotiation.", c.send("AUTH tls-c"));
            c.startTls();
            assertEquals("530 Please login with USER and PASS.", c.send("AUTH TLS"));
            assertEquals("200 PBSZ set to 0.", c.send("PBSZ 1"));
            assertEquals("200 PBSZ set to 0.", c.send("PBSZ"));
            assertEquals("504 PROT not recognized.", c.send("PROT"));
            assertEquals("536 PROT not supported.", c.send("PROT s"));
            assertEquals("536 PROT not supported.", c.send("PROT E"));
            assertEquals("504 PROT not recognized.", c.send("PROT X"));
            assertEquals("200 PROT now Clear.", c.send("PROT c"));
            assertEquals("200 PROT now Private.", c.send("PROT p"));
            assertEquals(feat, c.send("FEAT"));
            assertEquals("331 Please specify the password.", c.send("USER ftp"));
            assertEquals("230 Login successful.", c.send("PASS x"));
            String stat = c.send("STAT");
            assertTrue(stat.contains("\n     Control connection is encrypted\n     Data connections will be encrypted\n"),
                    stat);
            assertEquals("200 PROT now Clear.", c.send("PROT C"));
            assertTrue(c.send("STAT").contains("\n     Data connections will be plain text\n"));
            assertEquals("500 Unknown command.", c.send("AUTH TLS"));
            assertEquals("500 Unknown command.", c.send("CCC"));
            assertEquals("221 Goodbye.", c.send("QUIT"));
        }
    }

    /** TLS 1.3 lets a client send its first command together with its Finished; it must be answered. */
    @Test
    void aCommandInTheSameFlightAsTheClientsFinishedIsAnswered() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root); FtpsClient c = client(server)) {
            c.reply();
            c.send("AUTH TLS");
            javax.net.ssl.SSLEngine engine = c.tls.createSSLEngine("127.0.0.1", server.port());
            engine.setUseClientMode(true);
            DataLink control = new DataLink(c.raw(), engine).holdLastFlight();
            control.handshake();
            assertEquals("200 PBSZ set to 0.", control.command("PBSZ 0"));
        }
    }

    @Test
    void authSslAndTlsPProtectDataAtOnceAndAuthAfterLoginIsUnknown() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root)) {
            for (String type : List.of("SSL", "TLS-P")) {
                try (FtpsClient c = client(server)) {
                    c.reply();
                    assertEquals("234 Proceed with negotiation.", c.send("AUTH " + type));
                    c.startTls();
                    c.send("USER ftp");
                    c.send("PASS x");
                    assertTrue(c.send("STAT").contains("\n     Data connections will be encrypted\n"));
                }
            }
            try (FtpsClient c = client(server)) {
                c.reply();
                c.send("USER ftp");
                c.send("PASS x");
                assertEquals("503 PBSZ needs a secure connection.", c.send("PBSZ 0"));
                assertEquals("503 PROT needs a secure connection.", c.send("PROT P"));
                assertEquals("500 Unknown command.", c.send("AUTH TLS-P"));
                String stat = c.send("STAT");
                assertTrue(stat.contains("\n     Control connection is plain text\n     Data connections will be plain text\n"));
            }
        }
    }

    @Test
    void withoutSslEnableTheTlsVerbsAreRefusedAsVsftpdRefusesThem() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root, "ssl_enable=NO"); FtpsClient c = client(server)) {
            c.reply();
            assertEquals("211-Features:\n EPRT\n EPSV\n MDTM\n PASV\n REST STREAM\n SIZE\n TVFS\n211 End", c.send("FEAT"));
            assertEquals("530 Please login with USER and PASS.", c.send("AUTH TLS"));
            assertEquals("530 Please login with USER and PASS.", c.send("PBSZ 0"));
            assertEquals("530 Please login with USER and PASS.", c.send("PROT P"));
            c.send("USER ftp");
            c.send("PASS x");
            assertEquals("500 Unknown command.", c.send("AUTH TLS"));
            assertEquals("550 Permission denied.", c.send("PBSZ 0"));
            assertEquals("550 Permission denied.", c.send("PROT P"));
        }
    }

    @Test
    void curlDownloadsListsAndUploadsVerifyingTheServerWithTls13AndTls12() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root, "write_enable=YES", "anon_upload_enable=YES")) {
            String base = "ftp://127.0.0.1:" + server.port() + "/";
            for (String version : List.of("--tlsv1.3", "--tls-max")) {
                List<String> tls = version.equals("--tls-max") ? List.of("--tls-max", "1.2") : List.of("--tlsv1.3");
                assertEquals(FtpsTestServer.CONTENT, curl(tls, base + "f.txt"));
                // curl turns the listing's CRLF into LF (TYPE A)
                assertTrue(curl(tls, base).contains(" f.txt\n"));
                Path upload = temp.resolve("upload-" + tls.size() + ".txt");
                Files.writeString(upload, "uploaded over " + tls + "\n");
                List<String> put = new ArrayList<>(tls);
                put.addAll(List.of("-T", upload.toString()));
                curl(put, base + "up/" + upload.getFileName());
                assertEquals(Files.readString(upload), Files.readString(root.resolve("up").resolve(upload.getFileName())));
            }
        }
    }

    @Test
    void curlSpeaksImplicitFtps() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root, "implicit_ssl=YES")) {
            assertEquals(FtpsTestServer.CONTENT, curl(List.of(), "ftps://127.0.0.1:" + server.port() + "/f.txt"));
        }
    }

    @Test
    void lftpForcesTlsAndReusesTheSessionForData() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root)) {
            String out = run(List.of("lftp", "-c", "set ssl:ca-file " + pki.path("ca.pem") + "; set ftp:ssl-force true;"
                    + " set ftp:ssl-protect-data true; set net:max-retries 1; set net:timeout 10;"
                    + " open -u anonymous,x ftp://127.0.0.1:" + server.port() + "; cat f.txt; ls"));
            assertTrue(out.startsWith(FtpsTestServer.CONTENT), out);
            assertTrue(out.contains(" f.txt"), out);
        }
    }

    @Test
    void aDataConnectionThatDoesNotResumeTheControlSessionEndsTheSession() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root); FtpsClient c = client(server).anonymousOverTls()) {
            c.send("PROT P");
            assertEquals(FtpsTestServer.CONTENT, download(c, "RETR f.txt", true));
            DataLink data = c.secureData(c.epsv(), false);
            c.write("RETR f.txt");
            assertTrue(c.reply().startsWith("150 "));
            data.handshake();
            assertEquals("522 SSL connection failed: session reuse required", c.reply());
            assertEquals("<EOF>", c.reply());
        }
        try (FtpsTestServer server = FtpsTestServer.start(root, "require_ssl_reuse=NO");
             FtpsClient c = client(server).anonymousOverTls()) {
            c.send("PROT P");
            assertEquals(FtpsTestServer.CONTENT, download(c, "RETR f.txt", false));
        }
    }

    @Test
    void forcedDataEncryptionRefusesClearTransfersAndKeepsTheDataChannel() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root, "force_anon_data_ssl=YES");
             FtpsClient c = client(server).anonymousOverTls()) {
            int port = c.epsv();
            assertEquals("522 Data connections must be encrypted.", c.send("LIST"));
            assertEquals("522 Data connections must be encrypted.", c.send("RETR f.txt"));
            assertEquals("200 PROT now Private.", c.send("PROT P"));
            DataLink data = c.secureData(port, true);
            c.write("RETR f.txt");
            assertTrue(c.reply().startsWith("150 "));
            data.handshake();
            assertEquals(FtpsTestServer.CONTENT, data.readAll());
            data.closeNotify();
            assertEquals("226 Transfer complete.", c.reply());
            data.close();
        }
    }

    @Test
    void loginRulesForEncryption() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root, "local_enable=YES")) {
            try (FtpsClient c = client(server)) {
                c.reply();
                assertEquals("530 Non-anonymous sessions must use encryption.", c.send("USER bob"));
                assertEquals("<EOF>", c.reply());
            }
        }
        try (FtpsTestServer server = FtpsTestServer.start(root, "allow_anon_ssl=NO"); FtpsClient c = client(server)) {
            c.reply();
            c.send("AUTH TLS");
            c.startTls();
            assertEquals("530 Anonymous sessions may not use encryption.", c.send("USER anonymous"));
            assertEquals("530 Anonymous sessions may not use encryption.", c.send("USER FTP"));
            assertEquals("503 Login with USER first.", c.send("PASS x"));
            assertEquals("530 This FTP server is anonymous only.", c.send("USER bob"));
        }
        try (FtpsTestServer server = FtpsTestServer.start(root, "allow_anon_ssl=NO", "force_anon_logins_ssl=YES")) {
            try (FtpsClient c = client(server)) {
                c.reply();
                assertEquals("530 Anonymous sessions must use encryption.", c.send("USER ftp"));
                assertEquals("<EOF>", c.reply());
            }
            try (FtpsClient c = client(server)) {
                c.anonymousOverTls();
            }
        }
    }

    @Test
    void aBrokenHandshakeCostsOnlyThatConnection() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root)) {
            try (FtpsClient c = client(server)) {
                c.reply();
                c.send("AUTH TLS");
                assertEquals("500 OOPS: error:0A00010B:SSL routines::wrong version number", c.send("USER ftp"));
                assertEquals("<EOF>", c.reply());
            }
            try (FtpsClient c = client(server)) {
                c.anonymousOverTls();
                assertEquals("257 \"/\" is the current directory", c.send("PWD"));
            }
        }
        try (FtpsTestServer server = FtpsTestServer.start(root, "implicit_ssl=YES")) {
            try (FtpsClient plain = client(server)) {
                assertEquals("500 OOPS: error:0A00010B:SSL routines::wrong version number", plain.send("USER ftp"));
                assertEquals("<EOF>", plain.reply());
            }
            try (FtpsClient c = client(server)) {
                c.startTls();
                assertTrue(c.reply().startsWith("220 "));
                assertEquals("530 Please login with USER and PASS.", c.send("AUTH TLS"));
                c.send("USER ftp");
                assertEquals("230 Login successful.", c.send("PASS x"));
                String stat = c.send("STAT");
                assertTrue(stat.contains("\n     Control connection is encrypted\n     Data connections will be plain text\n"));
            }
        }
    }

    @Test
    void aBrokenDataHandshakeEndsTheSessionWithVsftpdsOops() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root); FtpsClient c = client(server).anonymousOverTls()) {
            c.send("PROT P");
            try (Socket data = new Socket()) {
                data.connect(new InetSocketAddress("127.0.0.1", c.epsv()));
                c.write("RETR f.txt");
                assertTrue(c.reply().startsWith("150 "));
                data.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("500 OOPS: error:0A00010B:SSL routines::wrong version number", c.reply());
                assertEquals("<EOF>", c.reply());
            }
        }
    }

    @Test
    void silentClientsAreCutOffByTheTimeouts() throws Exception {
        // a data connection that never starts its handshake: vsftpd's data alarm, then its OOPS
        try (FtpsTestServer server = FtpsTestServer.start(root, "data_connection_timeout=1");
             FtpsClient c = client(server).anonymousOverTls()) {
            c.send("PROT P");
            try (Socket data = new Socket()) {
                data.connect(new InetSocketAddress("127.0.0.1", c.epsv()));
                c.write("RETR f.txt");
                assertTrue(c.reply().startsWith("150 "));
                assertEquals("500 OOPS: error:0A000126:SSL routines::unexpected eof while reading", c.reply());
                assertEquals("<EOF>", c.reply());
            }
        }
        // a plain client that says nothing on an implicit port: the idle timeout ends the handshake
        try (FtpsTestServer server = FtpsTestServer.start(root, "implicit_ssl=YES", "idle_session_timeout=1");
             FtpsClient plain = client(server)) {
            assertEquals("500 OOPS: error:00000000:lib(0)::reason(0)", plain.reply());
            assertEquals("<EOF>", plain.reply());
        }
    }

    @Test
    void aTls12ClientResumesTooAndDebugSslDescribesTheSessions() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root, "debug_ssl=YES");
             FtpsClient c = new FtpsClient(server.port(), FtpsClient.context(pki, null, "TLSv1.2")).anonymousOverTls()) {
            assertEquals("TLSv1.2", ((javax.net.ssl.SSLSocket) c.raw()).getSession().getProtocol());
            c.send("PROT P");
            assertEquals(FtpsTestServer.CONTENT, download(c, "RETR f.txt", true));
            assertEquals(FtpsTestServer.CONTENT, download(c, "RETR f.txt", true));
        }
    }

    @Test
    void strictTlsClosingRules() throws Exception {
        // strict_ssl_read_eof defaults to YES: an upload cut without close_notify fails
        assertEquals("426 Failure reading network stream.", uploadWithoutCloseNotify());
        assertEquals("226 Transfer complete.", uploadWithoutCloseNotify("strict_ssl_read_eof=NO"));
        assertEquals("226 Transfer complete.", downloadWithoutCloseNotify());
        assertEquals("426 Failure writing network stream.", downloadWithoutCloseNotify("strict_ssl_write_shutdown=YES"));
    }

    private String uploadWithoutCloseNotify(String... lines) throws Exception {
        List<String> settings = new ArrayList<>(List.of("write_enable=YES", "anon_upload_enable=YES"));
        settings.addAll(List.of(lines));
        try (FtpsTestServer server = FtpsTestServer.start(root, settings.toArray(new String[0]));
             FtpsClient c = client(server).anonymousOverTls()) {
            c.send("PROT P");
            DataLink data = c.secureData(c.epsv(), true);
            c.write("STOR up/cut-" + System.nanoTime());
            assertTrue(c.reply().startsWith("150 "));
            data.handshake();
            data.write("some bytes\n");
            data.finWithoutCloseNotify();
            String reply = c.reply();
            data.close();
            return reply;
        }
    }

    private String downloadWithoutCloseNotify(String... lines) throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root, lines); FtpsClient c = client(server).anonymousOverTls()) {
            c.send("PROT P");
            DataLink data = c.secureData(c.epsv(), true);
            c.write("RETR f.txt");
            assertTrue(c.reply().startsWith("150 "));
            data.handshake();
            assertEquals(FtpsTestServer.CONTENT, data.readAll());
            data.finWithoutCloseNotify();
            String reply = c.reply();
            data.close();
            return reply;
        }
    }

    @Test
    void clientCertificatesAreRequiredAndValidatedAsConfigured() throws Exception {
        try (FtpsTestServer server = FtpsTestServer.start(root, "require_cert=YES", "validate_cert=YES",
                "ca_certs_file=" + pki.path("ca.pem"))) {
            assertEquals("331 Please specify the password.", loginWithCertificate(server, "client"));
            // a JVM client keeps back a certificate from a CA the server does not name: none arrives
            String rogue = loginWithCertificate(server, "rogue");
            assertTrue(rogue.contains("500 OOPS: error:0A0000C7:SSL routines::peer did not return a certificate\r\n"),
                    rogue);
            String none = loginWithCertificate(server, null);
            assertTrue(none.contains("500 OOPS: error:0A0000C7:SSL routines::peer did not return a certificate\r\n"),
                    none);
        }
        // validate_cert without a CA file: vsftpd loads no default CAs, so nothing validates
        try (FtpsTestServer server = FtpsTestServer.start(root, "validate_cert=YES")) {
            String unvalidated = loginWithCertificate(server, "client");
            assertTrue(unvalidated.contains("500 OOPS: error:0A000086:SSL routines::certificate verify failed\r\n"),
                    unvalidated);
            assertEquals("331 Please specify the password.", loginWithCertificate(server, null));
        }
        try (FtpsTestServer server = FtpsTestServer.start(root, "require_cert=YES")) {
            assertEquals("331 Please specify the password.", loginWithCertificate(server, "rogue"));
        }
    }

    /** AUTH TLS with or without a client certificate, then USER: its reply, or what came in clear. */
    private String loginWithCertificate(FtpsTestServer server, String cert) throws Exception {
        javax.net.ssl.SSLContext context = FtpsClient.context(pki, cert, "TLS");
        try (FtpsClient c = new FtpsClient(server.port(), context)) {
            c.reply();
            c.send("AUTH TLS");
            javax.net.ssl.SSLEngine engine = context.createSSLEngine("127.0.0.1", server.port());
            engine.setUseClientMode(true);
            DataLink control = new DataLink(c.raw(), engine);
            try {
                control.handshake();
            } catch (javax.net.ssl.SSLException e) {
                return "clear: " + control.rawRest();
            }
            // TLS 1.3: the server judges the certificate after the client's side of the handshake is over
            return control.command("USER ftp");
        }
    }

    private String download(FtpsClient c, String command, boolean resume) throws Exception {
        DataLink data = c.secureData(c.epsv(), resume);
        c.write(command);
        assertTrue(c.reply().startsWith("150 "));
        data.handshake();
        String body = data.readAll();
        data.closeNotify();
        assertEquals("226 Transfer complete.", c.reply());
        data.close();
        return body;
    }


    private String curl(List<String> options, String url) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--ssl-reqd", "--cacert", pki.path("ca.pem"),
                "--max-time", "20"));
        command.addAll(options);
        command.add(url);
        return run(command);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + ": " + text);
        return text;
    }
}
