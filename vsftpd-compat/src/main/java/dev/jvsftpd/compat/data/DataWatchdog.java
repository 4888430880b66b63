package dev.jvsftpd.compat.data;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * data_connection_timeout as vsftpd applies it: every period, a transfer that moved no byte
 * since the last look has its data connection shut down. A socket read timeout alone would
 * miss a client that stops reading a download (the write just blocks).
 */
public final class DataWatchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jvsftpd-data-timeout");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicLong progress = new AtomicLong();
    private volatile boolean fired;
    private final ScheduledFuture<?> task;

    /** @param periodMillis data_connection_timeout; 0 watches nothing */
    public DataWatchdog(Socket socket, long periodMillis) {
        if (periodMillis <= 0) {
            task = null;
            return;
        }
        long[] lastSeen = {-1};
        task = TIMER.scheduleAtFixedRate(() -> {
            long now = progress.get();
            if (now == lastSeen[0]) {
                fired = true;
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing is all we wanted
                }
            }
            lastSeen[0] = now;
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Counts bytes moved; the transfer calls this after every chunk. */
    public AtomicLong progress() {
        return progress;
    }

    /** Whether the transfer failed because the watchdog shut it down. */
    public boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
