package tickbus.feed.redis;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Channel names read from frames, as Strings made once per distinct name: a direct-mapped cache keyed by the
 * bytes, so a publisher inventing channel names (through a pattern) costs a String each, never unbounded memory.
 * Reads the array behind a heap buffer, or one bulk copy of the name: a bounds- and reference-checked read per byte
 * was a tenth of the pub/sub event loop's time. Not thread-safe: one per worker or connection.
 */
final class ChannelNames {

    private static final int SLOTS = 4096;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];
    private byte[] scratch = new byte[64];

    String of(Buffer frames, int offset, int length) {
        if (frames instanceof BufferImpl impl && impl.byteBuf().hasArray()) {
            ByteBuf heap = impl.byteBuf();
            return of(heap.array(), heap.arrayOffset() + offset, length);
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        frames.getBytes(offset, offset + length, scratch, 0);
        return of(scratch, 0, length);
    }

    private String of(byte[] bytes, int offset, int length) {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, bytes, offset, offset + length)) {
            return names[slot];
        }
        byte[] name = Arrays.copyOfRange(bytes, offset, offset + length);
        keys[slot] = name;
        names[slot] = new String(name, StandardCharsets.UTF_8);
        return names[slot];
    }
}
