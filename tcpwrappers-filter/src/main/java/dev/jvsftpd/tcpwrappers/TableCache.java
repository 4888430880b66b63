package dev.jvsftpd.tcpwrappers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables and /file pattern lists, re-read when they change. libwrap reads them on every
 * connection; here a parsed copy is reused while the file's identity, modification time and size
 * are unchanged. A file modified within the last {@link #RACY} is not trusted to that check (an
 * edit in the same clock tick keeping the size would go unseen) and is read again each time.
 */
final class TableCache {

    private static final Logger LOG = LoggerFactory.getLogger(TableCache.class);
    static final Duration RACY = Duration.ofSeconds(2);

    /** How opening a file went, in libwrap's terms. */
    enum State {
        /** It exists and was read (a directory reads as empty). */
        READ,
        /** ENOENT: counts as an empty table, or a non-matching pattern file. */
        MISSING,
        /** Any other open error: an error for a table, no match for a pattern file. */
        UNREADABLE
    }

    record Loaded<T>(State state, T value) {
    }

    private record Stamp(Object fileKey, FileTime modified, long size) {
    }

    private record Entry<T>(Stamp stamp, byte[] content, T value, boolean trusted) {
    }

    private final ConcurrentHashMap<Path, Entry<RuleFile>> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, Entry<List<String>>> patternFiles = new ConcurrentHashMap<>();

    Loaded<RuleFile> table(Path path) {
        return load(path, tables, bytes -> {
            RuleFile parsed = RuleFile.parse(bytes);
            for (RuleFile.Diagnostic d : parsed.diagnostics()) {
                LOG.warn("{}, line {}: {}", path, d.line(), d.message());
            }
            return parsed;
        }, RuleFile.EMPTY);
    }

    /** The whitespace-separated tokens of a /file pattern list (fscanf "%s"), each cut at a NUL. */
    Loaded<List<String>> patternFile(Path path) {
        return load(path, patternFiles, TableCache::tokens, List.of());
    }

    private static <T> Loaded<T> load(Path path, ConcurrentHashMap<Path, Entry<T>> cache,
                                      Function<byte[], T> parse, T empty) {
        Instant now = Instant.now();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Loaded<>(State.MISSING, empty);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot open {}: {}", path, e.getMessage());
            return new Loaded<>(State.UNREADABLE, empty);
        }
        if (attributes.isDirectory()) {
            return new Loaded<>(State.READ, empty);
        }
        if (!Files.isReadable(path)) {
            LOG.warn("cannot open {}: Permission denied", path);
            return new Loaded<>(State.UNREADABLE, empty);
        }
        Stamp stamp = new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        Entry<T> cached = cache.get(path);
        if (cached != null && cached.trusted() && cached.stamp().equals(stamp)) {
            return new Loaded<>(State.READ, cached.value());
        }
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new Loaded<>(State.MISSING, empty);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot open {}: {}", path, e.getMessage());
            return new Loaded<>(State.UNREADABLE, empty);
        }
        boolean trusted = attributes.lastModifiedTime().toInstant().isBefore(now.minus(RACY));
        T value = cached != null && Arrays.equals(cached.content(), content) ? cached.value() : parse.apply(content);
        cache.put(path, new Entry<>(stamp, content, value, trusted));
        return new Loaded<>(State.READ, value);
    }

    private static List<String> tokens(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && CText.isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !CText.isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String token = text.substring(start, i);
                int nul = token.indexOf('\0');
                tokens.add(nul < 0 ? token : token.substring(0, nul));
            }
        }
        return List.copyOf(tokens);
    }
}
