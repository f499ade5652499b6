package tickbus.event;

/**
 * Slot arithmetic shared by the string caches: tables of {@link #SLOTS} entries, two-way set associative (a key
 * picks a pair of adjacent slots), so that a few thousand instruments fit without evicting one another.
 */
final class CacheSlots {

    static final int SLOTS = 16_384;

    private CacheSlots() {
    }

    /** The first slot of the pair for {@code key}; the other is the next one. */
    static int first(long key) {
        return (int) mix(key) & (SLOTS - 2);
    }

    /** Where a new entry for {@code key} goes: a free slot of the pair, else the one a further key bit picks. */
    static int victim(Object[] table, long key) {
        long mixed = mix(key);
        int first = (int) mixed & (SLOTS - 2);
        if (table[first] == null) {
            return first;
        }
        if (table[first + 1] == null) {
            return first + 1;
        }
        return first + (int) ((mixed >>> 32) & 1);
    }

    /** Every bit of the key moves every bit of the result (the MurmurHash3 finalizer). */
    private static long mix(long key) {
        long mixed = key ^ (key >>> 33);
        mixed *= 0xFF51AFD7ED558CCDL;
        mixed ^= mixed >>> 33;
        mixed *= 0xC4CEB9FE1A85EC53L;
        return mixed ^ (mixed >>> 33);
    }
}
