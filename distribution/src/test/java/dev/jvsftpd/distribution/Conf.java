package dev.jvsftpd.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A vsftpd.conf written for a test: name=value lines in insertion order. */
final class Conf {
    final Map<String, String> settings = new LinkedHashMap<>();

    Conf set(String name, Object value) {
        settings.put(name, String.valueOf(value));
        return this;
    }

    Conf copy() {
        Conf c = new Conf();
        c.settings.putAll(settings);
        return c;
    }

    /** Standalone, foreground, loopback, anonymous read-only. */
    static Conf anonymous(Path anonRoot, int port, Ports.Range pasv, Path secureChrootDir) {
        return new Conf()
                .set("listen", "YES")
                .set("background", "NO")
                .set("listen_address", "127.0.0.1")
                .set("listen_port", port)
                .set("anonymous_enable", "YES")
                .set("local_enable", "NO")
                .set("write_enable", "NO")
                .set("anon_root", anonRoot)
                .set("secure_chroot_dir", secureChrootDir)
                .set("pasv_min_port", pasv.min())
                .set("pasv_max_port", pasv.max());
    }

    /** Writes the file (owned by the user running the tests: root here and in CI). */
    Path write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# written by the jvsftpd end-to-end tests\n");
        settings.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }
}
