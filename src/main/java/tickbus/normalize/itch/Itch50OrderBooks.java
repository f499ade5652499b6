package tickbus.normalize.itch;

import java.util.Arrays;

/**
 * The full-depth books of every instrument one shard owns, and their live orders. Applies the order lifecycle
 * (add, execute, cancel, delete, replace) without allocating; after each operation the price levels it changed
 * and the order it touched can be read back ({@link #changedLevels()}, {@link #lastPrice()}, ...). Input that
 * contradicts the books never makes them negative: it is refused or clamped and reported by the {@link Outcome}.
 * Not thread-safe: one instance per shard, used by one thread.
 */
public final class Itch50OrderBooks {

    /** What an operation did. */
    public enum Outcome {
        /** Applied as given. */
        APPLIED,
        /** No live order has the reference number; nothing changed. */
        UNKNOWN_ORDER,
        /** An add reused a live reference number; nothing changed (a replace still removed the original). */
        DUPLICATE_ORDER,
        /** More shares were executed or cancelled than the order had; the order was removed. */
        EXCEEDS_SHARES,
        /** The order belongs to another stock locate than the message; nothing changed. */
        LOCATE_MISMATCH
    }

    private static final int LOCATES = 1 << 16;
    private static final int MAX_CHANGES = 2;

    private final OrderMap orders;
    private final OrderBook[] booksByLocate = new OrderBook[LOCATES];
    private OrderBook[] books = new OrderBook[16];
    private int bookCount;

    private int changes;
    private final boolean[] changedBuy = new boolean[MAX_CHANGES];
    private final long[] changedPrice = new long[MAX_CHANGES];
    private final long[] changedSize = new long[MAX_CHANGES];
    private boolean lastBuy;
    private long lastPrice;
    private long lastShares;

    /** @param expectedOrders live orders to size the order table for (it grows beyond) */
    public Itch50OrderBooks(int expectedOrders) {
        this.orders = new OrderMap(expectedOrders);
    }

    /** The book of a stock locate, or null when nothing has been seen for it. */
    public OrderBook book(int locate) {
        return booksByLocate[locate];
    }

    /** The book of a stock locate, created empty when new. */
    public OrderBook bookFor(int locate) {
        OrderBook book = booksByLocate[locate];
        return book != null ? book : createBook(locate);
    }

    /** Number of books, for iterating with {@link #bookAt(int)}. */
    public int bookCount() {
        return bookCount;
    }

    /** The books in the order they were created. */
    public OrderBook bookAt(int index) {
        return books[index];
    }

    public int liveOrders() {
        return orders.size();
    }

    /** Bytes held by the order table alone. */
    public long orderTableBytes() {
        return orders.retainedBytes();
    }

    /** Bytes held by the order table and every book's level arrays (headers of the arrays included). */
    public long retainedBytes() {
        long bytes = orders.retainedBytes();
        for (int i = 0; i < bookCount; i++) {
            bytes += books[i].retainedBytes();
        }
        return bytes;
    }

    /** Load the order table slot of a reference number that an operation will look up soon. */
    public void prefetch(long orderReference) {
        orders.prefetch(orderReference);
    }

    public Outcome add(int locate, long orderReference, boolean buy, long price, long shares) {
        changes = 0;
        if (!orders.add(orderReference, locate, buy, price, shares)) {
            return Outcome.DUPLICATE_ORDER;
        }
        touched(buy, price, shares);
        addToLevel(bookFor(locate), buy, price, shares);
        return Outcome.APPLIED;
    }

    /** Remove executed shares; {@link #lastShares()} tells how many were actually removed. */
    public Outcome execute(int locate, long orderReference, long shares) {
        return reduce(locate, orderReference, shares);
    }

    public Outcome cancel(int locate, long orderReference, long shares) {
        return reduce(locate, orderReference, shares);
    }

    public Outcome delete(int locate, long orderReference) {
        changes = 0;
        int slot = orders.find(orderReference);
        Outcome refused = refusal(slot, locate);
        if (refused != null) {
            return refused;
        }
        touched(orders.isBuy(slot), orders.price(slot), orders.shares(slot));
        orders.remove(slot);
        removeFromLevel(booksByLocate[locate], lastBuy, lastPrice, lastShares);
        return Outcome.APPLIED;
    }

