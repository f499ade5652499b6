package tickbus.sim.fixml;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import tickbus.event.Prices;
import tickbus.feed.FeedClock;
import tickbus.protocol.fixml.Fixml;
import tickbus.protocol.fixml.IncrementalEntry;
import tickbus.protocol.fixml.Snapshot;
import tickbus.protocol.fixml.SnapshotEntry;
import tickbus.protocol.fixml.UpdateAction;

/**
 * A random but consistent market: a price-level book per instrument, changed by level updates (new, change,
 * delete of levels that exist) and trades at the touch, so a client that applies every update holds exactly the
 * book a snapshot shows. Deterministic for a seed. Not thread-safe.
 */
final class MarketGenerator implements SimMarket {

    private static final int MIN_LEVELS = 1;
    private static final int MAX_LEVELS = 5;
    private static final int INITIAL_LEVELS = 3;

    private static final class Book {
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();
    }

    private final List<String> symbols;
    private final Map<String, Book> books = new TreeMap<>();
    private final Random random;
    private final long tick;
    private final InstantSource clock;
    private long tradeIds;

    MarketGenerator(List<String> symbols, int priceScale, long seed, InstantSource clock) {
        this.symbols = List.copyOf(symbols);
        this.random = new Random(seed);
        this.tick = Prices.powerOfTen(priceScale - 2);
        this.clock = clock;
        for (int i = 0; i < symbols.size(); i++) {
            Book book = new Book();
            long mid = (100 + i) * Prices.powerOfTen(priceScale);
            for (int level = 1; level <= INITIAL_LEVELS; level++) {
                book.bids.put(mid - level * tick, size());
                book.asks.put(mid + level * tick, size());
            }
            books.put(symbols.get(i), book);
        }
    }

    /** The next update of a random instrument; the book changes as the update says. */
    IncrementalEntry next() {
        String symbol = symbols.get(random.nextInt(symbols.size()));
        Book book = books.get(symbol);
        boolean bid = random.nextBoolean();
        NavigableMap<Long, Long> side = bid ? book.bids : book.asks;
        char type = bid ? Fixml.ENTRY_TYPE_BID : Fixml.ENTRY_TYPE_OFFER;
        int roll = random.nextInt(100);
        IncrementalEntry entry;
        if (roll < 45) {
            long price = randomLevel(side);
            long size = size();
            side.put(price, size);
            entry = IncrementalEntry.level(UpdateAction.CHANGE, type, symbol, price, size);
        } else if (roll < 60 && side.size() < MAX_LEVELS) {
            long price = side.lastKey() + (bid ? -tick : tick);
            long size = size();
            side.put(price, size);
            entry = IncrementalEntry.level(UpdateAction.NEW, type, symbol, price, size);
        } else if (roll < 75 && side.size() > MIN_LEVELS) {
            long price = side.pollLastEntry().getKey();
            entry = IncrementalEntry.level(UpdateAction.DELETE, type, symbol, price, 0);
        } else {
            long price = side.firstKey();
            entry = IncrementalEntry.trade(symbol, price, 1 + random.nextInt(100), "T" + ++tradeIds,
                    bid ? Fixml.AGGRESSOR_SELL : Fixml.AGGRESSOR_BUY);
        }
        return entry.withTransactTime(FeedClock.nanos(clock));
    }

    @Override
    public List<LogEntry> snapshots(Set<String> filter) {
        List<LogEntry> snapshots = new ArrayList<>();
        books.forEach((symbol, book) -> {
            if (filter == null || filter.contains(symbol)) {
                List<SnapshotEntry> entries = new ArrayList<>();
                book.bids.forEach((price, size) -> entries.add(new SnapshotEntry(Fixml.ENTRY_TYPE_BID, price, size)));
                book.asks.forEach((price, size) -> entries.add(new SnapshotEntry(Fixml.ENTRY_TYPE_OFFER, price, size)));
                snapshots.add(LogEntry.of(new Snapshot(Fixml.ABSENT, symbol, null, null, entries)));
            }
        });
        return snapshots;
    }

    private long randomLevel(NavigableMap<Long, Long> side) {
        int index = random.nextInt(side.size());
        for (long price : side.keySet()) {
            if (index-- == 0) {
                return price;
            }
        }
        throw new IllegalStateException("book side empty");
    }

    private long size() {
        return 100 * (1 + random.nextInt(50));
    }
}
