package dev.jvsftpd.tcpwrappers;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The real Debian libwrap (libwrap.so.0) as the oracle, called the way vsftpd calls it:
 * request_init(RQ_DAEMON, RQ_FILE fd) + sock_host + hosts_access on a real loopback connection,
 * with the tables redirected through the exported globals hosts_allow_table / hosts_deny_table.
 * Sockets are made with libc so the accepted descriptor can be handed to libwrap.
 */
final class LibWrap {

    static final int RQ_FILE = 1;
    static final int RQ_DAEMON = 2;
    static final int RQ_USER = 3;
    static final int RQ_CLIENT_NAME = 4;
    static final int RQ_SERVER_NAME = 7;

    interface Wrap extends Library {
        Pointer request_init(Pointer request, Object... keyValues);

        Pointer request_set(Pointer request, Object... keyValues);

        void sock_host(Pointer request);

        int hosts_access(Pointer request);

        long dot_quad_addr(String text);

        long cidr_mask_addr(String text);
    }

    interface LibC extends Library {
        int socket(int domain, int type, int protocol);

        int setsockopt(int fd, int level, int option, IntByReference value, int length);

        int setsockopt(int fd, int level, int option, int[] value, int length);

        int bind(int fd, byte[] address, int length);

        int listen(int fd, int backlog);

        int connect(int fd, byte[] address, int length);

        int accept(int fd, byte[] address, IntByReference length);

        int getsockname(int fd, byte[] address, IntByReference length);

        int getpeername(int fd, byte[] address, IntByReference length);

        int close(int fd);

        long recv(int fd, byte[] buffer, long length, int flags);

        String getenv(String name);

        int unsetenv(String name);

        String inet_ntop(int family, byte[] address, byte[] text, int size);

        int inet_pton(int family, String text, byte[] address);
    }

    /** By name: JNA finds Debian's versioned libwrap.so.0 even without libwrap0-dev's libwrap.so. */
    static final Wrap WRAP = Native.load("wrap", Wrap.class);
    static final NativeLibrary WRAP_LIBRARY = NativeLibrary.getInstance("wrap");
    static final LibC LIBC = Native.load("c", LibC.class);

    static {
        // a process that already called hosts_access is "resident": twist then fails instead of
        // replacing the test JVM with /bin/sh
        WRAP_LIBRARY.getGlobalVariableAddress("resident").setInt(0, 1);
    }

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int SO_LINGER = 13;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_V6ONLY = 26;
    private static final int MSG_DONTWAIT = 0x40;

    private static Memory allowPath;
    private static Memory denyPath;
    private static Path currentAllow;
    private static Path currentDeny;
    /** Whether libwrap's aclexec status may be non-zero from an earlier call (see hostsAccess). */
    private static boolean aclexecStatusDirty;
    private static Path resetTable;

    private LibWrap() {
    }

    /** Points libwrap at these tables (any path: missing, a directory, unreadable...). */
    static synchronized void tables(Path allow, Path deny) {
        currentAllow = allow;
        currentDeny = deny;
        allowPath = cString(allow.toString());
        denyPath = cString(deny.toString());
        WRAP_LIBRARY.getGlobalVariableAddress("hosts_allow_table").setPointer(0, allowPath);
        WRAP_LIBRARY.getGlobalVariableAddress("hosts_deny_table").setPointer(0, denyPath);
    }

