package tickbus.event;

/**
 * Slot arithmetic shared by the string caches: tables of {@link #SLOTS} entries, two-way set associative (a hash
 * picks a pair of adjacent slots), so that a few thousand instruments fit without evicting one another.
 */
final class CacheSlots {

    static final int SLOTS = 16_384;

    private CacheSlots() {
    }

    /** Spread a 32-bit hash over the high bits that {@link #first} uses. */
    static long mix(int hash) {
        return hash * 0x9E3779B97F4A7C15L;
    }

    /** The first slot of the pair for {@code mixedHash}; the other is the next one. */
    static int first(long mixedHash) {
        return (int) (mixedHash >>> 40) & (SLOTS - 2);
    }

    /** Where a new entry goes: a free slot of the pair, else the one a further hash bit picks. */
    static int victim(Object[] table, long mixedHash) {
        int first = first(mixedHash);
        if (table[first] == null) {
            return first;
        }
        if (table[first + 1] == null) {
            return first + 1;
        }
        return first + (int) ((mixedHash >>> 39) & 1);
    }
}
