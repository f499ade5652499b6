package tickbus.tools;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads NASDAQ BinaryFILE (each message preceded by its 2-byte big-endian length), plain or gzipped (recognised by
 * its magic bytes, whatever the file is called). Frames of length 0 carry nothing and are skipped.
 */
public final class BinaryFileInput implements AutoCloseable {

    private static final int GZIP_MAGIC = 0x1F8B;
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final DataInputStream in;
    private long offset;
    private long messages;

    private BinaryFileInput(Path file, InputStream in) {
        this.file = file;
        this.in = new DataInputStream(in);
    }

    public static BinaryFileInput open(Path file) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        raw.mark(2);
        int magic = raw.read() << 8 | raw.read();
        raw.reset();
        InputStream in = magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES),
                BUFFER_BYTES) : raw;
        return new BinaryFileInput(file, in);
    }

    /**
     * Read the next message into the start of {@code destination} (at least 65,535 bytes); returns its length, or
     * -1 at the end of the file. A frame cut short by the end of the file is an {@link IOException} naming where.
     */
    public int next(byte[] destination) throws IOException {
        try {
            return nextFrame(destination);
        } catch (ZipException e) {
            throw new IOException("gzip data is corrupt: file=" + file + ", uncompressedOffset=" + offset
                    + ", messagesRead=" + messages + ", error=" + e.getMessage(), e);
        }
    }

    private int nextFrame(byte[] destination) throws IOException {
        while (true) {
            int high = in.read();
            if (high < 0) {
                return -1;
            }
            int low = in.read();
            if (low < 0) {
                throw truncated(2, 1);
            }
            int length = high << 8 | low;
            if (length == 0) {
                offset += 2;
                continue;
            }
            try {
                in.readFully(destination, 0, length);
            } catch (EOFException e) {
                throw truncated(length, -1);
            }
            offset += 2 + length;
            messages++;
            return length;
        }
    }

    /** Messages read so far. */
    public long messages() {
        return messages;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private IOException truncated(int needed, int available) {
        return new IOException("BinaryFILE frame cut short by the end of the file: file=" + file + ", frameOffset="
                + offset + ", needed=" + needed + (available >= 0 ? ", available=" + available : ""));
    }
}
