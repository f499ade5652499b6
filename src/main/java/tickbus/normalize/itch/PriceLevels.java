package tickbus.normalize.itch;

import java.util.Arrays;

/**
 * One side of a full-depth book: the total displayed shares at each price, in two parallel primitive arrays sorted
 * so that the best price is last. Most changes happen at or near the top of the book, so inserting or removing a
 * level shifts only the few levels better than it. Asks are stored by negated price, so that for both sides a
 * larger key is a better price. Not thread-safe.
 */
final class PriceLevels {

    private static final int INITIAL_LEVELS = 8;
    private static final int LINEAR_SCAN_LEVELS = 16;

    private final boolean asks;
    private long[] keys = new long[INITIAL_LEVELS];
    private long[] sizes = new long[INITIAL_LEVELS];
    private int count;

    PriceLevels(boolean asks) {
        this.asks = asks;
    }

    boolean isAsks() {
        return asks;
    }

    /** Number of price levels. */
    int depth() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The price of the level {@code rank} places from the best (0 is the best). */
    long priceAt(int rank) {
        return price(keys[count - 1 - rank]);
    }

    /** The shares of the level {@code rank} places from the best (0 is the best). */
    long sizeAt(int rank) {
        return sizes[count - 1 - rank];
    }

    /** The best price, or 0 when the side is empty. */
    long bestPrice() {
        return count == 0 ? 0 : priceAt(0);
    }

    /** The shares at the best price, or 0 when the side is empty. */
    long bestSize() {
        return count == 0 ? 0 : sizes[count - 1];
    }

    /** The shares at a price, 0 when there is no such level. */
    long sizeAtPrice(long price) {
        int index = indexOf(key(price));
        return index >= 0 ? sizes[index] : 0;
    }

    /** Add shares at a price; returns the level's new size. */
    long add(long price, long shares) {
        long key = key(price);
        int index = indexOf(key);
        if (index >= 0) {
            sizes[index] += shares;
            return sizes[index];
        }
        int insertAt = -index - 1;
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        System.arraycopy(keys, insertAt, keys, insertAt + 1, count - insertAt);
        System.arraycopy(sizes, insertAt, sizes, insertAt + 1, count - insertAt);
        keys[insertAt] = key;
        sizes[insertAt] = shares;
        count++;
        return shares;
    }

    /**
     * Take shares away at a price, removing the level when none are left.
     *
     * @return the level's new size (0 when removed), or -1 when the price has no level or fewer shares, in which
     *     case nothing changes
     */
    long remove(long price, long shares) {
        int index = indexOf(key(price));
        if (index < 0 || sizes[index] < shares) {
            return -1;
        }
        long left = sizes[index] - shares;
        if (left > 0) {
            sizes[index] = left;
            return left;
        }
        System.arraycopy(keys, index + 1, keys, index, count - index - 1);
        System.arraycopy(sizes, index + 1, sizes, index, count - index - 1);
        count--;
        return 0;
    }

    void clear() {
        count = 0;
    }

    /** Bytes held by the arrays (array headers included). */
    long retainedBytes() {
        return 2 * (16 + (long) keys.length * Long.BYTES);
    }

    private long key(long price) {
        return asks ? -price : price;
    }

    private long price(long key) {
        return asks ? -key : key;
    }

    /**
     * The index of {@code key}, or {@code -(insertion point) - 1}. Scans down from the best level first, since
     * most changes land within a few levels of the top; falls back to binary search deeper in the book.
     */
    private int indexOf(long key) {
        int stop = Math.max(0, count - LINEAR_SCAN_LEVELS);
        for (int index = count - 1; index >= stop; index--) {
            long candidate = keys[index];
            if (candidate <= key) {
                return candidate == key ? index : -(index + 1) - 1;
            }
        }
        return stop == 0 ? -1 : Arrays.binarySearch(keys, 0, stop, key);
    }
}
