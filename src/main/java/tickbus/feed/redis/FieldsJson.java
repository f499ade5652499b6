package tickbus.feed.redis;

import io.vertx.core.buffer.Buffer;

/**
 * Turns a stream entry's field/value pairs (the {@link RedisFrames} FIELDS layout) into one JSON object of string
 * values, so the JSON decoder reads cryptofeed's stream entries ({@code XADD key * exchange COINBASE price 1.3e-05
 * ...}) exactly like its pub/sub payloads. Bytes are copied as they are, escaping only quote, backslash and control
 * characters, so the decoder still refuses invalid UTF-8. Not thread-safe: one per worker.
 */
final class FieldsJson {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] out = new byte[512];
    private int length;

    /** Build the object from the pairs at {@code frames[offset, offset + pairsLength)}; returns its length. */
    int build(Buffer frames, int offset, int pairsLength) {
        length = 0;
        put((byte) '{');
        int position = offset;
        int end = offset + pairsLength;
        boolean first = true;
        while (position < end) {
            int nameLength = frames.getUnsignedShort(position);
            int nameOffset = position + 2;
            int valueLength = frames.getInt(nameOffset + nameLength);
            int valueOffset = nameOffset + nameLength + 4;
            if (!first) {
                put((byte) ',');
            }
            first = false;
            string(frames, nameOffset, nameLength);
            put((byte) ':');
            string(frames, valueOffset, valueLength);
            position = valueOffset + valueLength;
        }
        put((byte) '}');
        return length;
    }

    /** The bytes built by the last {@link #build}; valid until the next call. */
    byte[] bytes() {
        return out;
    }

    private void string(Buffer frames, int offset, int count) {
        ensure(count * 6 + 2);
        out[length++] = '"';
        for (int i = 0; i < count; i++) {
            byte b = frames.getByte(offset + i);
            if (b == '"' || b == '\\') {
                out[length++] = '\\';
                out[length++] = b;
            } else if (b >= 0 && b < 0x20) {
                out[length++] = '\\';
                out[length++] = 'u';
                out[length++] = '0';
                out[length++] = '0';
                out[length++] = HEX[b >> 4];
                out[length++] = HEX[b & 0xF];
            } else {
                out[length++] = b;
            }
        }
        out[length++] = '"';
    }

    private void put(byte b) {
        ensure(1);
        out[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
