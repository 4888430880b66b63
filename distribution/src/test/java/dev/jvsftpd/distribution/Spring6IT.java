package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.server.TestAccount;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.ftpserver.FtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.FileSystemXmlApplicationContext;
import org.springframework.core.SpringVersion;

/**
 * The XML samples our zip ships, loaded by a current Spring (6.2) in this JVM with our jars on
 * the class path, as an application embedding jvsftpd would: the namespace and the plain bean.
 */
class Spring6IT {
    @TempDir
    static Path shared;
    static Path jvsftpdHome;
    static TestAccount account;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws IOException {
        assertTrue(SpringVersion.getVersion().startsWith("6."), "expected Spring 6, got " + SpringVersion.getVersion());
        jvsftpdHome = Install.unpack(Files.createDirectory(shared.resolve("jvsftpd")));
        account = TestAccount.create("sp6");
    }

    @AfterAll
    static void removeAccount() {
        if (account != null) {
            account.close();
        }
    }

    @Test
    void namespaceSampleServesAsVsftpd() throws Exception {
        servesAsVsftpd("ftpd-jvsftpd.xml", Scene.create(tmp, account, true));
    }

    @Test
    void plainBeanSampleServesAsVsftpd() throws Exception {
        servesAsVsftpd("ftpd-jvsftpd-beans.xml", Scene.create(tmp, account, false));
    }

    /** Loads the adapted sample, starts the bean named server, checks it, and closing the context stops it. */
    private void servesAsVsftpd(String sample, Scene scene) throws Exception {
        Path xml = Files.writeString(tmp.resolve(sample),
                scene.adapt(Files.readString(jvsftpdHome.resolve("conf").resolve(sample), StandardCharsets.UTF_8)));
        try (FileSystemXmlApplicationContext context = new FileSystemXmlApplicationContext("file:" + xml)) {
            FtpServer server = assertInstanceOf(FtpServer.class, context.getBean("server"));
            assertTrue(server.isStopped(), "the bean is built, not started");
            server.start();
            assertFalse(server.isStopped());
            scene.assertServesAsVsftpd(() -> "");
        }
        // destroy-method="stop": the listener is gone with the context
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", scene.port), 2000);
            }
        }, "the server must stop when its Spring context closes");
    }
}
