package tickbus.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * The Vert.x TCP event-bus bridge framing: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
 * <pre>
 *  0               4                                   4 + length
 *  +---------------+-----------------------------------+
 *  | length (int)  | {"type": …, "address": …, …}       |
 *  +---------------+-----------------------------------+
 * </pre>
 * Decoding accumulates partial reads; a frame longer than {@code maxFrameBytes} is a {@link BridgeFrameException}.
 */
final class BridgeFrames {

    static final int LENGTH_BYTES = 4;

    private final int maxFrameBytes;
    private Buffer pending = Buffer.buffer();

    BridgeFrames(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    static Buffer encode(JsonObject frame) {
        Buffer json = frame.toBuffer();
        return Buffer.buffer(LENGTH_BYTES + json.length()).appendInt(json.length()).appendBuffer(json);
    }

    /** Feeds received bytes; hands each complete frame to {@code frames}, in order. */
    void feed(Buffer received, Consumer<JsonObject> frames) {
        pending.appendBuffer(received);
        int position = 0;
        while (pending.length() - position >= LENGTH_BYTES) {
            int length = pending.getInt(position);
            if (length < 0 || length > maxFrameBytes) {
                throw new BridgeFrameException("frame length out of range: length=" + length + ", max=" + maxFrameBytes);
            }
            if (pending.length() - position - LENGTH_BYTES < length) {
                break;
            }
            Buffer json = pending.getBuffer(position + LENGTH_BYTES, position + LENGTH_BYTES + length);
            position += LENGTH_BYTES + length;
            frames.accept(parse(json));
        }
        pending = position == pending.length() ? Buffer.buffer() : pending.getBuffer(position, pending.length());
    }

    private static JsonObject parse(Buffer json) {
        try {
            return new JsonObject(json);
        } catch (DecodeException | ClassCastException e) {
            throw new BridgeFrameException("frame is not a JSON object: length=" + json.length() + ", error="
                    + e.getMessage());
        }
    }

    /** A frame that cannot be decoded; the connection is closed. */
    static final class BridgeFrameException extends RuntimeException {
        BridgeFrameException(String message) {
            super(message);
        }
    }
}
