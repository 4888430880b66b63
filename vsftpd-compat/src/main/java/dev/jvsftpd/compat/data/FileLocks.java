package dev.jvsftpd.compat.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * lock_upload_files: vsftpd holds an fcntl write lock for the length of an upload and a shared
 * read lock for a download, so no download sees a half-written upload and no two uploads
 * interleave; a session waits for the lock. vsftpd's sessions are processes. Ours are threads of
 * one JVM, where fcntl locks cannot tell them apart (they belong to the process, and closing any
 * descriptor of the file drops them all), so the locks live here: one read-write lock per file
 * (device and inode), taken and released on the thread that runs the transfer.
 */
public final class FileLocks {
    private static final Map<Object, Entry> LOCKS = new HashMap<>();

    /** A held lock; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Nothing to release: lock_upload_files is off. */
    public static final Held NONE = () -> { };

    private static final class Entry {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        int users;
    }

    private FileLocks() {
    }

    /** Waits for and takes the file's read lock ({@code shared}) or write lock. */
    public static Held lock(Path file, boolean shared) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        Entry entry;
        synchronized (LOCKS) {
            entry = LOCKS.computeIfAbsent(key, k -> new Entry());
            entry.users++;
        }
        Lock lock = shared ? entry.lock.readLock() : entry.lock.writeLock();
        lock.lock();
        Entry taken = entry;
        return () -> {
            lock.unlock();
            synchronized (LOCKS) {
                if (--taken.users == 0) {
                    LOCKS.remove(key);
                }
            }
        };
    }
}
