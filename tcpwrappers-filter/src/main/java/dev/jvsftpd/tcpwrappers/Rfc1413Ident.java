package dev.jvsftpd.tcpwrappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ident (RFC 1413) client libwrap uses: connect from the server's address to the client's
 * port 113, send "client-port,server-port", accept a USERID answer for exactly those ports.
 */
public final class Rfc1413Ident implements IdentLookup {

    /** The reply as libwrap's sscanf reads it: "%u , %u : USERID :%*[^:]:%255s". */
    private static final Pattern REPLY = Pattern.compile(
            "[ \\t\\n\\x0B\\f\\r]*\\+?(\\d+)[ \\t\\n\\x0B\\f\\r]*,[ \\t\\n\\x0B\\f\\r]*\\+?(\\d+)[ \\t\\n\\x0B\\f\\r]*:"
                    + "[ \\t\\n\\x0B\\f\\r]*USERID[ \\t\\n\\x0B\\f\\r]*:[^:]+:[ \\t\\n\\x0B\\f\\r]*([^ \\t\\n\\x0B\\f\\r]{1,255})");
    private static final int MAX_REPLY = 512;

    private final int port;

    public Rfc1413Ident() {
        this(113);
    }

    /** @param port the identd port to ask (113; another one for tests) */
    public Rfc1413Ident(int port) {
        this.port = port;
    }

    @Override
    public Optional<String> user(InetSocketAddress client, InetSocketAddress server, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(server.getAddress(), 0));
            socket.connect(new InetSocketAddress(client.getAddress(), port), remainingMillis(deadline));
            OutputStream out = socket.getOutputStream();
            out.write((client.getPort() + "," + server.getPort() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = readLine(socket, deadline);
            Matcher m = REPLY.matcher(line);
            if (m.lookingAt() && Long.parseLong(m.group(1)) == client.getPort()
                    && Long.parseLong(m.group(2)) == server.getPort()) {
                return Optional.of(m.group(3));
            }
        } catch (IOException | NumberFormatException e) {
            // no identd, a refusal or garbage: the user stays unknown, as in libwrap
        }
        return Optional.empty();
    }

    private static String readLine(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        while (line.length() < MAX_REPLY) {
            socket.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b < 0 || b == '\n') {
                break;
            }
            line.append((char) b);
        }
        return line.toString();
    }

    private static int remainingMillis(long deadline) throws IOException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new IOException("ident timeout");
        }
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }
}
