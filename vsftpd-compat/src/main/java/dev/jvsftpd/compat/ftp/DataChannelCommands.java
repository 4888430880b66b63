package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.PASV_ADDRESS;
import static dev.jvsftpd.compat.config.Directives.PASV_ADDR_RESOLVE;
import static dev.jvsftpd.compat.config.Directives.PORT_PROMISCUOUS;

import dev.jvsftpd.compat.data.Addresses;
import dev.jvsftpd.compat.data.DataChannel;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** PASV, EPSV, PORT and EPRT with vsftpd's replies and its bounce protection (reference section 9). */
final class DataChannelCommands {
    private DataChannelCommands() {
    }

    static void pasv(Exchange x) {
        if (x.state().epsvAll()) {
            x.reply(550, "Permission denied.");
            return;
        }
        Optional<InetAddress> address = advertisedAddress(x);
        if (address.isEmpty()) {
            return;
        }
        openPassive(x).ifPresent(port -> {
            InetAddress advertised = address.get();
            byte[] ip = advertised instanceof Inet4Address ? advertised.getAddress() : new byte[4];
            x.reply(227, String.format("Entering Passive Mode (%d,%d,%d,%d,%d,%d).", ip[0] & 0xff, ip[1] & 0xff,
                    ip[2] & 0xff, ip[3] & 0xff, port >> 8, port & 0xff));
        });
    }

    static void epsv(Exchange x) {
        String argument = x.argument();
        if (argument.equalsIgnoreCase("ALL")) {
            x.state().epsvAll(true);
            x.reply(200, "EPSV ALL ok.");
            return;
        }
        boolean ipv6 = localAddress(x) instanceof Inet6Address;
        if (!argument.isEmpty() && !argument.equals("1") && !(argument.equals("2") && ipv6)) {
            x.reply(522, "Bad network protocol.");
            return;
        }
        openPassive(x).ifPresent(port -> x.reply(229, "Entering Extended Passive Mode (|||" + port + "|)"));
    }

    static void port(Exchange x) {
        // after EPSV ALL vsftpd refuses PORT, yet still takes EPRT
        if (x.state().epsvAll()) {
            x.reply(550, "Permission denied.");
            return;
        }
        Optional<InetSocketAddress> target = parsePort(x.argument());
        if (target.isEmpty() || !acceptableTarget(x, target.get())) {
            x.reply(500, "Illegal PORT command.");
            return;
        }
        x.dataChannel().connectTo(target.get());
        x.reply(200, "PORT command successful. Consider using PASV.");
    }

    static void eprt(Exchange x) {
        String argument = x.argument();
        if (argument.length() < 2) {
            x.reply(500, "Bad EPRT command.");
            return;
        }
        String delimiter = argument.substring(0, 1);
        String[] fields = argument.substring(1).split(java.util.regex.Pattern.quote(delimiter), -1);
        if (fields.length < 3) {
            x.reply(500, "Bad EPRT command.");
            return;
        }
        boolean ipv6 = fields[0].equals("2");
        if (!fields[0].equals("1") && !(ipv6 && localAddress(x) instanceof Inet6Address)) {
            x.reply(500, "Bad EPRT protocol.");
            return;
        }
        String host = ipv6 ? fields[1].replaceFirst("%.*$", "") : fields[1];
        InetSocketAddress target;
        try {
            if (!isLiteral(host, ipv6)) {
                x.reply(500, "Bad EPRT command.");
                return;
            }
            target = new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(fields[2]));
        } catch (UnknownHostException | IllegalArgumentException e) {
            x.reply(500, "Bad EPRT command.");
            return;
        }
        if (!acceptableTarget(x, target)) {
            x.reply(500, "Illegal EPRT command.");
            return;
        }
        x.dataChannel().connectTo(target);
        x.reply(200, "EPRT command successful. Consider using EPSV.");
    }

    /** The address must be a literal: never resolve a client-supplied name. */
    private static boolean isLiteral(String host, boolean ipv6) {
        return ipv6 ? host.matches("[0-9A-Fa-f:.]+") : host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /**
     * Bounce protection: unless port_promiscuous, the data connection may only go back to the
     * client's own address, and never to a privileged port.
     */
    private static boolean acceptableTarget(Exchange x, InetSocketAddress target) {
        if (x.config().bool(PORT_PROMISCUOUS)) {
            return true;
        }
        InetAddress client = ((InetSocketAddress) x.session().getRemoteAddress()).getAddress();
        return Addresses.sameHost(client, target.getAddress()) && target.getPort() >= 1024;
    }

    /** Six comma-separated numbers, each read like C atoi; a field over 255 or a wrong count is invalid. */
    static Optional<InetSocketAddress> parsePort(String argument) {
        String[] fields = argument.split(",", -1);
        if (fields.length != 6) {
            return Optional.empty();
        }
        int[] values = new int[6];
        for (int i = 0; i < 6; i++) {
            values[i] = atoi(fields[i]);
            if (values[i] < 0 || values[i] > 255) {
                return Optional.empty();
            }
        }
        byte[] ip = {(byte) values[0], (byte) values[1], (byte) values[2], (byte) values[3]};
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(ip), values[4] * 256 + values[5]));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static int atoi(String text) {
        String trimmed = text.stripLeading();
        int sign = 1;
        int i = 0;
        if (i < trimmed.length() && (trimmed.charAt(i) == '-' || trimmed.charAt(i) == '+')) {
            sign = trimmed.charAt(i++) == '-' ? -1 : 1;
        }
        long value = 0;
        while (i < trimmed.length() && Character.isDigit(trimmed.charAt(i)) && value < 100_000) {
            value = value * 10 + (trimmed.charAt(i++) - '0');
        }
        return (int) (sign * value);
    }

    private static Optional<Integer> openPassive(Exchange x) {
        try {
            return Optional.of(x.dataChannel().listen(localAddress(x)));
        } catch (DataChannel.BindRefused e) {
            x.replyAndClose(500, "OOPS: vsf_sysutil_bind");
            return Optional.empty();
        } catch (IOException e) {
            x.reply(425, "Failed to establish connection.");
            return Optional.empty();
        }
    }

    /**
     * pasv_address when set (227 only), else the address the client reached us on. Without
     * pasv_addr_resolve it must be a dotted IPv4 address; vsftpd ends the session otherwise.
     */
    private static Optional<InetAddress> advertisedAddress(Exchange x) {
        String configured = x.config().string(PASV_ADDRESS);
        if (configured != null) {
            try {
                if (x.config().bool(PASV_ADDR_RESOLVE) || configured.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    return Optional.of(InetAddress.getByName(configured));
                }
            } catch (UnknownHostException e) {
                // the same fate as a malformed address
            }
            x.replyAndClose(500, "OOPS: invalid pasv_address");
            return Optional.empty();
        }
        InetAddress local = localAddress(x);
        String v4 = Addresses.ipv4View(local);
        try {
            // an IPv6 control connection advertises its v4-mapped address, or 0,0,0,0 for a pure IPv6 peer
            return Optional.of(local instanceof Inet4Address ? local
                    : InetAddress.getByName(v4.contains(":") ? "0.0.0.0" : v4));
        } catch (UnknownHostException e) {
            return Optional.of(local);
        }
    }

    private static InetAddress localAddress(Exchange x) {
        return ((InetSocketAddress) x.session().getLocalAddress()).getAddress();
    }
}
