package dev.jvsftpd.selinux.audit;

import dev.jvsftpd.selinux.policy.AvcRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appends AVC lines to an audit log in auditd's format. The records of one decision are one audit event
 * (one system call), so they share a serial; serials continue from the last one in the file.
 */
public final class AuditLog {
    private static final Pattern SERIAL = Pattern.compile("msg=audit\\(\\d+\\.\\d+:(\\d+)\\)");

    private final Path file;
    private final LongSupplier clock;
    private final long pid;
    private long serial = -1;

    public AuditLog(Path file) {
        this(file, System::currentTimeMillis, ProcessHandle.current().pid());
    }

    public AuditLog(Path file, LongSupplier clockMillis, long pid) {
        this.file = file;
        this.clock = clockMillis;
        this.pid = pid;
    }

    public Path file() {
        return file;
    }

    /** Writes the records as one event and returns the lines written. */
    public synchronized List<String> append(List<AvcRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        if (serial < 0) {
            serial = lastSerial() + 1;
        }
        long now = clock.getAsLong();
        long s = serial++;
        List<String> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (AvcRecord r : records) {
            String line = r.format(now, s, pid);
            lines.add(line);
            sb.append(line).append('\n');
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit log " + file, e);
        }
        return lines;
    }

    private long lastSerial() {
        long last = 0;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = SERIAL.matcher(line);
                    if (m.find()) {
                        last = Math.max(last, Long.parseLong(m.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            // start over at 1
        }
        return last;
    }
}
