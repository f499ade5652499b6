package tickbus.sim.itch;

import java.util.List;
import java.util.SplittableRandom;
import tickbus.protocol.itch.Itch50;

/**
 * Generated ITCH 5.0 order flow with realistic lifecycles for a list of symbols (stock locates 1..N): the start of
 * day (system events, MWCB levels, a Stock Directory, Trading Action and Reg SHO message per symbol), then adds near
 * a drifting mid that never cross the book, partial and full executions, cancels, replaces, deletes, hidden and
 * cross trades, an occasional broken trade, and every {@code haltEveryMessages} a halt of one symbol (rotating)
 * during which it does not trade. Activity is skewed towards the first symbols, as on a real day. Deterministic
 * for a seed. Not thread-safe.
 */
public final class ItchOrderFlow implements ItchMessageSource {

    /** One cent at Price(4). */
    public static final long TICK = 100;
    private static final int MAX_LIVE_ORDERS = 128;
    private static final int MIN_LIVE_ORDERS = 8;
    private static final String HALT_REASON = "T1";

    private final SplittableRandom random;
    private final String[] symbols;
    private final long[] mids;
    private final long[] lastMatch;
    private final SymbolOrders[] orders;
    private final long haltEveryMessages;
    private final long haltLengthMessages;
    private final ItchMessageWriter writer = new ItchMessageWriter();
    private int preambleStep;
    private long flowMessages;
    private long nextOrderReference = 1;
    private long nextMatchNumber = 1;
    private int haltedLocate;
    private int nextHaltLocate = 1;
    private long haltEndsAt;

    public ItchOrderFlow(List<String> symbols, long seed, long haltEveryMessages, long haltLengthMessages) {
        this.random = new SplittableRandom(seed);
        this.symbols = symbols.toArray(String[]::new);
        this.mids = new long[this.symbols.length + 1];
        this.lastMatch = new long[this.symbols.length + 1];
        this.orders = new SymbolOrders[this.symbols.length + 1];
        for (int locate = 1; locate <= this.symbols.length; locate++) {
            mids[locate] = (10 + random.nextInt(490)) * 100 * TICK;
            orders[locate] = new SymbolOrders(MAX_LIVE_ORDERS);
        }
        this.haltEveryMessages = haltEveryMessages;
        this.haltLengthMessages = haltLengthMessages;
    }

