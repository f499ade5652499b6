package tickbus.normalize.itch;

import java.util.Arrays;

/**
 * The live orders of one shard: order reference number → (stock locate, side, price, shares), in an open-addressing
 * hash table with linear probing and backward-shift deletion (no tombstones). Each slot is three consecutive longs
 * of one array (key; price and shares; locate and side), so a lookup usually touches a single cache line. A slot
 * costs 24 bytes; with the load kept between 3/8 and 3/4 that is 32 to 64 bytes per live order.
 *
 * <p>Operations work on slots: {@link #find} returns the slot of an order, the accessors read and write it.
 * Reference number 0 has a slot of its own (index {@code capacity}), since key 0 marks an empty slot.
 * Not thread-safe.
 */
final class OrderMap {

    /** {@link #find} result for an order that is not live. */
    static final int ABSENT = -1;

    private static final long EMPTY = 0;
    private static final long GOLDEN_RATIO = 0x9E37_79B9_7F4A_7C15L;
    private static final int BLOCK_BITS = 3;
    private static final long BLOCK_MASK = (1 << BLOCK_BITS) - 1;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 29;
    private static final long UNSIGNED_INT_MASK = 0xFFFF_FFFFL;

    private static final int STRIDE = 3;
    private static final int VALUE = 1;
    private static final int META = 2;

    private long[] table;
    private int mask;
    private int shift;
    private int resizeThreshold;
    private int size;
    private boolean zeroKeyPresent;
    /** Where {@link #prefetch} puts what it read, so that the compiler keeps the load. */
    private long prefetched;

    OrderMap(int expectedOrders) {
        allocate(capacityFor(expectedOrders));
    }

    /** Live orders. */
    int size() {
        return size + (zeroKeyPresent ? 1 : 0);
    }

    /** Slots in the table (a power of two). */
    int capacity() {
        return mask + 1;
    }

    /** Bytes held by the table's arrays (array headers included). */
    long retainedBytes() {
        return 16 + (long) table.length * Long.BYTES;
    }

    /** The slot of a live order, or {@link #ABSENT}. */
    int find(long orderReference) {
        if (orderReference == EMPTY) {
            return zeroKeyPresent ? zeroSlot() : ABSENT;
        }
        for (int slot = home(orderReference); ; slot = (slot + 1) & mask) {
            long key = table[slot * STRIDE];
            if (key == orderReference) {
                return slot;
            }
            if (key == EMPTY) {
                return ABSENT;
            }
        }
    }

    /**
     * Load the cache line of an order's home slot, where {@link #find} and {@link #add} will start: issued for a few
     * orders before using them, their cache misses overlap. Reads only.
     */
    void prefetch(long orderReference) {
        prefetched += table[home(orderReference) * STRIDE];
    }

    /**
     * Add an order.
     *
     * @return false, changing nothing, when the reference number is already live
     */
    boolean add(long orderReference, int locate, boolean buy, long price, long shares) {
        int slot;
        if (orderReference == EMPTY) {
            if (zeroKeyPresent) {
                return false;
            }
            zeroKeyPresent = true;
            slot = zeroSlot();
        } else {
            slot = home(orderReference);
            for (long key = table[slot * STRIDE]; key != EMPTY; key = table[slot * STRIDE]) {
                if (key == orderReference) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            table[slot * STRIDE] = orderReference;
            size++;
        }
        table[slot * STRIDE + VALUE] = (price << 32) | (shares & UNSIGNED_INT_MASK);
        table[slot * STRIDE + META] = ((long) locate << 1) | (buy ? 1 : 0);
        if (size > resizeThreshold) {
            grow();
        }
        return true;
    }

    int locate(int slot) {
        return (int) (table[slot * STRIDE + META] >>> 1);
    }

    boolean isBuy(int slot) {
        return (table[slot * STRIDE + META] & 1) != 0;
    }

    long price(int slot) {
        return table[slot * STRIDE + VALUE] >>> 32;
    }

    long shares(int slot) {
        return table[slot * STRIDE + VALUE] & UNSIGNED_INT_MASK;
    }

    void setShares(int slot, long shares) {
        int index = slot * STRIDE + VALUE;
        table[index] = (table[index] & ~UNSIGNED_INT_MASK) | (shares & UNSIGNED_INT_MASK);
    }

    /** Remove the order in a slot found by {@link #find}; other slots may move. */
    void remove(int slot) {
        if (slot == zeroSlot()) {
            zeroKeyPresent = false;
            return;
        }
        int gap = slot;
        for (int next = (gap + 1) & mask; table[next * STRIDE] != EMPTY; next = (next + 1) & mask) {
            int home = home(table[next * STRIDE]);
            // The entry at next may fill the gap unless its home lies cyclically in (gap, next].
            boolean homeBetween = gap <= next ? gap < home && home <= next : gap < home || home <= next;
            if (!homeBetween) {
                int from = next * STRIDE;
                int to = gap * STRIDE;
                table[to] = table[from];
                table[to + VALUE] = table[from + VALUE];
                table[to + META] = table[from + META];
                gap = next;
            }
        }
        table[gap * STRIDE] = EMPTY;
        size--;
    }

    /** Forget every order, keeping the table's capacity. */
    void clear() {
        Arrays.fill(table, EMPTY);
        size = 0;
        zeroKeyPresent = false;
    }

    private int zeroSlot() {
        return mask + 1;
    }

    /**
     * Eight consecutive reference numbers share a block of eight slots (three cache lines) placed by Fibonacci
     * hashing: ITCH numbers orders in sequence and mostly refers to recent ones, so adds and the deletes that
     * follow touch lines that are already cached.
     */
    private int home(long key) {
        int block = (int) (((key >>> BLOCK_BITS) * GOLDEN_RATIO) >>> (shift + BLOCK_BITS));
        return block << BLOCK_BITS | (int) (key & BLOCK_MASK);
    }

    private void grow() {
        long[] old = table;
        int oldCapacity = mask + 1;
        allocate(oldCapacity * 2);
        System.arraycopy(old, oldCapacity * STRIDE, table, zeroSlot() * STRIDE, STRIDE);
        for (int i = 0; i < oldCapacity; i++) {
            long key = old[i * STRIDE];
            if (key != EMPTY) {
                int slot = home(key);
                while (table[slot * STRIDE] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, i * STRIDE, table, slot * STRIDE, STRIDE);
            }
        }
    }

    private void allocate(int capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("order table full: capacity=" + capacity + ", max=" + MAX_CAPACITY);
        }
        table = new long[(capacity + 1) * STRIDE];
        mask = capacity - 1;
        shift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
        resizeThreshold = capacity / 4 * 3;
    }

    private static int capacityFor(int expectedOrders) {
        long wanted = Math.max(MIN_CAPACITY, (long) expectedOrders * 4 / 3 + 1);
        if (wanted > MAX_CAPACITY) {
            throw new IllegalArgumentException("expectedOrders too large: expectedOrders=" + expectedOrders
                    + ", max=" + (MAX_CAPACITY / 4 * 3));
        }
        return Integer.highestOneBit((int) wanted - 1) << 1;
    }
}
