package dev.jvsftpd.tcpwrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.FileSystemXmlApplicationContext;

/**
 * The documented XML (src/test/resources/ftpd-tcpwrappers.xml) loaded the way the stock
 * distribution's CommandLine loads it, on the distribution's Spring 2.5.5: the Ftplet is configured
 * from bean properties and refuses and serves as its tables say.
 */
class SpringXmlConfigTest {

    @TempDir
    Path dir;

    @Test
    void stockServerXmlWithOurFtpletRefusesAndServes() throws Exception {
        Path allow = Files.writeString(dir.resolve("hosts.allow"), "vsftpd: 127.0.0.3\n");
        Path deny = Files.writeString(dir.resolve("hosts.deny"), "ALL: ALL\n");
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/ftpd-tcpwrappers.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        xml = xml.replace("/etc/hosts.allow", allow.toString()).replace("/etc/hosts.deny", deny.toString())
                .replace("port=\"2121\"", "port=\"0\"");
        Path config = Files.writeString(dir.resolve("ftpd.xml"), xml);

        FileSystemXmlApplicationContext context = new FileSystemXmlApplicationContext("file:" + config);
        DefaultFtpServer server = (DefaultFtpServer) context.getBean("server");
        server.start();
        try {
            int port = server.getServerContext().getListener("default").getPort();
            assertEquals("421 Service not available.\r\n", exchange("127.0.0.2", port));
            String served = exchange("127.0.0.3", port);
            assertTrue(served.startsWith("220 ") && served.endsWith("221 Goodbye.\r\n"), served);
        } finally {
            server.stop();
            context.close();
        }
    }

    private static String exchange(String from, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
