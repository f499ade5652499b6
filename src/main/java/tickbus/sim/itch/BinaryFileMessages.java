package tickbus.sim.itch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import tickbus.protocol.itch.BinaryFile;
import tickbus.tools.BinaryFileInput;

/** The messages of a BinaryFILE (plain or gzipped), loaded into memory, served in order with their own timestamps. */
public final class BinaryFileMessages implements ItchMessageSource {

    private final byte[] frames;
    private final long messageCount;
    private int position;

    private BinaryFileMessages(byte[] frames, long messageCount) {
        this.frames = frames;
        this.messageCount = messageCount;
    }

    /** Reads the whole file; blocking, so call it off the event loop. */
    public static BinaryFileMessages load(Path file) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        byte[] message = new byte[BinaryFile.MAX_MESSAGE_LENGTH];
        try (BinaryFileInput input = BinaryFileInput.open(file)) {
            for (int length = input.next(message); length >= 0; length = input.next(message)) {
                frames.write(length >>> 8);
                frames.write(length);
                frames.write(message, 0, length);
            }
            return new BinaryFileMessages(frames.toByteArray(), input.messages());
        }
    }

    /** How many messages the file holds. */
    public long messageCount() {
        return messageCount;
    }

    @Override
    public int next(byte[] destination, long timestampNanos) {
        if (position >= frames.length) {
            return -1;
        }
        int length = (frames[position] & 0xFF) << 8 | frames[position + 1] & 0xFF;
        System.arraycopy(frames, position + BinaryFile.LENGTH_FIELD_LENGTH, destination, 0, length);
        position += BinaryFile.LENGTH_FIELD_LENGTH + length;
        return length;
    }
}
