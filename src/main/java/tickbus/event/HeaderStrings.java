package tickbus.event;

import java.util.Arrays;

/**
 * The three strings that open a market event (instrument, venue, source), cached together because they repeat
 * per instrument: the encoder copies one prebuilt wire form, and the decoder, after comparing the bytes once,
 * returns all three strings without a look-up each. Two-way caches ({@link CacheSlots}) of immutable entries
 * shared by all threads: a race costs a miss, never a wrong string. Each table holds at most
 * {@link CacheSlots#SLOTS} entries of at most {@link #MAX_CACHED_WIRE_BYTES} bytes of wire.
 */
final class HeaderStrings {

    /** Three strings and their wire form: int32 byte count, then three times (int32 length, UTF-8 bytes). */
    record Entry(String instrument, String venue, String source, byte[] wire) {

        boolean holds(String otherInstrument, String otherVenue, String otherSource) {
            return instrument.equals(otherInstrument) && venue.equals(otherVenue) && source.equals(otherSource);
        }

        boolean holds(byte[] bytes, int offset, int wireBytes) {
            return wire.length == wireBytes && Arrays.equals(wire, 0, wireBytes, bytes, offset, offset + wireBytes);
        }
    }

    private static final int MAX_CACHED_WIRE_BYTES = 256;
    /** The byte count and three empty strings. */
    private static final int MIN_WIRE_BYTES = 4 * Integer.BYTES;

    private static final Entry[] ENCODED = new Entry[CacheSlots.SLOTS];
    private static final Entry[] DECODED = new Entry[CacheSlots.SLOTS];

    private HeaderStrings() {
    }

    /** The wire form: int32 byte count of what follows, then the three strings. */
    static byte[] encode(String instrument, String venue, String source) {
        long hash = instrument.hashCode() * 31L + venue.hashCode();
        int first = CacheSlots.first(hash);
        Entry entry = ENCODED[first];
        if (entry != null && entry.holds(instrument, venue, source)) {
            return entry.wire;
        }
        entry = ENCODED[first + 1];
        if (entry != null && entry.holds(instrument, venue, source)) {
            return entry.wire;
        }
        byte[] wire = wireForm(instrument, venue, source);
        if (wire.length <= MAX_CACHED_WIRE_BYTES) {
            ENCODED[CacheSlots.victim(ENCODED, hash)] = new Entry(instrument, venue, source, wire);
        }
        return wire;
    }

    private static byte[] wireForm(String instrument, String venue, String source) {
        byte[] instrumentWire = WireStrings.encode(instrument);
        byte[] venueWire = WireStrings.encode(venue);
        byte[] sourceWire = WireStrings.encode(source);
        int stringBytes = instrumentWire.length + venueWire.length + sourceWire.length;
        byte[] wire = new byte[Integer.BYTES + stringBytes];
        EventWire.INT_VIEW.set(wire, 0, stringBytes);
        System.arraycopy(instrumentWire, 0, wire, Integer.BYTES, instrumentWire.length);
        System.arraycopy(venueWire, 0, wire, Integer.BYTES + instrumentWire.length, venueWire.length);
        System.arraycopy(sourceWire, 0, wire, wire.length - sourceWire.length, sourceWire.length);
        return wire;
    }

    /** The cached entry whose whole wire form, {@code wireBytes} long, is at {@code offset}; or null. */
    static Entry decode(byte[] bytes, int offset, int wireBytes) {
        if (wireBytes > MAX_CACHED_WIRE_BYTES || wireBytes < MIN_WIRE_BYTES) {
            return null;
        }
        int first = CacheSlots.first(hash(bytes, offset, wireBytes));
        Entry entry = DECODED[first];
        if (entry != null && entry.holds(bytes, offset, wireBytes)) {
            return entry;
        }
        entry = DECODED[first + 1];
        return entry != null && entry.holds(bytes, offset, wireBytes) ? entry : null;
    }

    /** Remember the strings just decoded from the whole wire form, {@code wireBytes} long, at {@code offset}. */
    static void remember(byte[] bytes, int offset, int wireBytes, String instrument, String venue, String source) {
        if (wireBytes <= MAX_CACHED_WIRE_BYTES && wireBytes >= MIN_WIRE_BYTES) {
            byte[] wire = Arrays.copyOfRange(bytes, offset, offset + wireBytes);
            DECODED[CacheSlots.victim(DECODED, hash(bytes, offset, wireBytes))] =
                    new Entry(instrument, venue, source, wire);
        }
    }

    /**
     * Mixes the instrument's first and last eight bytes (where symbols differ) and the wire's last eight; the
     * instrument's length is only trusted as far as the wire reaches, since equality is checked byte by byte.
     */
    private static long hash(byte[] bytes, int offset, int wireBytes) {
        int instrumentAt = offset + 2 * Integer.BYTES;
        int instrumentBytes = (int) EventWire.INT_VIEW.get(bytes, offset + Integer.BYTES);
        long head = (long) EventWire.LONG_VIEW.get(bytes, instrumentAt);
        long instrumentTail = instrumentBytes >= Long.BYTES && instrumentBytes <= offset + wireBytes - instrumentAt
                ? (long) EventWire.LONG_VIEW.get(bytes, instrumentAt + instrumentBytes - Long.BYTES) : 0;
        long tail = (long) EventWire.LONG_VIEW.get(bytes, offset + wireBytes - Long.BYTES);
        return head ^ Long.rotateLeft(instrumentTail, 21) ^ Long.rotateLeft(tail, 42) ^ wireBytes;
    }
}
