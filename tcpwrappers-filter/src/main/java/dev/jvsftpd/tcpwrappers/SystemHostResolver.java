package dev.jvsftpd.tcpwrappers;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * The system's name service in plain Java, close to what libwrap gets from glibc with the usual
 * {@code hosts: files dns}: the hosts file first, then DNS.
 *
 * <p>Java has no reverse-only lookup ({@code InetAddress.getHostName} already checks forward and
 * answers the address for both kinds of failure), so this reads the hosts file itself, asks the
 * JDK's resolver for names it confirms, and asks DNS directly for the PTR record of an address the
 * JDK could not confirm, so that "no name" ({@code unknown}) and "wrong name" ({@code paranoid})
 * stay apart. DNS is only asked when nsswitch.conf lists it for hosts.
 */
public final class SystemHostResolver implements HostResolver {

    private final Path hostsFile;
    private final Path nsswitchFile;

    public SystemHostResolver() {
        this(Path.of("/etc/hosts"), Path.of("/etc/nsswitch.conf"));
    }

    public SystemHostResolver(Path hostsFile, Path nsswitchFile) {
        this.hostsFile = hostsFile;
        this.nsswitchFile = nsswitchFile;
    }

    @Override
    public Optional<String> reverse(InetAddress address) {
        for (HostsLine line : hostsLines()) {
            if (Arrays.equals(line.address().getAddress(), address.getAddress())) {
                return Optional.of(line.names().get(0));
            }
        }
        if (!dnsEnabled()) {
            return Optional.empty();
        }
        try {
            // the JDK's lookup answers a name only when it also resolves back to the address
            InetAddress plain = InetAddress.getByAddress(address.getAddress());
            String confirmed = plain.getCanonicalHostName();
            if (!confirmed.isEmpty() && !confirmed.equals(plain.getHostAddress())) {
                return Optional.of(confirmed);
            }
        } catch (UnknownHostException e) {
            // cannot happen for a raw address
        }
        return dnsPtr(address);
    }

    @Override
    public Optional<Forward> forward(String name, boolean ipv6) {
        String canonical = null;
        List<InetAddress> found = new ArrayList<>();
        for (HostsLine line : hostsLines()) {
            if (line.names().stream().anyMatch(n -> CText.equalsIgnoreCase(n, name))) {
                if (canonical == null && (line.address() instanceof Inet6Address) == ipv6) {
                    canonical = line.names().get(0);
                }
                found.add(line.address());
            }
        }
        List<InetAddress> sameFamily = found.stream().filter(a -> (a instanceof Inet6Address) == ipv6).toList();
        if (!sameFamily.isEmpty()) {
            return Optional.of(new Forward(canonical, sameFamily));
        }
        if (!dnsEnabled()) {
            return Optional.empty();
        }
        try {
            List<InetAddress> addresses = Arrays.stream(InetAddress.getAllByName(name))
                    .filter(a -> (a instanceof Inet6Address) == ipv6).toList();
            if (addresses.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Forward(dnsCanonicalName(name), addresses));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record HostsLine(InetAddress address, List<String> names) {
    }

    /** The hosts file as glibc's files backend reads it: address, names, # comments. */
    private List<HostsLine> hostsLines() {
        List<String> text;
        try {
            text = Files.readAllLines(hostsFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
        List<HostsLine> lines = new ArrayList<>();
        for (String raw : text) {
            int hash = raw.indexOf('#');
            String[] fields = (hash < 0 ? raw : raw.substring(0, hash)).trim().split("[ \\t]+");
            if (fields.length < 2) {
                continue;
            }
            InetAddress address = numeric(fields[0]);
            if (address != null) {
                lines.add(new HostsLine(address, List.of(fields).subList(1, fields.length)));
            }
        }
        return lines;
    }

    private static InetAddress numeric(String text) {
        try {
            byte[] bytes = text.indexOf(':') >= 0 ? InetText.pton6(text) : InetText.pton4(text);
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private boolean dnsEnabled() {
        try {
            for (String line : Files.readAllLines(nsswitchFile, StandardCharsets.ISO_8859_1)) {
                String t = line.trim();
                if (t.startsWith("hosts:")) {
                    return Arrays.asList(t.substring(6).trim().split("\\s+")).contains("dns");
                }
            }
            return false;
        } catch (IOException e) {
            return true; // no nsswitch.conf: glibc's default is "dns files"
        }
    }

    private static DirContext dns() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", "dns:");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        return new InitialDirContext(env);
    }

    private static Optional<String> dnsPtr(InetAddress address) {
        try {
            DirContext ctx = dns();
            try {
                Attributes attributes = ctx.getAttributes(reverseZoneName(address), new String[] {"PTR"});
                Attribute ptr = attributes.get("PTR");
                if (ptr != null && ptr.size() > 0) {
                    return Optional.of(stripDot(ptr.get(0).toString()));
                }
            } finally {
                ctx.close();
            }
        } catch (NamingException | RuntimeException e) {
            // no DNS answer: no name
        }
        return Optional.empty();
    }

    /** The end of the CNAME chain getaddrinfo would report as ai_canonname; the name itself if none. */
    private static String dnsCanonicalName(String name) {
        String current = name;
        try {
            DirContext ctx = dns();
            try {
                for (int hops = 0; hops < 8; hops++) {
                    Attribute cname = ctx.getAttributes(current, new String[] {"CNAME"}).get("CNAME");
                    if (cname == null || cname.size() == 0) {
                        break;
                    }
                    current = stripDot(cname.get(0).toString());
                }
            } finally {
                ctx.close();
            }
        } catch (NamingException | RuntimeException e) {
            // keep what we have
        }
        return current;
    }

    private static String reverseZoneName(InetAddress address) {
        byte[] b = address.getAddress();
        StringBuilder s = new StringBuilder();
        if (b.length == 4) {
            for (int i = 3; i >= 0; i--) {
                s.append(b[i] & 0xFF).append('.');
            }
            return s.append("in-addr.arpa.").toString();
        }
        for (int i = 15; i >= 0; i--) {
            s.append(Integer.toHexString(b[i] & 0x0F)).append('.').append(Integer.toHexString((b[i] >> 4) & 0x0F)).append('.');
        }
        return s.append("ip6.arpa.").toString().toLowerCase(Locale.ROOT);
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
