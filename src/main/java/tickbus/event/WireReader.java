package tickbus.event;

import static tickbus.event.EventWire.INT_VIEW;
import static tickbus.event.EventWire.LONG_VIEW;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;

/**
 * Reads one event in the {@link EventWire} layout: straight out of the array behind a heap {@link Buffer} (what
 * Vert.x hands a codec), otherwise out of a per-thread scratch array it copies the event into in one call. Every
 * read is checked against what is there, so that truncated or corrupt input fails with an
 * {@link IllegalArgumentException} naming the field, never with garbage or an IndexOutOfBounds. The header is read
 * into the accessors ({@link #instrument()} and so on), so nothing but the event is allocated.
 */
final class WireReader {

    /** Only for buffers without an array of their own; a reader itself is cheaper to create than to look up. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[EventWire.SCRATCH_BYTES]);

    private byte[] bytes;
    /** Where in {@link #bytes} the event starts (its byte at {@link #origin} in the buffer). */
    private int start;
    private int position;
    /** Where in {@link #bytes} what is readable ends: the buffer's end, or as much of it as has been copied. */
    private int limit;
    /** True when {@link #bytes} is the buffer's own array; false when it is a copy of part of it. */
    private boolean direct;
    private Buffer source;
    private int origin;
    private String instrument;
    private String venue;
    private String eventSource;
    private long sequence;
    private long exchangeTimeNanos;
    private long receiveTimeNanos;

    private WireReader() {
    }

    /** A reader over the event at {@code position}, past its checked version byte. */
    static WireReader begin(Buffer buffer, int position, String codec) {
        int length = buffer.length();
        if (position < 0 || position > length) {
            throw new IllegalArgumentException("event position out of range: codec=" + codec + ", position="
                    + position + ", length=" + length);
        }
        WireReader in = new WireReader();
        in.source = buffer;
        in.origin = position;
        ByteBuf heap = buffer instanceof BufferImpl impl && impl.byteBuf().hasArray()
                && impl.byteBuf().readerIndex() == 0 ? impl.byteBuf() : null;
        in.direct = heap != null;
        if (in.direct) {
            in.bytes = heap.array();
            in.start = heap.arrayOffset() + position;
            in.limit = in.start + length - position;
        } else {
            in.bytes = SCRATCH.get();
            in.start = 0;
            in.limit = Math.min(length - position, EventWire.SCRATCH_BYTES);
            buffer.getBytes(position, position + in.limit, in.bytes, 0);
        }
        in.position = in.start;
        byte version = in.readByte("version");
        if (version != EventWire.WIRE_VERSION) {
            throw new IllegalArgumentException("unsupported event wire version: codec=" + codec + ", version="
                    + version + ", expected=" + EventWire.WIRE_VERSION);
        }
        return in;
    }

    /** Read the header of a {@link MarketEvent}, which starts with the instrument, into the header accessors. */
    void readMarketHeader() {
        int stringsAt = position;
        int stringBytes = readLength("headerStrings");
        HeaderStrings.Entry cached = HeaderStrings.decode(bytes, stringsAt, Integer.BYTES + stringBytes);
        if (cached != null) {
            position = stringsAt + cached.wire().length;
            readHeader(cached.instrument(), cached.venue(), cached.source());
            return;
        }
        String instrumentRead = readString("instrument");
        String venueRead = readString("venue");
        String sourceRead = readString("source");
        int actualBytes = position - stringsAt - Integer.BYTES;
        if (actualBytes != stringBytes) {
            throw new IllegalArgumentException("event header strings length mismatch: field=headerStrings, length="
                    + stringBytes + ", actual=" + actualBytes);
        }
        HeaderStrings.remember(bytes, stringsAt, position - stringsAt, instrumentRead, venueRead, sourceRead);
        readHeader(instrumentRead, venueRead, sourceRead);
    }

    /** Read the header of an event without an instrument; {@link #instrument()} is then null. */
    void readHeader() {
        readHeader(null, readString("venue"), readString("source"));
    }

    private void readHeader(String instrumentRead, String venueRead, String sourceRead) {
        instrument = instrumentRead;
        venue = venueRead;
        eventSource = sourceRead;
        sequence = readLong("sequence");
        exchangeTimeNanos = readLong("exchangeTimeNanos");
        receiveTimeNanos = readLong("receiveTimeNanos");
    }

    String instrument() {
        return instrument;
    }

    String venue() {
        return venue;
    }

    String source() {
        return eventSource;
    }

    long sequence() {
        return sequence;
    }

    long exchangeTimeNanos() {
        return exchangeTimeNanos;
    }

    long receiveTimeNanos() {
        return receiveTimeNanos;
    }

    long readLong(String field) {
        require(Long.BYTES, field);
        long value = (long) LONG_VIEW.get(bytes, position);
        position += Long.BYTES;
        return value;
    }

    int readInt(String field) {
        require(Integer.BYTES, field);
        int value = (int) INT_VIEW.get(bytes, position);
        position += Integer.BYTES;
        return value;
    }

    byte readByte(String field) {
        require(Byte.BYTES, field);
        return bytes[position++];
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

    /** Read a string that repeats from event to event (an id), through the cache. */
    String readString(String field) {
        int length = readLength(field);
        String value = WireStrings.decode(bytes, position, length);
        position += length;
        return value;
    }

    /** Read a string that rarely repeats (a trade id, a reason), bypassing the cache. */
    String readText(String field) {
        int length = readLength(field);
        String value = WireStrings.decodeUncached(bytes, position, length);
        position += length;
        return value;
    }

    /** Read a byte count and make sure that many bytes follow. */
    private int readLength(String field) {
        int length = readInt(field);
        if (length < 0 || length > limit - position && length > remaining()) {
            throw new IllegalArgumentException("event length out of range: field=" + field + ", length="
                    + length + ", remaining=" + remaining());
        }
        require(length, field);
        return length;
    }

    /** The count of items of {@code itemBytes} each that follows, checked against what remains. */
    int readCount(String field, int itemBytes) {
        int count = readInt(field);
        if (count < 0 || count > remaining() / itemBytes) {
            throw new IllegalArgumentException("event count out of range: field=" + field + ", count=" + count
                    + ", remaining=" + remaining());
        }
        return count;
    }

    /** What remains of the buffer, copied or not. */
    private int remaining() {
        return source.length() - origin - (position - start);
    }

    private void require(int count, String field) {
        if (count > limit - position && !copyMore(position + count)) {
            throw new IllegalArgumentException("event truncated: field=" + field + ", position="
                    + (origin + position - start) + ", needed=" + count + ", length=" + source.length());
        }
    }

    /** Copy more of the buffer so that {@code needed} bytes are available; false when the buffer ends first. */
    private boolean copyMore(int needed) {
        int available = source.length() - origin;
        if (direct || needed > available) {
            return false;
        }
        int newLimit = Math.min(available, Math.max(needed, limit * 2));
        byte[] larger = new byte[newLimit];
        System.arraycopy(bytes, 0, larger, 0, limit);
        source.getBytes(origin + limit, origin + newLimit, larger, limit);
        bytes = larger;
        limit = newLimit;
        return true;
    }
}
