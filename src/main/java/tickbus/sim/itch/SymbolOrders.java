package tickbus.sim.itch;

/** The live orders the simulator has placed for one symbol, in parallel arrays; removal swaps in the last one. */
final class SymbolOrders {

    final long[] references;
    final boolean[] buys;
    final long[] prices;
    final long[] shares;
    int count;

    SymbolOrders(int capacity) {
        references = new long[capacity];
        buys = new boolean[capacity];
        prices = new long[capacity];
        shares = new long[capacity];
    }

    boolean full() {
        return count == references.length;
    }

    void add(long reference, boolean buy, long price, long orderShares) {
        references[count] = reference;
        buys[count] = buy;
        prices[count] = price;
        shares[count] = orderShares;
        count++;
    }

    void remove(int index) {
        count--;
        references[index] = references[count];
        buys[index] = buys[count];
        prices[index] = prices[count];
        shares[index] = shares[count];
    }

    /** The highest bid price, or 0 when there is no bid. */
    long bestBid() {
        long best = 0;
        for (int i = 0; i < count; i++) {
            if (buys[i] && prices[i] > best) {
                best = prices[i];
            }
        }
        return best;
    }

    /** The lowest ask price, or {@code Long.MAX_VALUE} when there is no ask. */
    long bestAsk() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            if (!buys[i] && prices[i] < best) {
                best = prices[i];
            }
        }
        return best;
    }
}
