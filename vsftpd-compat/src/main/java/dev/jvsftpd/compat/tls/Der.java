package dev.jvsftpd.compat.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The little DER needed to turn OpenSSL's "traditional" key files (PKCS#1 RSA, SEC1 EC, OpenSSL
 * DSA) into the PKCS#8 form Java's KeyFactory reads: reading tag-length-value elements and
 * writing SEQUENCE, INTEGER, OCTET STRING.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    /** rsaEncryption, id-ecPublicKey and id-dsa, each with its OID tag and length. */
    static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    static final byte[] DSA_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x38, 0x04, 0x01};
    static final byte[] NULL_VALUE = {0x05, 0x00};

    /** One element: its tag, its whole encoding and where its contents lie inside that. */
    record Element(int tag, byte[] encoded, int contentOffset) {
        byte[] content() {
            return Arrays.copyOfRange(encoded, contentOffset, encoded.length);
        }

        /** The elements inside a constructed element (SEQUENCE, [0] ...). */
        List<Element> children() {
            return Der.elements(content());
        }
    }

    /** Thrown for bytes that are not DER. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }
    }

    private Der() {
    }

    /** The consecutive elements in {@code bytes}. */
    static List<Element> elements(byte[] bytes) {
        List<Element> elements = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            Element element = read(bytes, at);
            elements.add(element);
            at += element.encoded().length;
        }
        return elements;
    }

    /** The element starting at {@code at}. */
    static Element read(byte[] bytes, int at) {
        if (at + 2 > bytes.length) {
            throw new MalformedException("truncated DER");
        }
        int tag = bytes[at] & 0xff;
        int first = bytes[at + 1] & 0xff;
        int header = 2;
        long length = first;
        if (first > 0x80) {
            int count = first & 0x7f;
            if (count > 4 || at + 2 + count > bytes.length) {
                throw new MalformedException("bad DER length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (bytes[at + 2 + i] & 0xff);
            }
            header += count;
        } else if (first == 0x80) {
            throw new MalformedException("indefinite length is not DER");
        }
        if (at + header + length > bytes.length) {
            throw new MalformedException("DER element runs past the end");
        }
        return new Element(tag, Arrays.copyOfRange(bytes, at, (int) (at + header + length)), header);
    }

    static byte[] sequence(byte[]... parts) {
        return tagged(SEQUENCE, concat(parts));
    }

    static byte[] octetString(byte[] content) {
        return tagged(OCTET_STRING, content);
    }

    static byte[] smallInteger(int value) {
        return tagged(INTEGER, new byte[] {(byte) value});
    }

    static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
