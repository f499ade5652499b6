package tickbus.normalize.fixml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tickbus.event.BookLevel;

/**
 * One side of a price-level book: prices kept sorted best first in parallel arrays, bounded in size. A full side
 * keeps the best levels: a new price better than the worst level takes its place.
 */
final class BookSide {

    /** Returned by {@link #set} when the side is full and the price is worse than every level: nothing changed. */
    static final long FULL = -2;
    /** Returned by {@link #set} and {@link #remove} when the price had no level. */
    static final long ABSENT = -1;
    /** Returned by {@link #set} when the side was full and the new price evicted the worst level. */
    static final long EVICTED = -3;

    private static final int INITIAL_CAPACITY = 8;

    private final boolean bids;
    private final int maxLevels;
    private long[] prices = new long[INITIAL_CAPACITY];
    private long[] sizes = new long[INITIAL_CAPACITY];
    private int count;
    private long evictedPrice;

    BookSide(boolean bids, int maxLevels) {
        this.bids = bids;
        this.maxLevels = maxLevels;
    }

    /** Sets the size at a price; returns the previous size, {@link #ABSENT}, {@link #EVICTED} or {@link #FULL}. */
    long set(long price, long size) {
        int index = find(price);
        if (index >= 0) {
            long previous = sizes[index];
            sizes[index] = size;
            return previous;
        }
        int at = -index - 1;
        if (count < maxLevels) {
            insert(at, price, size);
            return ABSENT;
        }
        if (at == count) {
            return FULL;
        }
        count--;
        evictedPrice = prices[count];
        insert(at, price, size);
        return EVICTED;
    }

    /** The price of the level evicted by the last {@link #set} that returned {@link #EVICTED}. */
    long evictedPrice() {
        return evictedPrice;
    }

    private void insert(int at, long price, long size) {
        if (count == prices.length) {
            int capacity = Math.min(maxLevels, prices.length * 2);
            prices = Arrays.copyOf(prices, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
        }
        System.arraycopy(prices, at, prices, at + 1, count - at);
        System.arraycopy(sizes, at, sizes, at + 1, count - at);
        prices[at] = price;
        sizes[at] = size;
        count++;
    }

    /** Removes the level at a price; returns its size or {@link #ABSENT}. */
    long remove(long price) {
        int index = find(price);
        if (index < 0) {
            return ABSENT;
        }
        long previous = sizes[index];
        System.arraycopy(prices, index + 1, prices, index, count - index - 1);
        System.arraycopy(sizes, index + 1, sizes, index, count - index - 1);
        count--;
        return previous;
    }

    void clear() {
        count = 0;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Best price, or 0 when empty. */
    long bestPrice() {
        return count == 0 ? 0 : prices[0];
    }

    /** Size at the best price, or 0 when empty. */
    long bestSize() {
        return count == 0 ? 0 : sizes[0];
    }

    /** All levels, best first. */
    List<BookLevel> levels() {
        List<BookLevel> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            levels.add(new BookLevel(prices[i], sizes[i]));
        }
        return levels;
    }

    /** Index of the price, or {@code -(insertion point) - 1}. */
    private int find(long price) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long candidate = prices[middle];
            if (candidate == price) {
                return middle;
            }
            boolean before = bids ? candidate > price : candidate < price;
            if (before) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -(low + 1);
    }
}
