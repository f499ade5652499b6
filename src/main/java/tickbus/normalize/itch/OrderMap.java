package tickbus.normalize.itch;

import java.util.Arrays;

/**
 * The live orders of one shard: order reference number → (stock locate, side, price, shares), in an open-addressing
 * hash table with linear probing and backward-shift deletion (no tombstones), kept in three primitive arrays. A slot
 * costs 20 bytes (key 8, price and shares packed in 8, locate and side packed in 4); with the load kept between
 * 3/8 and 3/4 that is 27 to 53 bytes per live order.
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
    private static final int MIN_CAPACITY = 16;
    private static final long UNSIGNED_INT_MASK = 0xFFFF_FFFFL;

    private long[] keys;
    private long[] pricesAndShares;
    private int[] locatesAndSides;
    private int mask;
    private int shift;
    private int resizeThreshold;
    private int size;
    private boolean zeroKeyPresent;

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
        return arrayBytes(keys.length, Long.BYTES) + arrayBytes(pricesAndShares.length, Long.BYTES)
                + arrayBytes(locatesAndSides.length, Integer.BYTES);
    }

    /** The slot of a live order, or {@link #ABSENT}. */
    int find(long orderReference) {
        if (orderReference == EMPTY) {
            return zeroKeyPresent ? zeroSlot() : ABSENT;
        }
        for (int slot = home(orderReference); ; slot = (slot + 1) & mask) {
            long key = keys[slot];
            if (key == orderReference) {
                return slot;
            }
            if (key == EMPTY) {
                return ABSENT;
            }
        }
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
            for (long key = keys[slot]; key != EMPTY; key = keys[slot]) {
                if (key == orderReference) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = orderReference;
            size++;
        }
        pricesAndShares[slot] = (price << 32) | (shares & UNSIGNED_INT_MASK);
        locatesAndSides[slot] = (locate << 1) | (buy ? 1 : 0);
        if (size > resizeThreshold) {
            grow();
        }
        return true;
    }

    int locate(int slot) {
        return locatesAndSides[slot] >>> 1;
    }

    boolean isBuy(int slot) {
        return (locatesAndSides[slot] & 1) != 0;
    }

    long price(int slot) {
        return pricesAndShares[slot] >>> 32;
    }

    long shares(int slot) {
        return pricesAndShares[slot] & UNSIGNED_INT_MASK;
    }

    void setShares(int slot, long shares) {
        pricesAndShares[slot] = (pricesAndShares[slot] & ~UNSIGNED_INT_MASK) | (shares & UNSIGNED_INT_MASK);
    }

    /** Remove the order in a slot found by {@link #find}; other slots may move. */
    void remove(int slot) {
        if (slot == zeroSlot()) {
            zeroKeyPresent = false;
            return;
        }
        int gap = slot;
        for (int next = (gap + 1) & mask; keys[next] != EMPTY; next = (next + 1) & mask) {
            int home = home(keys[next]);
            // The entry at next may fill the gap unless its home lies cyclically in (gap, next].
            boolean homeBetween = gap <= next ? gap < home && home <= next : gap < home || home <= next;
            if (!homeBetween) {
                keys[gap] = keys[next];
                pricesAndShares[gap] = pricesAndShares[next];
                locatesAndSides[gap] = locatesAndSides[next];
                gap = next;
            }
        }
        keys[gap] = EMPTY;
        size--;
    }

    /** Forget every order, keeping the table's capacity. */
    void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
        zeroKeyPresent = false;
    }

    private int zeroSlot() {
        return mask + 1;
    }

    private int home(long key) {
        return (int) ((key * GOLDEN_RATIO) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldPricesAndShares = pricesAndShares;
        int[] oldLocatesAndSides = locatesAndSides;
        int oldCapacity = mask + 1;
        allocate(oldCapacity * 2);
        pricesAndShares[zeroSlot()] = oldPricesAndShares[oldCapacity];
        locatesAndSides[zeroSlot()] = oldLocatesAndSides[oldCapacity];
        for (int i = 0; i < oldCapacity; i++) {
            long key = oldKeys[i];
            if (key != EMPTY) {
                int slot = home(key);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                pricesAndShares[slot] = oldPricesAndShares[i];
                locatesAndSides[slot] = oldLocatesAndSides[i];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity + 1];
        pricesAndShares = new long[capacity + 1];
        locatesAndSides = new int[capacity + 1];
        mask = capacity - 1;
        shift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
        resizeThreshold = capacity / 4 * 3;
    }

    private static int capacityFor(int expectedOrders) {
        long wanted = Math.max(MIN_CAPACITY, (long) expectedOrders * 4 / 3 + 1);
        if (wanted > 1 << 30) {
            throw new IllegalArgumentException("expectedOrders too large: expectedOrders=" + expectedOrders
                    + ", max=" + ((1 << 30) / 4 * 3));
        }
        return Integer.highestOneBit((int) wanted - 1) << 1;
    }

    private static long arrayBytes(int length, int elementBytes) {
        return 16 + (long) length * elementBytes;
    }
}
