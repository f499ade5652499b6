package tickbus.event;

import java.nio.charset.StandardCharsets;

/**
 * Strings on the event wire ({@code int32 length, UTF-8 bytes}), with two small caches for the strings that
 * repeat in market data (instrument, venue, source): the encoder keeps the wire form of recent strings so it
 * does not encode them again, and the decoder keeps recent strings keyed by their bytes so it does not
 * allocate them again. Both are arrays of immutable entries shared by all threads: a race costs a miss, never
 * a wrong string. Strings that rarely repeat (trade ids, reasons) bypass the caches.
 */
final class WireStrings {

    private static final int MAX_CACHED_CHARS = 64;
    /** Decoded strings up to this size are keyed by their bytes read as two longs. */
    private static final int MAX_KEYED_BYTES = 2 * Long.BYTES;

    private static final Encoded[] ENCODED = new Encoded[CacheSlots.SLOTS];
    private static final Decoded[] DECODED = new Decoded[CacheSlots.SLOTS];

    private record Encoded(String value, byte[] wire) {
    }

    private record Decoded(int length, long head, long tail, String value) {

        boolean matches(int otherLength, long otherHead, long otherTail) {
            return length == otherLength && head == otherHead && tail == otherTail;
        }
    }

    private WireStrings() {
    }

    /** The wire form of a repeating string, from the cache when it is there. */
    static byte[] encode(String value) {
        if (value.length() > MAX_CACHED_CHARS) {
            return wireForm(value);
        }
        long hash = value.hashCode();
        int first = CacheSlots.first(hash);
        Encoded entry = ENCODED[first];
        if (entry == null || !entry.value.equals(value)) {
            entry = ENCODED[first + 1];
            if (entry == null || !entry.value.equals(value)) {
                entry = new Encoded(value, wireForm(value));
                ENCODED[CacheSlots.victim(ENCODED, hash)] = entry;
            }
        }
        return entry.wire;
    }

    /** The wire form of {@code value}; lone surrogates become {@code '?'}, as in {@link String#getBytes}. */
    static byte[] wireForm(String value) {
        byte[] wire = new byte[Integer.BYTES + value.length()];
        return putAscii(value, wire, 0) ? wire : utf8WireForm(value);
    }

    /** The wire form of a string that is not all ASCII. */
    static byte[] utf8WireForm(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] wire = new byte[Integer.BYTES + utf8.length];
        EventWire.INT_VIEW.set(wire, 0, utf8.length);
        System.arraycopy(utf8, 0, wire, Integer.BYTES, utf8.length);
        return wire;
    }

    /**
     * Put the wire form of {@code value} at {@code offset} when it is all ASCII, one byte a character, and
     * return true; return false, having written part of it, when it is not. The target has room for
     * {@code 4 + value.length()} bytes.
     */
    static boolean putAscii(String value, byte[] target, int offset) {
        int chars = value.length();
        int start = offset + Integer.BYTES;
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            target[start + i] = (byte) c;
        }
        EventWire.INT_VIEW.set(target, offset, chars);
        return true;
    }

    /** The repeating string of {@code length} UTF-8 bytes at {@code offset}; the caller has checked the bounds. */
    static String decode(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return "";
        }
        if (length > MAX_KEYED_BYTES) {
            return decodeUncached(bytes, offset, length);
        }
        long head;
        long tail;
        if (length >= Long.BYTES) {
            head = (long) EventWire.LONG_VIEW.get(bytes, offset);
            tail = (long) EventWire.LONG_VIEW.get(bytes, offset + length - Long.BYTES);
        } else {
            head = shortHead(bytes, offset, length);
            tail = 0;
        }
        long hash = head ^ Long.rotateLeft(tail, 29) ^ length;
        int first = CacheSlots.first(hash);
        Decoded entry = DECODED[first];
        if (entry == null || !entry.matches(length, head, tail)) {
            entry = DECODED[first + 1];
            if (entry == null || !entry.matches(length, head, tail)) {
                entry = new Decoded(length, head, tail, decodeUncached(bytes, offset, length));
                DECODED[CacheSlots.victim(DECODED, hash)] = entry;
            }
        }
        return entry.value;
    }

    static String decodeUncached(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /** The first {@code length} (1 to 7) bytes as a little-endian number, without reading past the array. */
    private static long shortHead(byte[] bytes, int offset, int length) {
        if (offset <= bytes.length - Long.BYTES) {
            return (long) EventWire.LONG_VIEW.get(bytes, offset) & ((1L << (Byte.SIZE * length)) - 1);
        }
        long head = 0;
        for (int i = 0; i < length; i++) {
            head |= (bytes[offset + i] & 0xFFL) << (Byte.SIZE * i);
        }
        return head;
    }
}