    /** Symbols {@code PREFIX1..PREFIXn}, for large synthetic universes. */
    public static List<String> numberedSymbols(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    /** The symbol of a stock locate. */
    public String symbol(int locate) {
        return symbols[locate - 1];
    }

    /** The symbol halted now, or null. */
    public String haltedSymbol() {
        return haltedLocate == 0 ? null : symbol(haltedLocate);
    }

    @Override
    public int next(byte[] to, long timestamp) {
        if (preambleStep < 4 + 3 * symbols.length) {
            return preamble(to, timestamp, preambleStep++);
        }
        flowMessages++;
        if (haltedLocate != 0 && flowMessages >= haltEndsAt) {
            int resumed = haltedLocate;
            haltedLocate = 0;
            return writer.tradingAction(to, resumed, timestamp, symbol(resumed), Itch50.TRADING_STATE_TRADING, "");
        }
        if (haltEveryMessages > 0 && haltedLocate == 0 && flowMessages % haltEveryMessages == haltEveryMessages / 2) {
            haltedLocate = nextHaltLocate;
            nextHaltLocate = nextHaltLocate % symbols.length + 1;
            haltEndsAt = flowMessages + haltLengthMessages;
            return writer.tradingAction(to, haltedLocate, timestamp, symbol(haltedLocate),
                    Itch50.TRADING_STATE_HALTED, HALT_REASON);
        }
        return orderEvent(to, timestamp, pickLocate());
    }

    private int preamble(byte[] to, long timestamp, int step) {
        switch (step) {
            case 0:
                return writer.systemEvent(to, timestamp, Itch50.EVENT_START_OF_MESSAGES);
            case 1:
                return writer.systemEvent(to, timestamp, Itch50.EVENT_START_OF_SYSTEM_HOURS);
            case 2:
                return writer.mwcbDeclineLevel(to, timestamp, 3_000_00000000L, 2_800_00000000L, 2_600_00000000L);
            case 3:
                return writer.systemEvent(to, timestamp, Itch50.EVENT_START_OF_MARKET_HOURS);
            default:
                int locate = (step - 4) / 3 + 1;
                return switch ((step - 4) % 3) {
                    case 0 -> writer.stockDirectory(to, locate, timestamp, symbol(locate));
                    case 1 -> writer.tradingAction(to, locate, timestamp, symbol(locate),
                            Itch50.TRADING_STATE_TRADING, "");
                    default -> writer.regSho(to, locate, timestamp, symbol(locate), Itch50.REG_SHO_NO_PRICE_TEST);
                };
        }
    }

    private int pickLocate() {
        double u = random.nextDouble();
        return 1 + (int) (symbols.length * u * u);
    }

    private int orderEvent(byte[] to, long timestamp, int locate) {
        drift(locate);
        SymbolOrders live = orders[locate];
        int roll = random.nextInt(1000);
        if (live.count < MIN_LIVE_ORDERS || (roll < 450 && !live.full())) {
            return add(to, timestamp, locate, roll < 5);
        }
        int index = random.nextInt(live.count);
        boolean trading = locate != haltedLocate;
        if (roll < 830) {
            return delete(to, timestamp, locate, index);
        } else if (roll < 910 && trading) {
            return execute(to, timestamp, locate, index, false);
        } else if (roll < 920 && trading) {
            return execute(to, timestamp, locate, index, true);
        } else if (roll < 950 && live.shares[index] > 1) {
            return cancel(to, timestamp, locate, index);
        } else if (roll < 980) {
            return replace(to, timestamp, locate, index);
        } else if (roll < 996 && trading) {
            return writer.nonCrossTrade(to, locate, timestamp, 1 + random.nextInt(500), symbol(locate),
                    mids[locate], match(locate));
        } else if (roll < 999 && trading) {
            return writer.crossTrade(to, locate, timestamp, 100L * (1 + random.nextInt(1_000)), symbol(locate),
                    mids[locate], match(locate));
        } else if (trading && lastMatch[locate] != 0) {
            return writer.brokenTrade(to, locate, timestamp, lastMatch[locate]);
        }
        return delete(to, timestamp, locate, index);
    }

    private int add(byte[] to, long timestamp, int locate, boolean attributed) {
        boolean buy = random.nextBoolean();
        long price = restingPrice(locate, buy);
        long shares = 100L * (1 + random.nextInt(10));
        long reference = nextOrderReference++;
        orders[locate].add(reference, buy, price, shares);
        if (attributed) {
            return writer.addOrderMpid(to, locate, timestamp, reference, buy, shares, symbol(locate), price, "SIMM");
        }
        return writer.addOrder(to, locate, timestamp, reference, buy, shares, symbol(locate), price);
    }

    private int delete(byte[] to, long timestamp, int locate, int index) {
        long reference = orders[locate].references[index];
        orders[locate].remove(index);
        return writer.delete(to, locate, timestamp, reference);
    }

    private int execute(byte[] to, long timestamp, int locate, int index, boolean withPrice) {
        SymbolOrders live = orders[locate];
        long reference = live.references[index];
        long shares = 1 + random.nextLong(live.shares[index]);
        long price = live.prices[index];
        reduce(live, index, shares);
        if (withPrice) {
            return writer.executedWithPrice(to, locate, timestamp, reference, shares, match(locate), true, price);
        }
        return writer.executed(to, locate, timestamp, reference, shares, match(locate));
    }

    private int cancel(byte[] to, long timestamp, int locate, int index) {
        SymbolOrders live = orders[locate];
        long reference = live.references[index];
        long shares = 1 + random.nextLong(live.shares[index] - 1);
        reduce(live, index, shares);
        return writer.cancel(to, locate, timestamp, reference, shares);
    }

    private int replace(byte[] to, long timestamp, int locate, int index) {
        SymbolOrders live = orders[locate];
        long original = live.references[index];
        boolean buy = live.buys[index];
        live.remove(index);
        long price = restingPrice(locate, buy);
        long shares = 100L * (1 + random.nextInt(10));
        long replacement = nextOrderReference++;
        live.add(replacement, buy, price, shares);
        return writer.replace(to, locate, timestamp, original, replacement, shares, price);
    }

    private static void reduce(SymbolOrders live, int index, long shares) {
        live.shares[index] -= shares;
        if (live.shares[index] == 0) {
            live.remove(index);
        }
    }

    /** A price near the mid that stays on its side of the book, so the book never crosses or locks. */
    private long restingPrice(int locate, boolean buy) {
        long distance = TICK * random.nextInt(20);
        SymbolOrders live = orders[locate];
        if (buy) {
            return Math.max(TICK, Math.min(mids[locate] - TICK - distance, live.bestAsk() - TICK));
        }
        return Math.max(mids[locate] + distance, live.bestBid() + TICK);
    }

    private void drift(int locate) {
        int step = random.nextInt(64);
        if (step == 0 && mids[locate] > 20 * TICK) {
            mids[locate] -= TICK;
        } else if (step == 1) {
            mids[locate] += TICK;
        }
    }

    private long match(int locate) {
        lastMatch[locate] = nextMatchNumber;
        return nextMatchNumber++;
    }
}
