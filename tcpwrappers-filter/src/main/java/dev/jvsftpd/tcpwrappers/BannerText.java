package dev.jvsftpd.tcpwrappers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A banners file as libwrap sends it: leading NUL bytes as they are, then line by line (at most
 * 8190 bytes a read) with the newline turned into CRLF and % expansions done, each line cut at its
 * first NUL byte as a C string is.
 */
final class BannerText {

    private static final int READ_MAX = 8190;

    private BannerText() {
    }

    static byte[] render(byte[] content, Request request) throws PercentExpander.TooLong {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < content.length && content[i] == 0) {
            out.write(0);
            i++;
        }
        while (i < content.length) {
            int start = i;
            while (i < content.length && i - start < READ_MAX) {
                if (content[i++] == '\n') {
                    break;
                }
            }
            int end = start;
            while (end < i && content[end] != 0) {
                end++;
            }
            String line = new String(content, start, end - start, StandardCharsets.ISO_8859_1);
            int newline = CText.splitAt(line, 0, '\n');
            if (newline >= 0) {
                line = line.substring(0, newline) + "\r\n";
            }
            String expanded = PercentExpander.expand(line, request, PercentExpander.BANNER_BUFFER);
            out.writeBytes(expanded.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
