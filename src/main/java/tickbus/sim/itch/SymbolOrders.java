package tickbus.sim.itch;

/**
 * The live orders the simulator has placed for one symbol, in parallel arrays; removal swaps in the last one. The
 * best bid and ask are kept as orders come, and found again by a scan only after an order at one of them left.
 */
final class SymbolOrders {

    final long[] references;
    final boolean[] buys;
    final long[] prices;
    final long[] shares;
    int count;
    private long bestBid;
    private long bestAsk = Long.MAX_VALUE;
    private boolean bestKnown = true;

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
        if (buy) {
            bestBid = Math.max(bestBid, price);
        } else {
            bestAsk = Math.min(bestAsk, price);
        }
    }

    void remove(int index) {
        if (prices[index] == (buys[index] ? bestBid : bestAsk)) {
            bestKnown = false;
        }
        count--;
        references[index] = references[count];
        buys[index] = buys[count];
        prices[index] = prices[count];
        shares[index] = shares[count];
    }

    /** The highest bid price, or 0 when there is no bid. */
    long bestBid() {
        if (!bestKnown) {
            findBest();
        }
        return bestBid;
    }

    /** The lowest ask price, or {@code Long.MAX_VALUE} when there is no ask. */
    long bestAsk() {
        if (!bestKnown) {
            findBest();
        }
        return bestAsk;
    }

    private void findBest() {
        bestBid = 0;
        bestAsk = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            if (buys[i]) {
                bestBid = Math.max(bestBid, prices[i]);
            } else {
                bestAsk = Math.min(bestAsk, prices[i]);
            }
        }
        bestKnown = true;
    }
}