    private static Memory cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        Memory m = new Memory(bytes.length + 1L);
        m.write(0, bytes, 0, bytes.length);
        m.setByte(bytes.length, (byte) 0);
        return m;
    }

    /** What libwrap decided, and what its options did to the connection. */
    record Outcome(boolean allowed, byte[] clientReceived) {
    }

    /**
     * hosts_access for daemon "vsftpd" on this connection. Names and user, when given, are set
     * the way a caller passes known facts (RQ_CLIENT_NAME, RQ_SERVER_NAME, RQ_USER), so libwrap
     * does no lookups for them.
     */
    static synchronized Outcome hostsAccess(Connection c, String daemon, String clientName, String serverName, String user) {
        // libwrap keeps the last aclexec exit status in a static for the life of the process
        // (vsftpd calls it once per process); a failed aclexec of an earlier case would make every
        // rule with options a non-match. An "aclexec true" rule sets it back to 0.
        if (aclexecStatusDirty) {
            resetAclexecStatus(c);
        }
        aclexecStatusDirty = mentionsAclexec(currentAllow) || mentionsAclexec(currentDeny);
        return call(c, daemon, clientName, serverName, user);
    }

    /** Whether the table has an aclexec that can fail (the tests only write commands that are plainly true or false). */
    private static boolean mentionsAclexec(Path table) {
        try {
            return Files.isRegularFile(table)
                    && Files.readString(table, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).matches("(?s).*aclexec[ \t=]+(false|/bin/false|exit).*");
        } catch (IOException e) {
            return true;
        }
    }

    private static void resetAclexecStatus(Connection c) {
        try {
            if (resetTable == null) {
                resetTable = Files.createTempFile("libwrap-reset", ".allow");
                resetTable.toFile().deleteOnExit();
                Files.writeString(resetTable, "ALL: ALL: aclexec true\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path allow = currentAllow;
        Path deny = currentDeny;
        tables(resetTable, resetTable);
        call(c, "vsftpd", "unknown", "unknown", "unknown");
        tables(allow, deny);
    }

    private static Outcome call(Connection c, String daemon, String clientName, String serverName, String user) {
        Memory request = new Memory(8192);
        request.clear();
        WRAP.request_init(request, RQ_DAEMON, daemon, RQ_FILE, c.serverFd(), 0);
        WRAP.sock_host(request);
        if (clientName != null) {
            WRAP.request_set(request, RQ_CLIENT_NAME, clientName, 0);
        }
        if (serverName != null) {
            WRAP.request_set(request, RQ_SERVER_NAME, serverName, 0);
        }
        if (user != null) {
            WRAP.request_set(request, RQ_USER, user, 0);
        }
        boolean allowed = WRAP.hosts_access(request) != 0;
        return new Outcome(allowed, drain(c.clientFd()));
    }

    private static byte[] drain(int fd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        for (int i = 0; i < 1000; i++) {
            long n = LIBC.recv(fd, buf, buf.length, MSG_DONTWAIT);
            if (n <= 0) {
                break;
            }
            out.write(buf, 0, (int) n);
        }
        return out.toByteArray();
    }

    /** A listening socket made with libc. */
    record Listener(int fd, int family, InetSocketAddress address, boolean dualStack) implements AutoCloseable {
        @Override
        public void close() {
            LIBC.close(fd);
        }
    }

    /** An accepted loopback connection: the server side is what libwrap inspects. */
    record Connection(int clientFd, int serverFd, InetSocketAddress client, InetSocketAddress server)
            implements AutoCloseable {
        @Override
        public void close() {
            // RST instead of TIME_WAIT: the corpus opens tens of thousands of connections
            LIBC.setsockopt(clientFd, SOL_SOCKET, SO_LINGER, new int[] {1, 0}, 8);
            LIBC.close(clientFd);
            LIBC.close(serverFd);
        }
    }

    /** @param dualStack an IPv6 wildcard socket that also accepts IPv4 (IPv4-mapped clients) */
    static Listener listen(String address, boolean dualStack) {
        int family = dualStack || address.contains(":") ? AF_INET6 : AF_INET;
        int fd = LIBC.socket(family, SOCK_STREAM, 0);
        check(fd, "socket");
        LIBC.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, new IntByReference(1), 4);
        if (family == AF_INET6) {
            LIBC.setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, new IntByReference(dualStack ? 0 : 1), 4);
        }
        byte[] sa = sockaddr(family, dualStack ? "::" : address, 0);
        check(LIBC.bind(fd, sa, sa.length), "bind " + address);
        check(LIBC.listen(fd, 16), "listen");
        byte[] bound = new byte[128];
        IntByReference len = new IntByReference(bound.length);
        check(LIBC.getsockname(fd, bound, len), "getsockname");
        InetSocketAddress local = parse(bound);
        return new Listener(fd, family, new InetSocketAddress(address, local.getPort()), dualStack);
    }

    /** Connects from the given loopback source address and accepts. */
    static Connection connect(Listener listener, String from) {
        int family = from.contains(":") ? AF_INET6 : AF_INET;
        int client = LIBC.socket(family, SOCK_STREAM, 0);
        check(client, "socket");
        byte[] source = sockaddr(family, from, 0);
        check(LIBC.bind(client, source, source.length), "bind " + from);
        String target = listener.dualStack() ? (family == AF_INET ? "127.0.0.1" : "::1")
                : listener.address().getAddress().getHostAddress();
        byte[] dest = sockaddr(family, target, listener.address().getPort());
        check(LIBC.connect(client, dest, dest.length), "connect");
        byte[] peer = new byte[128];
        IntByReference len = new IntByReference(peer.length);
        int server = LIBC.accept(listener.fd(), peer, len);
        check(server, "accept");
        return new Connection(client, server, endpoint(server, true), endpoint(server, false));
    }

    private static InetSocketAddress endpoint(int fd, boolean peer) {
        byte[] sa = new byte[128];
        IntByReference len = new IntByReference(sa.length);
        check(peer ? LIBC.getpeername(fd, sa, len) : LIBC.getsockname(fd, sa, len), "getname");
        return parse(sa);
    }

    private static byte[] sockaddr(int family, String address, int port) {
        byte[] sa = new byte[family == AF_INET ? 16 : 28];
        sa[0] = (byte) family;
        sa[1] = (byte) (family >> 8);
        sa[2] = (byte) (port >> 8);
        sa[3] = (byte) port;
        byte[] raw = new byte[family == AF_INET ? 4 : 16];
        if (LIBC.inet_pton(family, address, raw) != 1) {
            throw new IllegalArgumentException(address);
        }
        System.arraycopy(raw, 0, sa, family == AF_INET ? 4 : 8, raw.length);
        return sa;
    }

    /** A sockaddr as Java sees it: IPv4-mapped IPv6 addresses become Inet4Address, as for Java sockets. */
    private static InetSocketAddress parse(byte[] sa) {
        int family = (sa[0] & 0xFF) | ((sa[1] & 0xFF) << 8);
        int port = ((sa[2] & 0xFF) << 8) | (sa[3] & 0xFF);
        byte[] raw = new byte[family == AF_INET ? 4 : 16];
        System.arraycopy(sa, family == AF_INET ? 4 : 8, raw, 0, raw.length);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(raw), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(long result, String what) {
        if (result < 0) {
            throw new IllegalStateException(what + " failed, errno " + Native.getLastError());
        }
    }
}
