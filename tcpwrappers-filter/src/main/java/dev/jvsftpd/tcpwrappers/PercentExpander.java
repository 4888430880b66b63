package dev.jvsftpd.tcpwrappers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libwrap's % expansions (percent_x) for spawn, twist, aclexec, setenv and banner files. Each
 * expansion (not the literal text around it) has every character outside letters, digits and
 * {@code !@%-_=+:,./} replaced by {@code _}, so client-controlled names cannot inject shell syntax.
 */
final class PercentExpander {

    private static final Logger LOG = LoggerFactory.getLogger(PercentExpander.class);

    /** The buffer options expand into (BUFSIZ). */
    static final int OPTION_BUFFER = 8192;
    /** The buffer banner lines expand into (2 * BUFSIZ). */
    static final int BANNER_BUFFER = 16384;

    private static final String SAFE = "1234567890!@%-_=+:,./abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** The expansion does not fit libwrap's buffer; libwrap then drops the connection. */
    static final class TooLong extends Exception {
        TooLong(String text) {
            super("percent_x: expansion too long: " + (text.length() > 30 ? text.substring(0, 30) : text) + "...");
        }
    }

    private PercentExpander() {
    }

    static String expand(String text, Request request, int bufferSize) throws TooLong {
        StringBuilder out = new StringBuilder();
        int limit = bufferSize - 1;
        int i = 0;
        while (i < text.length()) {
            String piece;
            if (text.charAt(i) == '%' && i + 1 < text.length()) {
                piece = sanitize(expansion(text.charAt(i + 1), request));
                i += 2;
            } else {
                piece = text.substring(i, i + 1);
                i++;
            }
            if (out.length() + piece.length() >= limit) {
                throw new TooLong(text);
            }
            out.append(piece);
        }
        return out.toString();
    }

    private static String expansion(char c, Request r) {
        switch (c) {
            case 'a': return r.client.addr();
            case 'A': return r.server.addr();
            case 'c': return clientInfo(r);
            case 'd': return r.daemon;
            case 'h': return r.client.hostinfo();
            case 'H': return r.server.hostinfo();
            case 'n': return r.client.name();
            case 'N': return r.server.name();
            case 'p': return Long.toString(ProcessHandle.current().pid());
            case 'r': return Integer.toString(r.client.port());
            case 'R': return Integer.toString(r.server.port());
            case 's': return serverInfo(r);
            case 'u': return r.user();
            case '%': return "%";
            default:
                LOG.warn("unrecognized %{}", c);
                return "";
        }
    }

    /** eval_client: user@host once the user is known, else the host. */
    private static String clientInfo(Request r) {
        String host = r.client.hostinfo();
        String user = r.userIfKnown();
        return user != null && !user.isEmpty() && !CText.equalsIgnoreCase(user, Request.UNKNOWN) ? user + "@" + host : host;
    }

    /** eval_server: daemon@host. */
    private static String serverInfo(Request r) {
        String host = r.server.hostinfo();
        return CText.equalsIgnoreCase(host, Request.UNKNOWN) ? r.daemon : r.daemon + "@" + host;
    }

    static String sanitize(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            if (SAFE.indexOf(s.charAt(i)) < 0) {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, '_');
            }
        }
        return out == null ? s : out.toString();
    }
}
