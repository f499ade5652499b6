package tickbus.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tickbus.protocol.itch.Itch50;
import tickbus.testing.ReferenceBook.Order;

/**
 * Valid ITCH order flow for N instruments (stock locates 1..N), in roughly the mix of a real day (adds and
 * deletes dominate, then executions, cancels, replaces and hidden trades) and with real data's preference for
 * recent orders (most deletes and executions hit one of an instrument's newest orders). Adds and replaces never
 * cross the book; executions and cancels never exceed an order. A {@link ReferenceBook} follows every message.
 */
public final class ItchFlowGenerator {

    /** One cent at Price(4). */
    public static final long TICK = 100;
    private static final double RECENCY_TAIL = 1 / 0.85;

    private final Random random;
    private final int instruments;
    private final ReferenceBook reference = new ReferenceBook();
    private final long[] mid;
    private final List<String> expectedTrades = new ArrayList<>();
    private final java.util.Map<Long, ExpectedTrade> tradesByMatchNumber = new java.util.HashMap<>();

    private record ExpectedTrade(int locate, long price, long shares, String aggressor) {
    }
    private long nextOrderReference = 1;
    private long nextMatchNumber = 1;
    private long timestampNanos = 4L * 3_600_000_000_000L;

    public ItchFlowGenerator(long seed, int instruments) {
        this.random = new Random(seed);
        this.instruments = instruments;
        this.mid = new long[instruments + 1];
        for (int locate = 1; locate <= instruments; locate++) {
            mid[locate] = (20 + random.nextInt(300)) * 100 * TICK;
        }
    }

    public ReferenceBook reference() {
        return reference;
    }

    /** The trades the flow so far should produce, as {@link #describeTrade} would write them. */
    public List<String> expectedTrades() {
        return expectedTrades;
    }

    /** A trade as {@code instrument price size aggressor matchNumber type}, for comparing lists. */
    public static String describeTrade(String instrument, long price, long size, String aggressor,
            String matchNumber, String type) {
        return instrument + " " + price + " " + size + " " + aggressor + " " + matchNumber + " " + type;
    }

    public static String symbol(int locate) {
        return "SYM" + locate;
    }

    /** A Stock Directory and a Trading Action (trading) for every instrument. */
    public List<byte[]> start() {
        List<byte[]> messages = new ArrayList<>();
        for (int locate = 1; locate <= instruments; locate++) {
            messages.add(Itch50TestMessages.stockDirectory(locate, tick(), symbol(locate)));
            messages.add(Itch50TestMessages.tradingAction(locate, tick(), symbol(locate),
                    Itch50.TRADING_STATE_TRADING, ""));
        }
        return messages;
    }

    /** {@link #start()} followed by {@code count} order-flow messages. */
    public List<byte[]> messages(int count) {
        List<byte[]> messages = start();
        for (int i = 0; i < count; i++) {
            messages.add(next());
        }
        return messages;
    }

    /** Order Deletes for every live order, leaving every book empty (so a stream can be replayed in a loop). */
    public List<byte[]> drain() {
        List<byte[]> messages = new ArrayList<>();
        for (int locate = 1; locate <= instruments; locate++) {
            List<Order> live = new ArrayList<>(reference.orders(locate));
            for (Order order : live) {
                messages.add(delete(order));
            }
        }
        return messages;
    }

    /** The next order-flow message. */
    public byte[] next() {
        int locate = 1 + random.nextInt(instruments);
        drift(locate);
        List<Order> live = reference.orders(locate);
        int roll = random.nextInt(1000);
        if (live.isEmpty() || roll < 440) {
            return add(locate, false);
        }
        Order order = live.get(live.size() - 1 - recencyRank(live.size()));
        if (roll < 450) {
            return add(locate, true);
        } else if (roll < 830) {
            return delete(order);
        } else if (roll < 910) {
            return execute(order);
        } else if (roll < 920) {
            return executeWithPrice(order);
        } else if (roll < 950) {
            return order.shares > 1 ? cancel(order) : delete(order);
        } else if (roll < 980) {
            return replace(order);
        } else if (roll < 997) {
            return hiddenTrade(locate);
        } else if (roll < 999) {
            return cross(locate);
        }
        return broken(locate);
    }

    private byte[] add(int locate, boolean attributed) {
        boolean buy = random.nextBoolean();
        long price = restingPrice(locate, buy);
        long shares = 100L * (1 + random.nextInt(10));
        long orderReference = nextOrderReference++;
        reference.add(locate, orderReference, buy, price, shares);
        byte side = buy ? Itch50.BUY : Itch50.SELL;
        if (attributed) {
            return Itch50TestMessages.addOrderMpid(locate, tick(), orderReference, side, shares, symbol(locate),
                    price, "MMID");
        }
        return Itch50TestMessages.addOrder(locate, tick(), orderReference, side, shares, symbol(locate), price);
    }

    private byte[] delete(Order order) {
        reference.delete(order.reference);
        return Itch50TestMessages.delete(order.locate, tick(), order.reference);
    }

