package tickbus.tools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import tickbus.protocol.itch.BinaryFile;

/** Writes NASDAQ BinaryFILE, optionally gzipped: each message preceded by its 2-byte big-endian length. */
public final class BinaryFileOutput implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final OutputStream out;
    private final byte[] lengthField = new byte[BinaryFile.LENGTH_FIELD_LENGTH];
    private long messages;
    private long bytes;

    private BinaryFileOutput(OutputStream out) {
        this.out = out;
    }

    public static BinaryFileOutput create(Path file, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw, BUFFER_BYTES) : raw;
        return new BinaryFileOutput(new BufferedOutputStream(out, BUFFER_BYTES));
    }

    public void write(byte[] message, int offset, int length) throws IOException {
        if (length < 1 || length > BinaryFile.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("message length out of range: length=" + length + ", min=1, max="
                    + BinaryFile.MAX_MESSAGE_LENGTH);
        }
        lengthField[0] = (byte) (length >>> 8);
        lengthField[1] = (byte) length;
        out.write(lengthField);
        out.write(message, offset, length);
        messages++;
        bytes += BinaryFile.LENGTH_FIELD_LENGTH + length;
    }

    public long messages() {
        return messages;
    }

    /** Bytes of BinaryFILE written, before any compression. */
    public long bytes() {
        return bytes;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
