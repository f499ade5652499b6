package tickbus.event;

import java.util.Arrays;

/**
 * The three strings that open a market event (instrument, venue, source), cached together because they repeat
 * per instrument: the encoder copies one prebuilt wire form, and the decoder, after comparing the bytes once,
 * returns all three strings without a look-up each. Direct-mapped arrays of immutable entries shared by all
 * threads: a race costs a miss, never a wrong string.
 */
final class HeaderStrings {

    /** Three strings and their wire form: three times (int32 length, UTF-8 bytes). */
    record Entry(String instrument, String venue, String source, byte[] wire) {

        boolean holds(String otherInstrument, String otherVenue, String otherSource) {
            return instrument.equals(otherInstrument) && venue.equals(otherVenue) && source.equals(otherSource);
        }

        boolean holds(byte[] bytes, int offset, int wireBytes) {
            return wire.length == wireBytes && Arrays.equals(wire, 0, wireBytes, bytes, offset, offset + wireBytes);
        }
    }

    private static final int MAX_CACHED_WIRE_BYTES = 256;

    private static final Entry[] ENCODED = new Entry[CacheSlots.SLOTS];
    private static final Entry[] DECODED = new Entry[CacheSlots.SLOTS];

    private HeaderStrings() {
    }

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
        byte[] instrumentWire = WireStrings.encode(instrument);
        byte[] venueWire = WireStrings.encode(venue);
        byte[] sourceWire = WireStrings.encode(source);
        byte[] wire = Arrays.copyOf(instrumentWire, instrumentWire.length + venueWire.length + sourceWire.length);
        System.arraycopy(venueWire, 0, wire, instrumentWire.length, venueWire.length);
        System.arraycopy(sourceWire, 0, wire, instrumentWire.length + venueWire.length, sourceWire.length);
        if (wire.length <= MAX_CACHED_WIRE_BYTES) {
            ENCODED[CacheSlots.victim(ENCODED, hash)] = new Entry(instrument, venue, source, wire);
        }
        return wire;
    }

    /** The cached entry whose wire form is at {@code offset}, or null; {@code limit} ends the readable bytes. */
    static Entry decode(byte[] bytes, int offset, int limit) {
        int instrumentBytes = length(bytes, offset, limit);
        int venueAt = offset + Integer.BYTES + instrumentBytes;
        int venueBytes = length(bytes, venueAt, limit);
        int sourceAt = venueAt + Integer.BYTES + venueBytes;
        int sourceBytes = length(bytes, sourceAt, limit);
        int wireBytes = sourceAt + Integer.BYTES + sourceBytes - offset;
        if ((instrumentBytes | venueBytes | sourceBytes) < 0 || wireBytes > MAX_CACHED_WIRE_BYTES) {
            return null;
        }
        int first = CacheSlots.first(hash(bytes, offset, wireBytes, instrumentBytes));
        Entry entry = DECODED[first];
        if (entry != null && entry.holds(bytes, offset, wireBytes)) {
            return entry;
        }
        entry = DECODED[first + 1];
        return entry != null && entry.holds(bytes, offset, wireBytes) ? entry : null;
    }

    /** Remember the strings just decoded from the {@code wireBytes} at {@code offset}. */
    static void remember(byte[] bytes, int offset, int wireBytes, String instrument, String venue, String source) {
        if (wireBytes <= MAX_CACHED_WIRE_BYTES) {
            byte[] wire = Arrays.copyOfRange(bytes, offset, offset + wireBytes);
            long hash = hash(bytes, offset, wireBytes, (int) EventWire.INT_VIEW.get(bytes, offset));
            DECODED[CacheSlots.victim(DECODED, hash)] = new Entry(instrument, venue, source, wire);
        }
    }

    /** The string length at {@code offset}, or -1 when it cannot be read or runs past {@code limit}. */
    private static int length(byte[] bytes, int offset, int limit) {
        if (offset < 0 || offset > limit - Integer.BYTES) {
            return -1;
        }
        int length = (int) EventWire.INT_VIEW.get(bytes, offset);
        return length >= 0 && length <= limit - offset - Integer.BYTES ? length : -1;
    }

    /** Mixes the instrument's first and last bytes (where symbols differ) and the wire's last bytes. */
    private static long hash(byte[] bytes, int offset, int wireBytes, int instrumentBytes) {
        long head = (long) EventWire.LONG_VIEW.get(bytes, offset + Integer.BYTES);
        long instrumentTail = instrumentBytes >= Long.BYTES
                ? (long) EventWire.LONG_VIEW.get(bytes, offset + Integer.BYTES + instrumentBytes - Long.BYTES) : 0;
        long tail = (long) EventWire.LONG_VIEW.get(bytes, offset + wireBytes - Long.BYTES);
        return head ^ Long.rotateLeft(instrumentTail, 21) ^ Long.rotateLeft(tail, 42) ^ wireBytes;
    }
}
