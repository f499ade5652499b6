package tickbus.feed.redis;

import io.vertx.core.buffer.Buffer;
import tickbus.feed.ConnectionContext;
import tickbus.protocol.redisjson.PayloadFormat;

/**
 * The frame a Redis feed hands from its event loop to its parser workers: one pub/sub message or one stream
 * entry, with the channel (or stream key) it came from.
 *
 * <pre>
 *  0       1              9              11                  11+n
 *  +-------+--------------+--------------+-------------------+---------------------------+
 *  | flags | entry seq    | channel len  | channel (UTF-8)   | payload                   |
 *  | u8    | i64          | u16          | n bytes           | rest of the frame         |
 *  +-------+--------------+--------------+-------------------+---------------------------+
 *  flags:     bits 0-3 the payload format's ordinal; bit 4 FIELDS; bit 5 UNSUBSCRIBED (no payload: the feed
 *             stopped listening to the channel)
 *  entry seq: a stream entry id as milliseconds * 1,000,000 + sequence; 0 for pub/sub
 *  payload:   the JSON document, or with FIELDS a stream entry's field/value pairs:
 *             repeated { u16 name length, name, u32 value length, value }
 * </pre>
 */
final class RedisFrames {

    static final int FLAGS_OFFSET = 0;
    static final int ENTRY_SEQUENCE_OFFSET = 1;
    static final int CHANNEL_LENGTH_OFFSET = 9;
    static final int HEADER_BYTES = 11;
    static final int FORMAT_MASK = 0x0F;
    static final int FIELDS_FLAG = 0x10;
    static final int UNSUBSCRIBED_FLAG = 0x20;
    static final int MAX_CHANNEL_BYTES = 0xFFFF;
    static final int MAX_FIELD_NAME_BYTES = 0xFFFF;

    private static final long SEQUENCES_PER_MILLI = 1_000_000L;
    private static final PayloadFormat[] FORMATS = PayloadFormat.values();

    private RedisFrames() {
    }

    /** Write the header into {@code frame} from position 0 and return the position after the channel. */
    static int writeHeader(Buffer frame, PayloadFormat format, boolean fields, long entrySequence, Buffer channel) {
        int flags = format.ordinal() | (fields ? FIELDS_FLAG : 0);
        frame.setByte(FLAGS_OFFSET, (byte) flags);
        frame.setLong(ENTRY_SEQUENCE_OFFSET, entrySequence);
        frame.setUnsignedShort(CHANNEL_LENGTH_OFFSET, channel.length());
        frame.setBuffer(HEADER_BYTES, channel);
        return HEADER_BYTES + channel.length();
    }

    /**
     * Write a frame telling the channel's worker, after the channel's last message, that the feed no longer listens
     * to {@code channel}; returns its length.
     */
    static int writeUnsubscribed(Buffer frame, PayloadFormat format, Buffer channel) {
        int length = writeHeader(frame, format, false, 0, channel);
        frame.setByte(FLAGS_OFFSET, (byte) (format.ordinal() | UNSUBSCRIBED_FLAG));
        return length;
    }

    /** Append one field/value pair at {@code position}; returns the position after it. */
    static int writeField(Buffer frame, int position, Buffer name, Buffer value) {
        frame.setUnsignedShort(position, name.length());
        frame.setBuffer(position + 2, name);
        int valuePosition = position + 2 + name.length();
        frame.setInt(valuePosition, value.length());
        frame.setBuffer(valuePosition + 4, value);
        return valuePosition + 4 + value.length();
    }

    /** Report {@code bytes} received, counted over many frames, to the engine. */
    static void bytesReceived(ConnectionContext context, long bytes) {
        long left = bytes;
        for (; left > Integer.MAX_VALUE; left -= Integer.MAX_VALUE) {
            context.bytesReceived(Integer.MAX_VALUE);
        }
        context.bytesReceived((int) left);
    }

    static PayloadFormat format(Buffer frames, int offset) {
        return FORMATS[frames.getUnsignedByte(offset + FLAGS_OFFSET) & FORMAT_MASK];
    }

    static boolean hasFields(Buffer frames, int offset) {
        return (frames.getUnsignedByte(offset + FLAGS_OFFSET) & FIELDS_FLAG) != 0;
    }

    static boolean isUnsubscribed(Buffer frames, int offset) {
        return (frames.getUnsignedByte(offset + FLAGS_OFFSET) & UNSUBSCRIBED_FLAG) != 0;
    }

    static long entrySequence(Buffer frames, int offset) {
        return frames.getLong(offset + ENTRY_SEQUENCE_OFFSET);
    }

    static int channelLength(Buffer frames, int offset) {
        return frames.getUnsignedShort(offset + CHANNEL_LENGTH_OFFSET);
    }

    /**
     * The sequence of a stream entry id {@code <ms>-<seq>}: milliseconds * 1,000,000 + sequence, increasing with the
     * id while the sequence within one millisecond stays below 1,000,000; 0 when {@code id} is not an entry id.
     */
    static long entrySequence(String id) {
        return entrySequence(Buffer.buffer(id));
    }

    /** {@link #entrySequence(String)} of an id's bytes, read in place. */
    static long entrySequence(Buffer id) {
        int length = id.length();
        int dash = 0;
        while (dash < length && id.getByte(dash) != '-') {
            dash++;
        }
        long millis = digits(id, 0, dash);
        long sequence = digits(id, dash + 1, length);
        if (millis < 0 || sequence < 0 || millis > Long.MAX_VALUE / SEQUENCES_PER_MILLI - 1) {
            return 0;
        }
        return millis * SEQUENCES_PER_MILLI + Math.min(sequence, SEQUENCES_PER_MILLI - 1);
    }

    /** The decimal number in {@code bytes[from, to)}; -1 if empty, not all digits, or past Long.MAX_VALUE. */
    private static long digits(Buffer bytes, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes.getByte(i) - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
