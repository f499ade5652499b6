package tickbus.event;

import static tickbus.event.EventWire.INT_VIEW;
import static tickbus.event.EventWire.LONG_VIEW;

import io.vertx.core.buffer.Buffer;

/**
 * Writes one event in the {@link EventWire} layout into a per-thread scratch array and appends it to the
 * {@link Buffer} in one copy: appending field by field costs a call and several bounds checks per field.
 */
final class WireWriter {

    private static final ThreadLocal<WireWriter> WRITERS = ThreadLocal.withInitial(WireWriter::new);

    private final byte[] scratch = new byte[EventWire.SCRATCH_BYTES];
    private byte[] bytes;
    private int position;

    private WireWriter() {
    }

    /** This thread's writer, empty. */
    static WireWriter begin() {
        WireWriter out = WRITERS.get();
        out.bytes = out.scratch;
        out.position = 0;
        return out;
    }

    /** Append what has been written to {@code buffer}; the writer is then free for the next event. */
    void appendTo(Buffer buffer) {
        buffer.appendBytes(bytes, 0, position);
    }

    /** Write the version and the fields every event has, in the order of the header layout. */
    void writeHeader(TickbusEvent event) {
        writeByte(EventWire.WIRE_VERSION);
        if (event instanceof MarketEvent marketEvent) {
            writeBytes(HeaderStrings.encode(marketEvent.instrument(), event.venue(), event.source()));
        } else {
            writeString(event.venue());
            writeString(event.source());
        }
        writeLong(event.sequence());
        writeLong(event.exchangeTimeNanos());
        writeLong(event.receiveTimeNanos());
    }

    /** Write a string that repeats from event to event (an id), through the cache. */
    void writeString(String value) {
        writeBytes(WireStrings.encode(value));
    }

    /** Write a string that rarely repeats (a trade id, a reason), bypassing the cache. */
    void writeText(String value) {
        ensureWritable(Integer.BYTES + value.length());
        if (WireStrings.putAscii(value, bytes, position)) {
            position += Integer.BYTES + value.length();
        } else {
            writeBytes(WireStrings.utf8WireForm(value));
        }
    }

    private void writeBytes(byte[] wire) {
        ensureWritable(wire.length);
        System.arraycopy(wire, 0, bytes, position, wire.length);
        position += wire.length;
    }

    void writeLong(long value) {
        ensureWritable(Long.BYTES);
        LONG_VIEW.set(bytes, position, value);
        position += Long.BYTES;
    }

    void writeInt(int value) {
        ensureWritable(Integer.BYTES);
        INT_VIEW.set(bytes, position, value);
        position += Integer.BYTES;
    }

    void writeByte(int value) {
        ensureWritable(Byte.BYTES);
        bytes[position++] = (byte) value;
    }

    void writeEnum(Enum<?> value) {
        writeByte(value.ordinal());
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    private void ensureWritable(int count) {
        if (position + count > bytes.length) {
            byte[] larger = new byte[Math.max(bytes.length * 2, position + count)];
            System.arraycopy(bytes, 0, larger, 0, position);
            bytes = larger;
        }
    }
}
