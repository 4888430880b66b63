package dev.jvsftpd.compat.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PEM blocks of a file, as OpenSSL reads them: text outside {@code -----BEGIN x-----} /
 * {@code -----END x-----} is ignored (openssl pkcs12 writes "Bag Attributes" there), RFC 1421
 * headers such as {@code Proc-Type} are kept so an encrypted key can be recognised.
 */
public final class Pem {
    /** One block: its label (CERTIFICATE, PRIVATE KEY ...), its headers and the decoded bytes. */
    public record Block(String label, Map<String, String> headers, byte[] der) {
        public boolean encrypted() {
            return label.startsWith("ENCRYPTED") || headers.getOrDefault("Proc-Type", "").contains("ENCRYPTED");
        }
    }

    /** Thrown for a block that starts but does not end, or whose base64 is broken. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    private Pem() {
    }

    public static List<Block> parse(byte[] file) throws MalformedException {
        String[] lines = new String(file, StandardCharsets.ISO_8859_1).split("\r?\n");
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("-----BEGIN ") || !line.endsWith("-----")) {
                continue;
            }
            String label = line.substring("-----BEGIN ".length(), line.length() - 5);
            String end = "-----END " + label + "-----";
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder base64 = new StringBuilder();
            int j = i + 1;
            boolean inHeaders = true;
            for (; j < lines.length && !lines[j].strip().equals(end); j++) {
                String body = lines[j].strip();
                int colon = body.indexOf(':');
                if (inHeaders && colon > 0) {
                    headers.put(body.substring(0, colon).strip(), body.substring(colon + 1).strip());
                    continue;
                }
                inHeaders = false;
                base64.append(body);
            }
            if (j == lines.length) {
                throw new MalformedException("-----BEGIN " + label + "----- has no matching END line");
            }
            try {
                blocks.add(new Block(label, headers, Base64.getMimeDecoder().decode(base64.toString())));
            } catch (IllegalArgumentException e) {
                throw new MalformedException("the " + label + " block is not valid base64: " + e.getMessage());
            }
            i = j;
        }
        return blocks;
    }
}
