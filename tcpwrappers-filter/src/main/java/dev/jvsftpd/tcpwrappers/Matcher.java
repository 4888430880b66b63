package dev.jvsftpd.tcpwrappers;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libwrap's pattern language (Debian 7.6.q): lists with EXCEPT, daemon patterns and client
 * patterns, in libwrap's order of tests, including which tests force a host name or ident lookup.
 */
final class Matcher {

    private static final Logger LOG = LoggerFactory.getLogger(Matcher.class);
    private static final String LIST_SEPARATORS = ", \t\r\n";
    private static final String INADDR_CHARS = "01234567890./";
    private static final String MAPPED_PREFIX = "::ffff:";
    /** A /file list naming itself would recurse forever in libwrap; we stop here instead. */
    private static final int MAX_FILE_DEPTH = 16;

    private final Request request;
    private final TableCache cache;
    private int fileDepth;

    Matcher(Request request, TableCache cache) {
        this.request = request;
        this.cache = cache;
    }

    boolean rule(RuleFile.Rule rule) {
        return listMatch(tokens(rule.daemons()), 0, this::serverMatch)
                && listMatch(tokens(rule.clients()), 0, this::clientMatch);
    }

    static List<String> tokens(String list) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            i = CText.skipAll(list, i, LIST_SEPARATORS);
            int end = CText.indexOfAny(list, i, LIST_SEPARATORS);
            if (end > i) {
                tokens.add(list.substring(i, end));
            }
            i = end;
        }
        return tokens;
    }

    /** A match of any item not cancelled by a match of the list after EXCEPT (right-nested). */
    static boolean listMatch(List<String> tokens, int from, Predicate<String> matches) {
        for (int i = from; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (CText.equalsIgnoreCase(token, "EXCEPT")) {
                return false;
            }
            if (matches.test(token)) {
                int j = i + 1;
                while (j < tokens.size() && !CText.equalsIgnoreCase(tokens.get(j), "EXCEPT")) {
                    j++;
                }
                return j == tokens.size() || !listMatch(tokens, j + 1, matches);
            }
        }
        return false;
    }

    /** daemon or daemon@host; Debian also reads a numeric daemon as the server's port. */
    boolean serverMatch(String token) {
        int at = CText.splitAt(token, 1, '@');
        if (at < 0) {
            return daemonMatch(token);
        }
        return daemonMatch(token.substring(0, at)) && hostMatch(token.substring(at + 1), request.server);
    }

    private boolean daemonMatch(String token) {
        if (stringMatch(token, request.daemon)) {
            return true;
        }
        var port = CText.scanUnsignedWhole(token);
        return port.isPresent() && port.getAsLong() == request.server.port();
    }

    /** host, or user@host (the host is tested first, the ident lookup only if it matched). */
    boolean clientMatch(String token) {
        int at = CText.splitAt(token, 1, '@');
        if (at < 0) {
            return hostMatch(token, request.client);
        }
        return hostMatch(token.substring(at + 1), request.client)
                && stringMatch(token.substring(0, at), request.user());
    }

    boolean hostMatch(String token, Request.Endpoint host) {
        if (token.startsWith("@")) {
            // innetgr() needs the host name first; with no NIS in the JVM the answer is always no
            host.name();
            Warnings.once(LOG, "netgroup " + token, "NIS netgroup {} never matches: netgroups are not supported", token);
            return false;
        }
        if (token.startsWith("/")) {
            return fileMatch(token, host);
        }
        if (CText.equalsIgnoreCase(token, "KNOWN")) {
            String name = host.name();
            return !CText.equalsIgnoreCase(host.addr(), Request.UNKNOWN) && Request.hostnameKnown(name);
        }
        if (CText.equalsIgnoreCase(token, "LOCAL")) {
            String name = host.name();
            return name.indexOf('.') < 0 && Request.hostnameKnown(name);
        }
        if (token.startsWith("[")) {
            return ipv6Match(token, host);
        }
        int slash = CText.splitAt(token, 0, '/');
        if (slash >= 0) {
            return maskedMatch(token.substring(0, slash), token.substring(slash + 1), host.addr());
        }
        return stringMatch(token, host.addr())
                || (notInaddr(token) && stringMatch(token, host.name()));
    }

    private static boolean notInaddr(String token) {
        return CText.skipAll(token, 0, INADDR_CHARS) < token.length();
    }

    /** [v6] or [v6]/len: only a genuine IPv6 peer matches (never IPv4, never IPv4-mapped). */
    private static boolean ipv6Match(String token, Request.Endpoint host) {
        int close = token.indexOf(']');
        if (close < 0) {
            return false;
        }
        int prefix = 128;
        String rest = token.substring(close + 1);
        if (rest.startsWith("/")) {
            prefix = CText.atoi(rest.substring(1));
            if (prefix < 0 || prefix > 128) {
                return false;
            }
        } else if (!rest.isEmpty()) {
            return false;
        }
        byte[] net = InetText.pton6(token.substring(1, close));
        if (net == null || !host.isIpv6()) {
            return false;
        }
        byte[] addr = host.address().getAddress();
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((net[bit / 8] & mask) != (addr[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** net/mask and net/len against an IPv4 address (also an IPv4-mapped one). */
    private static boolean maskedMatch(String netToken, String maskToken, String addrText) {
        long addr = CText.dotQuadAddr(stripMapped(addrText));
        if (addr == CText.INADDR_NONE) {
            return false;
        }
        long net = CText.dotQuadAddr(netToken);
        long mask = CText.dotQuadAddr(maskToken);
        if (mask == CText.INADDR_NONE) {
            mask = CText.cidrMaskAddr(maskToken);
            if (mask == 0) {
                net = CText.INADDR_NONE;
            }
        }
        if (net == CText.INADDR_NONE) {
            Warnings.once(LOG, "mask " + netToken + "/" + maskToken, "bad net/mask expression: {}/{}", netToken, maskToken);
            return false;
        }
        return (addr & mask) == net;
    }

    private static String stripMapped(String s) {
        if (CText.startsWithIgnoreCase(s, MAPPED_PREFIX) && CText.dotQuadAddr(s.substring(MAPPED_PREFIX.length())) != CText.INADDR_NONE) {
            return s.substring(MAPPED_PREFIX.length());
        }
        return s;
    }

    /** libwrap's string_match: wildcards, .suffix, ALL, KNOWN, prefix., exact; all case-insensitive. */
    static boolean stringMatch(String token, String value) {
        String s = stripMapped(value);
        if (token.indexOf('*') >= 0 || token.indexOf('?') >= 0) {
            return Glob.matches(s, token);
        }
        if (token.startsWith(".")) {
            int n = s.length() - token.length();
            return n > 0 && CText.equalsIgnoreCase(token, s.substring(n));
        }
        if (CText.equalsIgnoreCase(token, "ALL")) {
            return true;
        }
        if (CText.equalsIgnoreCase(token, "KNOWN")) {
            return !CText.equalsIgnoreCase(s, Request.UNKNOWN);
        }
        if (token.endsWith(".")) {
            return CText.startsWithIgnoreCase(s, token);
        }
        return CText.equalsIgnoreCase(token, s);
    }

    /** /path: each whitespace-separated word of the file is a host pattern (no EXCEPT, no comments). */
    private boolean fileMatch(String token, Request.Endpoint host) {
        if (fileDepth >= MAX_FILE_DEPTH) {
            Warnings.once(LOG, "depth " + token, "{}: pattern files nested too deep", token);
            return false;
        }
        TableCache.Loaded<List<String>> loaded;
        try {
            loaded = cache.patternFile(Path.of(token));
        } catch (InvalidPathException e) {
            return false;
        }
        fileDepth++;
        try {
            for (String pattern : loaded.value()) {
                if (hostMatch(pattern, host)) {
                    return true;
                }
            }
            return false;
        } finally {
            fileDepth--;
        }
    }

    /**
     * libwrap's wildcard matcher (ylo's, made case-insensitive by Debian): * and ? over the whole
     * string. Its quirk is kept: a "*" followed by "*" or "?" needs at least one more character
     * ("a**" does not match "a").
     */
    static final class Glob {
        private final String s;
        private final String p;
        /** 0 unknown, 1 true, 2 false, per (string position, pattern position). */
        private final byte[] memo;

        private Glob(String s, String p) {
            this.s = s;
            this.p = p;
            this.memo = new byte[(s.length() + 1) * (p.length() + 1)];
        }

        static boolean matches(String s, String pattern) {
            return new Glob(s, pattern).match(0, 0);
        }

        private boolean match(int si, int pi) {
            int key = si * (p.length() + 1) + pi;
            if (memo[key] != 0) {
                return memo[key] == 1;
            }
            boolean result = compute(si, pi);
            memo[key] = (byte) (result ? 1 : 2);
            return result;
        }

        private boolean compute(int si, int pi) {
            while (true) {
                if (pi == p.length()) {
                    return si == s.length();
                }
                char pc = p.charAt(pi);
                if (pc == '*') {
                    pi++;
                    if (pi == p.length()) {
                        return true;
                    }
                    char next = p.charAt(pi);
                    if (next != '?' && next != '*') {
                        for (; si < s.length(); si++) {
                            if (CText.lower(s.charAt(si)) == CText.lower(next) && match(si + 1, pi + 1)) {
                                return true;
                            }
                        }
                        return false;
                    }
                    for (; si < s.length(); si++) {
                        if (match(si, pi)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (si == s.length()) {
                    return false;
                }
                if (pc != '?' && CText.lower(pc) != CText.lower(s.charAt(si))) {
                    return false;
                }
                si++;
                pi++;
            }
        }
    }
}
