package tickbus.normalize.itch;

import tickbus.event.EventSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.testing.ItchFlowGenerator;

/** What a subscriber rebuilds from the events alone: books from snapshots and deltas, last quotes, trades. */
final class ConsumerView implements EventSink {

    final List<MarketEvent> events = new ArrayList<>();
    final List<String> trades = new ArrayList<>();
    final Map<String, Quote> quotes = new HashMap<>();
    private final Map<String, TreeMap<Long, Long>> bids = new HashMap<>();
    private final Map<String, TreeMap<Long, Long>> asks = new HashMap<>();

    @Override
    public void accept(MarketEvent event) {
        events.add(event);
        if (event instanceof BookUpdate update) {
            apply(update);
        } else if (event instanceof Quote quote) {
            quotes.put(quote.instrument(), quote);
        } else if (event instanceof Trade trade) {
            trades.add(ItchFlowGenerator.describeTrade(trade.instrument(), trade.price(), trade.size(),
                    trade.aggressor().name(), trade.tradeId(), trade.type().name()));
        }
    }

    List<BookLevel> bids(String instrument) {
        return levels(bids.getOrDefault(instrument, new TreeMap<>()).descendingMap());
    }

    List<BookLevel> asks(String instrument) {
        return levels(asks.getOrDefault(instrument, new TreeMap<>()));
    }

    private void apply(BookUpdate update) {
        TreeMap<Long, Long> bidSide = bids.computeIfAbsent(update.instrument(), key -> new TreeMap<>());
        TreeMap<Long, Long> askSide = asks.computeIfAbsent(update.instrument(), key -> new TreeMap<>());
        if (update.snapshot()) {
            bidSide.clear();
            askSide.clear();
        }
        apply(bidSide, update.bids());
        apply(askSide, update.asks());
    }

    private static void apply(TreeMap<Long, Long> side, List<BookLevel> levels) {
        for (BookLevel level : levels) {
            if (level.size() == 0) {
                side.remove(level.price());
            } else {
                side.put(level.price(), level.size());
            }
        }
    }

    private static List<BookLevel> levels(Map<Long, Long> side) {
        List<BookLevel> levels = new ArrayList<>();
        side.forEach((price, size) -> levels.add(new BookLevel(price, size)));
        return levels;
    }
}