    /** Remove the original order and add the new one on the same side, both in the changed levels. */
    public Outcome replace(int locate, long originalReference, long newReference, long shares, long price) {
        Outcome deleted = delete(locate, originalReference);
        if (deleted != Outcome.APPLIED) {
            return deleted;
        }
        boolean buy = lastBuy;
        if (!orders.add(newReference, locate, buy, price, shares)) {
            return Outcome.DUPLICATE_ORDER;
        }
        addToLevel(booksByLocate[locate], buy, price, shares);
        touched(buy, price, shares);
        return Outcome.APPLIED;
    }

    /** Forget every order and empty every book (instrument ids stay). */
    public void clear() {
        orders.clear();
        for (int i = 0; i < bookCount; i++) {
            books[i].clear();
        }
        changes = 0;
    }

    /** How many price levels the last operation changed (0 to 2). */
    public int changedLevels() {
        return changes;
    }

    public boolean changedBuy(int change) {
        return changedBuy[change];
    }

    public long changedPrice(int change) {
        return changedPrice[change];
    }

    /** The level's total shares after the change; 0 means the level is gone. */
    public long changedSize(int change) {
        return changedSize[change];
    }

    /** The side of the order the last operation touched (for a replace, of the new order). */
    public boolean lastBuy() {
        return lastBuy;
    }

    /** The limit price of the order the last operation touched (for a replace, of the new order). */
    public long lastPrice() {
        return lastPrice;
    }

    /** Shares the last operation added or removed. */
    public long lastShares() {
        return lastShares;
    }

    private OrderBook createBook(int locate) {
        OrderBook book = new OrderBook(locate);
        booksByLocate[locate] = book;
        if (bookCount == books.length) {
            books = Arrays.copyOf(books, bookCount * 2);
        }
        books[bookCount++] = book;
        return book;
    }

    private Outcome reduce(int locate, long orderReference, long shares) {
        changes = 0;
        int slot = orders.find(orderReference);
        Outcome refused = refusal(slot, locate);
        if (refused != null) {
            return refused;
        }
        long available = orders.shares(slot);
        long removed = Math.min(shares, available);
        touched(orders.isBuy(slot), orders.price(slot), removed);
        if (removed == available) {
            orders.remove(slot);
        } else {
            orders.setShares(slot, available - removed);
        }
        removeFromLevel(booksByLocate[locate], lastBuy, lastPrice, removed);
        return shares > available ? Outcome.EXCEEDS_SHARES : Outcome.APPLIED;
    }

    private Outcome refusal(int slot, int locate) {
        if (slot == OrderMap.ABSENT) {
            return Outcome.UNKNOWN_ORDER;
        }
        return orders.locate(slot) == locate ? null : Outcome.LOCATE_MISMATCH;
    }

    private void touched(boolean buy, long price, long shares) {
        lastBuy = buy;
        lastPrice = price;
        lastShares = shares;
    }

    private void addToLevel(OrderBook book, boolean buy, long price, long shares) {
        if (shares > 0) {
            recordChange(buy, price, book.side(buy).add(price, shares));
        }
    }

    private void removeFromLevel(OrderBook book, boolean buy, long price, long shares) {
        if (shares > 0) {
            long left = book.side(buy).remove(price, shares);
            if (left < 0) {
                throw new IllegalStateException("book out of step with its orders: locate=" + book.locate()
                        + ", price=" + price + ", shares=" + shares + ", buy=" + buy);
            }
            recordChange(buy, price, left);
        }
    }

    private void recordChange(boolean buy, long price, long size) {
        for (int i = 0; i < changes; i++) {
            if (changedBuy[i] == buy && changedPrice[i] == price) {
                changedSize[i] = size;
                return;
            }
        }
        changedBuy[changes] = buy;
        changedPrice[changes] = price;
        changedSize[changes] = size;
        changes++;
    }
}