    private byte[] execute(Order order) {
        long shares = 1 + random.nextInt((int) order.shares);
        reference.reduce(order.reference, shares);
        expect(order.locate, order.price, shares, order.buy ? "SELL" : "BUY", "REGULAR");
        return Itch50TestMessages.executed(order.locate, tick(), order.reference, shares, nextMatchNumber - 1);
    }

    private byte[] executeWithPrice(Order order) {
        long shares = 1 + random.nextInt((int) order.shares);
        reference.reduce(order.reference, shares);
        boolean printable = random.nextBoolean();
        if (printable) {
            expect(order.locate, order.price + TICK, shares, order.buy ? "SELL" : "BUY", "REGULAR");
        } else {
            nextMatchNumber++;
        }
        return Itch50TestMessages.executedWithPrice(order.locate, tick(), order.reference, shares,
                nextMatchNumber - 1, printable ? Itch50.YES : Itch50.NO, order.price + TICK);
    }

    private byte[] cancel(Order order) {
        long shares = 1 + random.nextInt((int) order.shares - 1);
        reference.reduce(order.reference, shares);
        return Itch50TestMessages.cancel(order.locate, tick(), order.reference, shares);
    }

    private byte[] replace(Order order) {
        reference.delete(order.reference);
        long price = restingPrice(order.locate, order.buy);
        long shares = 100L * (1 + random.nextInt(10));
        long replacement = nextOrderReference++;
        reference.add(order.locate, replacement, order.buy, price, shares);
        return Itch50TestMessages.replace(order.locate, tick(), order.reference, replacement, shares, price);
    }

    /** As NASDAQ sends them since 2014: the indicator always 'B', whatever the hidden order's side. */
    private byte[] hiddenTrade(int locate) {
        long shares = 1 + random.nextInt(500);
        expect(locate, mid[locate], shares, "UNKNOWN", "REGULAR");
        return Itch50TestMessages.nonCrossTrade(locate, tick(), Itch50.BUY, shares, symbol(locate), mid[locate],
                nextMatchNumber - 1);
    }

    private byte[] cross(int locate) {
        long shares = random.nextInt(100_000);
        if (shares == 0) {
            // A cross where nothing matched: reported, but no trade.
            return Itch50TestMessages.crossTrade(locate, tick(), 0, symbol(locate), mid[locate], nextMatchNumber++,
                    Itch50.CROSS_TYPE_INTRADAY);
        }
        expect(locate, mid[locate], shares, "UNKNOWN", "CROSS");
        return Itch50TestMessages.crossTrade(locate, tick(), shares, symbol(locate), mid[locate],
                nextMatchNumber - 1, Itch50.CROSS_TYPE_INTRADAY);
    }

    /** A break of a random earlier match number: of this instrument's trade, it carries that trade; else 0 x 0. */
    private byte[] broken(int locate) {
        long matchNumber = 1 + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE, nextMatchNumber));
        ExpectedTrade broken = tradesByMatchNumber.get(matchNumber);
        boolean known = broken != null && broken.locate() == locate;
        expectedTrades.add(describeTrade("XNAS:" + symbol(locate), known ? broken.price() : 0,
                known ? broken.shares() : 0, known ? broken.aggressor() : "UNKNOWN", Long.toString(matchNumber),
                "BROKEN"));
        return Itch50TestMessages.brokenTrade(locate, tick(), matchNumber);
    }

    /** Records the trade a message should produce, under the next match number. */
    private void expect(int locate, long price, long shares, String aggressor, String type) {
        tradesByMatchNumber.put(nextMatchNumber, new ExpectedTrade(locate, price, shares, aggressor));
        expectedTrades.add(describeTrade("XNAS:" + symbol(locate), price, shares, aggressor,
                Long.toString(nextMatchNumber++), type));
    }

    /**
     * Which live order a delete, execution, cancel or replace refers to, counted from the newest (0). Heavy-tailed
     * like real data: in the AAPL sample the median referenced order has 1 newer live order, the 90th percentile 12,
     * the 99th 159; {@code P(rank >= r) = (r + 1)^-0.85} gives 1, 4, 14 and 224 for the same percentiles.
     */
    private int recencyRank(int live) {
        double rank = Math.pow(1 - random.nextDouble(), -RECENCY_TAIL) - 1;
        return (int) Math.min(live - 1, rank);
    }

    /** A price near the middle that does not reach the other side of the book. */
    private long restingPrice(int locate, boolean buy) {
        long distance = TICK * random.nextInt(20);
        if (buy) {
            long bestAsk = reference.bestAsk(locate);
            long price = mid[locate] - TICK - distance;
            return bestAsk == 0 ? price : Math.min(price, bestAsk - TICK);
        }
        long bestBid = reference.bestBid(locate);
        long price = mid[locate] + distance;
        return Math.max(price, bestBid + TICK);
    }

    private void drift(int locate) {
        int step = random.nextInt(100);
        if (step == 0 && mid[locate] > 100 * TICK) {
            mid[locate] -= TICK;
        } else if (step == 1) {
            mid[locate] += TICK;
        }
    }

    private long tick() {
        timestampNanos += 1 + random.nextInt(50_000);
        return timestampNanos;
    }
}
