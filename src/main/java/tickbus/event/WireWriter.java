package tickbus.event;

import static tickbus.event.EventWire.INT_VIEW;
import static tickbus.event.EventWire.LONG_VIEW;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;

/**
 * Writes one event in the {@link EventWire} layout at the end of a {@link Buffer}: straight into the array behind
 * a heap buffer (what Vert.x hands a codec), otherwise into a per-thread scratch array appended in one copy.
 * Appending field by field through the Buffer API costs a call and several bounds checks per field.
 */
final class WireWriter {

    /** Only for buffers without an array of their own; a writer itself is cheaper to create than to look up. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[EventWire.SCRATCH_BYTES]);

    private byte[] bytes;
    private int position;
    /** Where in {@link #bytes} this writer must stop: the heap buffer's capacity, or the scratch array's end. */
    private int end;
    private Buffer target;
    /** The target's own heap buffer when writing into its array; null when writing into this thread's scratch array. */
    private ByteBuf heap;

    private WireWriter() {
    }

    /** A writer positioned at the end of {@code buffer}. */
    static WireWriter begin(Buffer buffer) {
        WireWriter out = new WireWriter();
        out.target = buffer;
        ByteBuf byteBuf = buffer instanceof BufferImpl impl ? impl.byteBuf() : null;
        out.heap = byteBuf != null && byteBuf.hasArray() ? byteBuf : null;
        if (out.heap != null) {
            out.onHeap();
        } else {
            out.bytes = SCRATCH.get();
            out.position = 0;
            out.end = out.bytes.length;
        }
        return out;
    }

    /** Continue at the heap buffer's writer index (its array may be shared with other buffers: stay inside). */
    private void onHeap() {
        bytes = heap.array();
        position = heap.arrayOffset() + heap.writerIndex();
        end = heap.arrayOffset() + heap.capacity();
    }

    /** Make what has been written part of the buffer; the writer is then free for the next event. */
    void finish() {
        if (heap != null) {
            heap.writerIndex(position - heap.arrayOffset());
        } else {
            target.appendBytes(bytes, 0, position);
        }
        target = null;
        heap = null;
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
        if (count <= end - position) {
            return;
        }
        if (heap != null) {
            heap.writerIndex(position - heap.arrayOffset());
            heap.ensureWritable(count);
            onHeap();
        } else {
            byte[] larger = new byte[Math.max(bytes.length * 2, position + count)];
            System.arraycopy(bytes, 0, larger, 0, position);
            bytes = larger;
            end = larger.length;
        }
    }
}
