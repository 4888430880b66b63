package dev.jvsftpd.distribution;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays raw command lines over a plain socket and records everything the server says.
 *
 * <p>Transcript lines: {@code < reply line} for each line received on the control connection,
 * {@code > command} for each line sent, {@code [data ...]} for what came over a data connection,
 * {@code <closed>} when the server closed the control connection.
 *
 * <p>PASV and EPSV replies make the client connect to the announced port at once. A 125/150 reply
 * makes it read that data connection to its end, then the final reply. A text data stream (LIST,
 * NLST) is recorded line by line; anything else as its size and SHA-256.
 */
final class Transcript {
    static final int TIMEOUT_MS = 10_000;
    private static final Pattern PASV = Pattern.compile("^227 .*\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\).*");
    private static final Pattern EPSV = Pattern.compile("^229 .*\\(\\|\\|\\|(\\d+)\\|\\).*");

    private final List<String> lines = new ArrayList<>();
    private Socket control;
    private InputStream in;
    private OutputStream out;
    private Socket data;
    private boolean closed;

    private Transcript() {
    }

    /** Connects to 127.0.0.1:port, reads the greeting, sends each command and reads its replies. */
    static List<String> record(int port, List<String> commands) throws IOException {
        Transcript t = new Transcript();
        try {
            t.run(port, commands);
        } finally {
            t.closeAll();
        }
        return t.lines;
    }

    private void run(int port, List<String> commands) throws IOException {
        control = new Socket();
        control.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        control.setSoTimeout(TIMEOUT_MS);
        in = new BufferedInputStream(control.getInputStream());
        out = control.getOutputStream();
        readReply();
        for (String command : commands) {
            if (closed) {
                lines.add("(not sent: " + command + ")");
                continue;
            }
            lines.add("> " + command);
            out.write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String last = readReply();
            if (last == null) {
                continue;
            }
            handle(command, last);
        }
        if (!closed) {
            // after the script: QUIT closes; anything else must still be open
            awaitClose(commands.isEmpty() ? "" : commands.get(commands.size() - 1));
        }
    }

    private void handle(String command, String last) throws IOException {
        Matcher m = PASV.matcher(last);
        if (m.matches()) {
            openData(m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4),
                    Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6)));
            return;
        }
        m = EPSV.matcher(last);
        if (m.matches()) {
            openData("127.0.0.1", Integer.parseInt(m.group(1)));
            return;
        }
        if (last.startsWith("150 ") || last.startsWith("125 ")) {
            readData(command);
            readReply();
        }
    }

    private void openData(String host, int port) {
        closeData();
        try {
            data = new Socket();
            data.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            data.setSoTimeout(TIMEOUT_MS);
        } catch (IOException e) {
            lines.add("[data connection to " + host + ":PORT failed: " + e.getClass().getSimpleName() + "]");
            closeData();
        }
    }

    private void readData(String command) throws IOException {
        if (data == null) {
            lines.add("[no data connection]");
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream d = data.getInputStream()) {
            d.transferTo(bytes);
        } catch (SocketTimeoutException e) {
            lines.add("[data: timed out after " + bytes.size() + " bytes]");
        } finally {
            closeData();
        }
        String verb = command.split(" ", 2)[0].toUpperCase();
        byte[] b = bytes.toByteArray();
        if (verb.equals("LIST") || verb.equals("NLST") || verb.equals("STAT")) {
            for (String l : new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)) {
                if (!l.isEmpty()) {
                    lines.add("[data] " + l.replace("\r", "\\r"));
                }
            }
            lines.add("[data: " + b.length + " bytes]");
        } else {
            lines.add("[data: " + b.length + " bytes, sha256 " + sha256(b) + "]");
        }
    }

    /** Reads one complete (possibly multi-line) reply; returns its last line, or null if the connection closed. */
    private String readReply() throws IOException {
        String first = readLine();
        if (first == null) {
            return null;
        }
        lines.add("< " + first);
        if (first.length() >= 4 && first.charAt(3) == '-' && isCode(first)) {
            String end = first.substring(0, 3) + " ";
            while (true) {
                String l = readLine();
                if (l == null) {
                    return null;
                }
                lines.add("< " + l);
                if (l.startsWith(end)) {
                    return l;
                }
            }
        }
        return first;
    }

    private static boolean isCode(String l) {
        return Character.isDigit(l.charAt(0)) && Character.isDigit(l.charAt(1)) && Character.isDigit(l.charAt(2));
    }

    /** One line without its CRLF; records {@code <closed>} and returns null at end of stream. */
    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s + "<LF without CR>";
                }
                b.write(c);
            }
        } catch (SocketTimeoutException e) {
            lines.add("<no reply within " + TIMEOUT_MS / 1000 + "s" + (b.size() > 0 ? ", partial: " + b : "") + ">");
            closed = true;
            return null;
        } catch (IOException e) {
            lines.add("<read failed: " + e.getMessage() + ">");
            closed = true;
            return null;
        }
        if (b.size() > 0) {
            lines.add("<partial line at close: " + b.toString(StandardCharsets.ISO_8859_1) + ">");
        }
        lines.add("<closed>");
        closed = true;
        return null;
    }

    /** After the script: record whether the server closes the control connection within a short time. */
    private void awaitClose(String lastCommand) throws IOException {
        control.setSoTimeout(lastCommand.equalsIgnoreCase("QUIT") ? TIMEOUT_MS : 1000);
        try {
            int c = in.read();
            if (c == -1) {
                lines.add("<closed>");
            } else {
                lines.add("<unexpected data after the script: " + (char) c + "...>");
            }
        } catch (SocketTimeoutException e) {
            lines.add("<still open>");
        } catch (IOException e) {
            lines.add("<closed: " + e.getClass().getSimpleName() + ">");
        }
        closed = true;
    }

    private void closeData() {
        if (data != null) {
            try {
                data.close();
            } catch (IOException ignored) {
                // closing
            }
            data = null;
        }
    }

    private void closeAll() {
        closeData();
        if (control != null) {
            try {
                control.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The only differences allowed between vsftpd and jvsftpd: the default greeting's name and
     * version, and the passive port numbers.
     */
    static List<String> normalise(List<String> transcript) {
        List<String> n = new ArrayList<>();
        for (String l : transcript) {
            l = l.replaceFirst("^< 220 \\((vsFTPd|jvsftpd) [^)]*\\)$", "< 220 (<name> <version>)");
            l = l.replaceFirst("^(< 227 .*\\(\\d+,\\d+,\\d+,\\d+),\\d+,\\d+\\)", "$1,<p1>,<p2>)");
            l = l.replaceFirst("^(< 229 .*\\(\\|\\|\\|)\\d+(\\|\\))", "$1<port>$2");
            n.add(l);
        }
        return n;
    }
}
