package tickbus.event;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * The primitives shared by the event codecs: static writers that append to a {@link Buffer}, and a read
 * cursor that checks every read against the buffer's length so that truncated or corrupt input fails with
 * an {@link IllegalArgumentException} naming the field, never with garbage or an IndexOutOfBounds.
 *
 * <pre>
 * header = version: uint8 | instrument: string (market events only) | venue: string | source: string
 *          | sequence: int64 | exchangeTimeNanos: int64 | receiveTimeNanos: int64
 * string = int32 byte length, then that many UTF-8 bytes
 * enum   = uint8 ordinal
 * bool   = uint8 0 or 1
 * </pre>
 */
final class EventWire {

    /** The first byte of every encoded event; bumped when any layout changes. */
    static final byte WIRE_VERSION = 1;

    private final Buffer buffer;
    private final int limit;
    private int position;

    EventWire(Buffer buffer, int position, String codec) {
        this.buffer = buffer;
        this.limit = buffer.length();
        if (position < 0 || position > limit) {
            throw new IllegalArgumentException("event position out of range: codec=" + codec + ", position="
                    + position + ", length=" + limit);
        }
        this.position = position;
        byte version = readByte("version");
        if (version != WIRE_VERSION) {
            throw new IllegalArgumentException("unsupported event wire version: codec=" + codec + ", version="
                    + version + ", expected=" + WIRE_VERSION);
        }
    }

    /** Append the version and the fields every event has, in {@link Header} order. */
    static void writeHeader(Buffer buffer, TickbusEvent event) {
        buffer.appendByte(WIRE_VERSION);
        if (event instanceof MarketEvent marketEvent) {
            writeString(buffer, marketEvent.instrument());
        }
        writeString(buffer, event.venue());
        writeString(buffer, event.source());
        buffer.appendLong(event.sequence())
                .appendLong(event.exchangeTimeNanos())
                .appendLong(event.receiveTimeNanos());
    }

    static void writeString(Buffer buffer, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.appendInt(bytes.length).appendBytes(bytes);
    }

    static void writeEnum(Buffer buffer, Enum<?> value) {
        buffer.appendByte((byte) value.ordinal());
    }

    static void writeBoolean(Buffer buffer, boolean value) {
        buffer.appendByte(value ? (byte) 1 : (byte) 0);
    }

    /** The header of a {@link MarketEvent}, which starts with the instrument. */
    Header readMarketHeader() {
        return readHeader(readString("instrument"));
    }

    /** The header of an event without an instrument; {@link Header#instrument()} is null. */
    Header readHeader() {
        return readHeader(null);
    }

    private Header readHeader(String instrument) {
        return new Header(instrument, readString("venue"), readString("source"), readLong("sequence"),
                readLong("exchangeTimeNanos"), readLong("receiveTimeNanos"));
    }

    long readLong(String field) {
        require(Long.BYTES, field);
        long value = buffer.getLong(position);
        position += Long.BYTES;
        return value;
    }

    int readInt(String field) {
        require(Integer.BYTES, field);
        int value = buffer.getInt(position);
        position += Integer.BYTES;
        return value;
    }

    byte readByte(String field) {
        require(Byte.BYTES, field);
        return buffer.getByte(position++);
    }

    boolean readBoolean(String field) {
        byte value = readByte(field);
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("event boolean out of range: field=" + field + ", value=" + value
                    + ", expected=0 or 1");
        }
        return value == 1;
    }

    <E extends Enum<E>> E readEnum(E[] values, String field) {
        int ordinal = readByte(field) & 0xFF;
        if (ordinal >= values.length) {
            throw new IllegalArgumentException("event enum ordinal out of range: field=" + field + ", value="
                    + ordinal + ", max=" + (values.length - 1));
        }
        return values[ordinal];
    }

    String readString(String field) {
        int length = readInt(field);
        if (length < 0 || length > limit - position) {
            throw new IllegalArgumentException("event string length out of range: field=" + field + ", length="
                    + length + ", remaining=" + (limit - position));
        }
        String value = buffer.getString(position, position + length, "UTF-8");
        position += length;
        return value;
    }

    /** Check that {@code count} items of {@code itemBytes} each can still be read. */
    int readCount(String field, int itemBytes) {
        int count = readInt(field);
        if (count < 0 || count > (limit - position) / itemBytes) {
            throw new IllegalArgumentException("event count out of range: field=" + field + ", count=" + count
                    + ", remaining=" + (limit - position));
        }
        return count;
    }

    private void require(int bytes, String field) {
        if (position > limit - bytes) {
            throw new IllegalArgumentException("event truncated: field=" + field + ", position=" + position
                    + ", needed=" + bytes + ", length=" + limit);
        }
    }

    /** The fields every event has, as written by {@link #writeHeader}. */
    record Header(String instrument, String venue, String source, long sequence, long exchangeTimeNanos,
            long receiveTimeNanos) {
    }
}
