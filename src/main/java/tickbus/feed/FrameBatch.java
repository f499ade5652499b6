package tickbus.feed;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Frames handed from a feed's event loop to one parser worker in a single task: {@code length} bytes of
 * {@code bytes}, owned by the worker once submitted. Layout per frame (big-endian):
 *
 * <pre>
 *  0               4                       12                      20
 *  +---------------+-----------------------+-----------------------+-------------------+
 *  | length (int)  | sequence (long)       | receive time ns (long)| frame bytes ...   |
 *  +---------------+-----------------------+-----------------------+-------------------+
 * </pre>
 */
record FrameBatch(byte[] bytes, int length, int frameCount) {

    static final int HEADER_BYTES = 20;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The frames as a Vert.x buffer over the same array (no copy), for the decoders. */
    Buffer buffer() {
        return BufferInternal.buffer(Unpooled.wrappedBuffer(bytes, 0, length));
    }

    static void writeHeader(byte[] to, int position, int length, long sequence, long receiveTimeNanos) {
        INT.set(to, position, length);
        LONG.set(to, position + 4, sequence);
        LONG.set(to, position + 12, receiveTimeNanos);
    }

    static int frameLength(byte[] from, int position) {
        return (int) INT.get(from, position);
    }

    static long sequence(byte[] from, int position) {
        return (long) LONG.get(from, position + 4);
    }

    static long receiveTimeNanos(byte[] from, int position) {
        return (long) LONG.get(from, position + 12);
    }
}
