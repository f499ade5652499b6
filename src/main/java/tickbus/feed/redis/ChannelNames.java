package tickbus.feed.redis;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Channel names read from frames, as Strings made once per distinct name: a direct-mapped cache keyed by the
 * bytes, so a publisher inventing channel names (through a pattern) costs a String each, never unbounded memory.
 * Not thread-safe: one per worker or connection.
 */
final class ChannelNames {

    private static final int SLOTS = 4096;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];

    String of(Buffer frames, int offset, int length) {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + frames.getByte(offset + i);
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && matches(key, frames, offset, length)) {
            return names[slot];
        }
        byte[] bytes = frames.getBytes(offset, offset + length);
        String name = new String(bytes, StandardCharsets.UTF_8);
        keys[slot] = bytes;
        names[slot] = name;
        return name;
    }

    private static boolean matches(byte[] key, Buffer frames, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != frames.getByte(offset + i)) {
                return false;
            }
        }
        return true;
    }
}
