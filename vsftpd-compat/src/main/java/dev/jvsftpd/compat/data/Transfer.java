package dev.jvsftpd.compat.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The byte pump of RETR and STOR: vsftpd's chunks (trans_chunk_size), its ASCII conversions and
 * its per-session rate limit (sleep when ahead of max_rate).
 */
public final class Transfer {
    /** vsftpd's default chunk, also its largest. */
    private static final int MAX_CHUNK = 65536;
    private static final int MIN_CHUNK = 4096;

    /** What TYPE A does to the bytes, when the ascii_*_enable switch lets it. */
    public enum Conversion {
        NONE,
        /** Downloads: every LF goes out as CRLF. */
        LF_TO_CRLF,
        /** Uploads: a CR directly before LF is dropped. */
        STRIP_CR_BEFORE_LF
    }

    /** Thrown when the local side (the file) failed, as opposed to the network side. */
    public static final class LocalFailure extends IOException {
        LocalFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private Transfer() {
    }

    /**
     * Copies until {@code in} ends. Failures of {@code localIsSource ? in : out} are wrapped in
     * {@link LocalFailure} so callers can answer vsftpd's 451 rather than 426.
     *
     * @param maxRate   bytes per second, 0 for unlimited
     * @param chunkSize trans_chunk_size: 0 or 65536 and more mean 65536, below 4096 means 4096
     * @param progress  counts the bytes read, for the data timeout
     * @return bytes read from {@code in}
     */
    public static long copy(InputStream in, OutputStream out, boolean localIsSource, int maxRate, long chunkSize,
                            Conversion conversion, AtomicLong progress) throws IOException {
        int size = chunkSize == 0 || chunkSize >= MAX_CHUNK ? MAX_CHUNK : (int) Math.max(MIN_CHUNK, chunkSize);
        byte[] buffer = new byte[size];
        byte[] converted = new byte[size * 2 + 1];
        long total = 0;
        long started = System.nanoTime();
        boolean pendingCr = false;
        while (true) {
            int n = read(in, buffer, localIsSource);
            if (n < 0) {
                break;
            }
            total += n;
            progress.addAndGet(n);
            int length;
            byte[] chunk;
            switch (conversion) {
                case LF_TO_CRLF -> {
                    length = 0;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            converted[length++] = '\r';
                        }
                        converted[length++] = buffer[i];
                    }
                    chunk = converted;
                }
                case STRIP_CR_BEFORE_LF -> {
                    length = 0;
                    for (int i = 0; i < n; i++) {
                        if (pendingCr && buffer[i] != '\n') {
                            converted[length++] = '\r';
                        }
                        pendingCr = buffer[i] == '\r';
                        if (!pendingCr) {
                            converted[length++] = buffer[i];
                        }
                    }
                    chunk = converted;
                }
                default -> {
                    length = n;
                    chunk = buffer;
                }
            }
            write(out, chunk, length, !localIsSource);
            throttle(total, started, maxRate);
        }
        if (pendingCr) {
            write(out, new byte[] {'\r'}, 1, !localIsSource);
        }
        flush(out, !localIsSource);
        return total;
    }

    private static int read(InputStream in, byte[] buffer, boolean local) throws IOException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw local ? new LocalFailure(e) : e;
        }
    }

    private static void write(OutputStream out, byte[] chunk, int length, boolean local) throws IOException {
        try {
            out.write(chunk, 0, length);
        } catch (IOException e) {
            throw local ? new LocalFailure(e) : e;
        }
    }

    private static void flush(OutputStream out, boolean local) throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw local ? new LocalFailure(e) : e;
        }
    }

    private static void throttle(long transferred, long startedNanos, int maxRate) {
        if (maxRate <= 0) {
            return;
        }
        long dueNanos = transferred * 1_000_000_000L / maxRate;
        long aheadNanos = dueNanos - (System.nanoTime() - startedNanos);
        if (aheadNanos > 0) {
            try {
                Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
