package dev.jvsftpd.compat.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A control connection that sends exact bytes and reads exact lines, for what Commons Net hides. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        this.out = socket.getOutputStream();
    }

    static RawClient connect(int port) throws IOException {
        return connectFrom("127.0.0.1", port);
    }

    /** Connects from another loopback address (127.0.0.2 ...), as a different host would. */
    static RawClient connectFrom(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return new RawClient(socket);
    }

    /** One line without CRLF; null at end of stream. */
    String readLine() throws IOException {
        return in.readLine();
    }

    /** Sends {@code line} + CRLF and returns the first reply line. */
    String send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readLine();
    }

    /** Sends bytes as they are, with nothing appended. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends EPSV and returns the data port from {@code 229 ... (|||port|)}. */
    int epsv() throws IOException {
        String reply = send("EPSV");
        if (!reply.startsWith("229 ")) {
            throw new IOException("EPSV refused: " + reply);
        }
        return Integer.parseInt(reply.replaceAll(".*\\|\\|\\|(\\d+)\\|\\)", "$1"));
    }

    /** Logs in anonymously, after reading the greeting. */
    RawClient anonymous() throws IOException {
        readLine();
        send("USER ftp");
        String reply = send("PASS x");
        if (!reply.startsWith("230")) {
            throw new IOException("login failed: " + reply);
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
