package tickbus.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The event wire layout shared by the codecs, written by {@link WireWriter} and read by {@link WireReader}.
 * Each codec documents the fields that follow the header.
 *
 * <pre>
 * header = version: uint8 | strings | sequence: int64 | exchangeTimeNanos: int64 | receiveTimeNanos: int64
 * strings, market events  = int32 byte count of the next three | instrument: string | venue: string
 *                           | source: string  (cached together: see {@link HeaderStrings})
 * strings, other events   = venue: string | source: string
 * string = int32 byte length, then that many UTF-8 bytes (see {@link WireStrings})
 * enum   = uint8 ordinal
 * bool   = uint8 0 or 1
 * all numbers little-endian, the byte order of the machines tickbus runs on
 * </pre>
 */
final class EventWire {

    /** The first byte of every encoded event; bumped when any layout changes. */
    static final byte WIRE_VERSION = 2;

    static final VarHandle LONG_VIEW = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT_VIEW = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** The per-thread scratch array of a reader or writer; larger events take a temporary array. */
    static final int SCRATCH_BYTES = 1024;

    private EventWire() {
    }
}
