package dev.jvsftpd.compat.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jvsftpd.compat.data.Transfer.Conversion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The byte pump: every trans_chunk_size gives the same bytes, and conversions survive chunk edges. */
class TransferTest {
    /** Reads at most one chunk per call, as a socket does, so chunk edges really fall mid-data. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 4096));
            }
        };
    }

    private static byte[] copy(byte[] data, long chunkSize, Conversion conversion) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong progress = new AtomicLong();
        long read = Transfer.copy(trickle(data), out, true, 0, chunkSize, conversion, progress);
        assertEquals(data.length, read);
        assertEquals(data.length, progress.get());
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 4096, 5000, 65536, 1_000_000})
    void everyChunkSizeMovesTheSameBytesAndConvertsAcrossChunkEdges(long chunkSize) throws IOException {
        byte[] text = new byte[20_000];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) (i % 3 == 2 ? '\n' : (i % 7 == 0 ? '\r' : 'a'));
        }
        assertArrayEquals(text, copy(text, chunkSize, Conversion.NONE));
        String crlf = new String(copy(text, chunkSize, Conversion.LF_TO_CRLF), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\n", "\r\n"), crlf);
        String stripped = new String(copy(text, chunkSize, Conversion.STRIP_CR_BEFORE_LF),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r\n", "\n"), stripped);
    }

    @Test
    void aFailingFileIsALocalFailureAndAFailingSocketIsNot() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk");
            }
        };
        OutputStream sink = OutputStream.nullOutputStream();
        assertThrows(Transfer.LocalFailure.class,
                () -> Transfer.copy(broken, sink, true, 0, 0, Conversion.NONE, new AtomicLong()));
        IOException network = assertThrows(IOException.class,
                () -> Transfer.copy(broken, sink, false, 0, 0, Conversion.NONE, new AtomicLong()));
        assertEquals(IOException.class, network.getClass());
    }
}
