package tickbus.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import tickbus.event.BookLevel;

/**
 * A deliberately simple order book for checking the real one: live orders in a HashMap, levels in TreeMaps.
 * Throws on anything invalid, so a test notices when its input is not what it thinks.
 */
public final class ReferenceBook {

    /** A live order; shares change as it is executed or cancelled. */
    public static final class Order {
        public final long reference;
        public final int locate;
        public final boolean buy;
        public final long price;
        public long shares;

        Order(long reference, int locate, boolean buy, long price, long shares) {
            this.reference = reference;
            this.locate = locate;
            this.buy = buy;
            this.price = price;
            this.shares = shares;
        }
    }

    private final Map<Long, Order> orders = new HashMap<>();
    private final Map<Integer, List<Order>> ordersByLocate = new HashMap<>();
    private final Map<Integer, TreeMap<Long, Long>> bids = new HashMap<>();
    private final Map<Integer, TreeMap<Long, Long>> asks = new HashMap<>();

    public void add(int locate, long reference, boolean buy, long price, long shares) {
        if (orders.containsKey(reference)) {
            throw new IllegalArgumentException("order already live: reference=" + reference);
        }
        Order order = new Order(reference, locate, buy, price, shares);
        orders.put(reference, order);
        ordersByLocate.computeIfAbsent(locate, key -> new ArrayList<>()).add(order);
        if (shares > 0) {
            side(locate, buy).merge(price, shares, Long::sum);
        }
    }

    /** Remove shares (execution or cancel); the order goes when none are left. Returns the order. */
    public Order reduce(long reference, long shares) {
        Order order = order(reference);
        if (shares > order.shares) {
            throw new IllegalArgumentException("more shares than the order has: reference=" + reference);
        }
        order.shares -= shares;
        takeFromLevel(order, shares);
        if (order.shares == 0) {
            forget(order);
        }
        return order;
    }

    public Order delete(long reference) {
        Order order = order(reference);
        takeFromLevel(order, order.shares);
        forget(order);
        return order;
    }

    public void replace(long original, long replacement, long shares, long price) {
        Order old = delete(original);
        add(old.locate, replacement, old.buy, price, shares);
    }

    public Order order(long reference) {
        Order order = orders.get(reference);
        if (order == null) {
            throw new IllegalArgumentException("no such order: reference=" + reference);
        }
        return order;
    }

    /** The live orders of an instrument (do not modify). */
    public List<Order> orders(int locate) {
        return ordersByLocate.getOrDefault(locate, Collections.emptyList());
    }

    public int liveOrders() {
        return orders.size();
    }

    public List<BookLevel> bids(int locate) {
        return levels(side(locate, true).descendingMap());
    }

    public List<BookLevel> asks(int locate) {
        return levels(side(locate, false));
    }

    /** Best bid price, 0 when none. */
    public long bestBid(int locate) {
        TreeMap<Long, Long> side = side(locate, true);
        return side.isEmpty() ? 0 : side.lastKey();
    }

    /** Best ask price, 0 when none. */
    public long bestAsk(int locate) {
        TreeMap<Long, Long> side = side(locate, false);
        return side.isEmpty() ? 0 : side.firstKey();
    }

    private TreeMap<Long, Long> side(int locate, boolean buy) {
        return (buy ? bids : asks).computeIfAbsent(locate, key -> new TreeMap<>());
    }

    private void takeFromLevel(Order order, long shares) {
        if (shares > 0) {
            TreeMap<Long, Long> side = side(order.locate, order.buy);
            long left = side.get(order.price) - shares;
            if (left == 0) {
                side.remove(order.price);
            } else {
                side.put(order.price, left);
            }
        }
    }

    private void forget(Order order) {
        orders.remove(order.reference);
        ordersByLocate.get(order.locate).remove(order);
    }

    private static List<BookLevel> levels(NavigableMap<Long, Long> side) {
        List<BookLevel> levels = new ArrayList<>();
        side.forEach((price, size) -> levels.add(new BookLevel(price, size)));
        return levels;
    }
}
