package dev.jvsftpd.selinux.policy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The object part of an AVC record, as the kernel's LSM audit prints it for each hook: an inode check prints
 * {@code name= dev= ino=}, a check on a (possibly new) directory entry {@code name=} and, when the entry
 * exists, {@code dev= ino=}, an open {@code path= dev= ino=}, a port check {@code src=} or {@code dest=}.
 */
public sealed interface AuditData {

    /** The text after {@code comm="vsftpd"}, with its leading space. */
    String format();

    /** The name or path the record names, for audit2why and tests. */
    String subject();

    record Inode(String name, FileId id) implements AuditData {
        @Override
        public String format() {
            return " name=" + untrusted(name) + " dev=" + untrusted(id.dev()) + " ino=" + id.ino();
        }

        @Override
        public String subject() {
            return name;
        }
    }

    record Dentry(String name, Optional<FileId> id) implements AuditData {
        @Override
        public String format() {
            return " name=" + untrusted(name)
                    + id.map(i -> " dev=" + untrusted(i.dev()) + " ino=" + i.ino()).orElse("");
        }

        @Override
        public String subject() {
            return name;
        }
    }

    record PathData(String path, Optional<FileId> id) implements AuditData {
        @Override
        public String format() {
            return " path=" + untrusted(path)
                    + id.map(i -> " dev=" + untrusted(i.dev()) + " ino=" + i.ino()).orElse("");
        }

        @Override
        public String subject() {
            return path;
        }
    }

    record Port(boolean source, int port) implements AuditData {
        @Override
        public String format() {
            return (source ? " src=" : " dest=") + port;
        }

        @Override
        public String subject() {
            return Integer.toString(port);
        }
    }

    /**
     * The kernel's audit_log_untrustedstring: quoted, unless the bytes hold a quote, a space or control
     * character or anything outside printable ASCII; then upper-case hex without quotes.
     */
    static String untrusted(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        boolean hex = false;
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '"' || c < 0x21 || c > 0x7e) {
                hex = true;
                break;
            }
        }
        if (!hex) {
            return "\"" + s + "\"";
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X", b & 0xff));
        }
        return sb.toString();
    }
}
