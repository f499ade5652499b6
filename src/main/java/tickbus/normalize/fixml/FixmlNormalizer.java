package tickbus.normalize.fixml;

import tickbus.event.EventSink;

import java.util.List;
import java.util.function.Predicate;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.Prices;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.fixml.Fixml;
import tickbus.protocol.fixml.FixmlListener;
import tickbus.protocol.fixml.MdEntry;
import tickbus.protocol.fixml.MktDataFull;
import tickbus.protocol.fixml.MktDataInc;
import tickbus.protocol.fixml.UpdateAction;

/**
 * Turns decoded FIXML messages into immutable events: bid/offer entries maintain a price-level book per
 * instrument and produce a {@link BookUpdate} per entry plus a {@link Quote} whenever the top of book changes;
 * trade entries produce a {@link Trade}; settlement entries an {@link InstrumentStatus} (see the package
 * documentation). Books are kept for every instrument; events only for those {@code wanted} accepts.
 * Each event's sequence is the update's log position. Not thread-safe: one per decoder.
 */
public final class FixmlNormalizer implements FixmlListener {

    /** FIXML sizes ({@code Sz}) are whole contracts. */
    static final int SIZE_SCALE = 0;

    private final FixmlNormalizerConfig config;
    private final Predicate<String> wanted;
    private final EventSink sink;
    private final InstrumentBooks books;
    private long receiveTimeNanos;
    private long unwantedEvents;
    private long ignoredEntries;
    private long unsupportedActions;
    private long unknownLevelDeletes;
    private long unknownLevelChanges;
    private long droppedLevels;
    private long evictedLevels;
    private long emptySnapshotLevels;

    public FixmlNormalizer(FixmlNormalizerConfig config, Predicate<String> wanted, EventSink sink) {
        this.config = config;
        this.wanted = wanted;
        this.sink = sink;
        this.books = new InstrumentBooks(config);
    }

    /** Sets the receive time stamped on the events of the documents decoded from now on. */
    public void receiveTimeNanos(long nanos) {
        this.receiveTimeNanos = nanos;
    }

    /**
     * Call when the events produced from a document were discarded (the document failed part-way and will be
     * retried or skipped). Books keep the updates already applied, which is safe because level updates are
     * absolute (re-applying them is idempotent) and a skipped document is healed by a snapshot; but quotes
     * produced and discarded must not suppress the next ones, so every instrument's next change republishes
     * its quote.
     */
    public void eventsDiscarded() {
        for (InstrumentBook book : books.all()) {
            book.forgetQuote();
        }
    }

    public NormalizerCounters counters() {
        return new NormalizerCounters(unwantedEvents, ignoredEntries, unsupportedActions, unknownLevelDeletes,
                unknownLevelChanges, droppedLevels, evictedLevels, books.droppedInstruments(), emptySnapshotLevels,
                books.idConflicts());
    }

    /**
     * The id of the events of the instrument with this FIXML symbol and maturity; null when another symbol and
     * maturity has that id, and this instrument's entries are refused.
     */
    public String instrumentId(String symbol, String maturity) {
        return books.idOf(symbol, maturity);
    }

    /** What the last instrument refused for its id was and which instrument has that id; null when none was. */
    public String lastInstrumentIdConflict() {
        return books.lastIdConflict();
    }

    /**
     * The book of {@code instrument} and its top as they are now, as a snapshot {@code BookUpdate} and a
     * {@code Quote} at {@code sequence}, for a subscriber that just arrived; nothing for an instrument without a
     * book, or whose book never had a level. Whether the book can be trusted is the caller's to know.
     */
    public void currentState(String instrument, long sequence, EventSink out) {
        InstrumentBook book = books.withId(instrument);
        if (book == null || !book.shown()) {
            return;
        }
        out.accept(new BookUpdate(book.instrument, config.venue(), config.source(), sequence, receiveTimeNanos,
                receiveTimeNanos, config.priceScale(), SIZE_SCALE, true, book.bids.levels(), book.asks.levels()));
        out.accept(new Quote(book.instrument, config.venue(), config.source(), sequence, receiveTimeNanos,
                receiveTimeNanos, config.priceScale(), SIZE_SCALE, book.bids.bestPrice(), book.bids.bestSize(),
                book.asks.bestPrice(), book.asks.bestSize()));
    }

    @Override
    public void mktDataInc(MktDataInc message) {
        for (int i = 0; i < message.entryCount(); i++) {
            MdEntry entry = message.entry(i);
            InstrumentBook book = books.find(entry.symbol(), entry.maturity());
            if (book == null) {
                continue;
            }
            switch (entry.type()) {
                case Fixml.ENTRY_TYPE_BID, Fixml.ENTRY_TYPE_OFFER -> level(book, entry);
                case Fixml.ENTRY_TYPE_TRADE -> trade(book, entry);
                case Fixml.ENTRY_TYPE_SETTLEMENT_PRICE -> {
                    if (entry.action() == UpdateAction.DELETE) {
                        unsupportedActions++;
                    } else {
                        settlement(book, entry.price(), null, entry.sequence(), exchangeTime(entry));
                    }
                }
                default -> ignoredEntries++;
            }
        }
    }

    @Override
    public void mktDataFull(MktDataFull message) {
        InstrumentBook book = books.find(message.symbol(), message.maturity());
        if (book == null) {
            return;
        }
        boolean shown = book.clearForSnapshot();
        for (int i = 0; i < message.entryCount(); i++) {
            MdEntry entry = message.entry(i);
            switch (entry.type()) {
                case Fixml.ENTRY_TYPE_BID -> snapshotLevel(book.bids, entry);
                case Fixml.ENTRY_TYPE_OFFER -> snapshotLevel(book.asks, entry);
                case Fixml.ENTRY_TYPE_SETTLEMENT_PRICE -> settlement(book, entry.price(), message.businessDate(),
                        message.sequence(), receiveTimeNanos);
                default -> ignoredEntries++;
            }
        }
        if ((shown || !book.isEmpty()) && isWanted(book)) {
            sink.accept(new BookUpdate(book.instrument, config.venue(), config.source(), message.sequence(),
                    receiveTimeNanos, receiveTimeNanos, config.priceScale(), SIZE_SCALE, true, book.bids.levels(),
                    book.asks.levels()));
            quoteIfChanged(book, message.sequence(), receiveTimeNanos);
        }
    }

    private void level(InstrumentBook book, MdEntry entry) {
        BookSide side = entry.type() == Fixml.ENTRY_TYPE_BID ? book.bids : book.asks;
        long size = entry.action() == UpdateAction.DELETE ? 0 : entry.size();
        long previous = 0;
        if (size == 0) {
            if (side.remove(entry.price()) == BookSide.ABSENT) {
                unknownLevelDeletes++;
                return;
            }
        } else {
            previous = setLevel(side, entry.price(), size);
            if (previous == BookSide.FULL) {
                return;
            }
            boolean added = previous == BookSide.ABSENT || previous == BookSide.EVICTED;
            if (added && entry.action() == UpdateAction.CHANGE) {
                unknownLevelChanges++;
            }
        }
        if (!isWanted(book)) {
            return;
        }
        long exchangeTime = exchangeTime(entry);
        List<BookLevel> changed = changedLevels(side, entry.price(), size, previous);
        boolean bid = side == book.bids;
        sink.accept(new BookUpdate(book.instrument, config.venue(), config.source(), entry.sequence(), exchangeTime,
                receiveTimeNanos, config.priceScale(), SIZE_SCALE, false, bid ? changed : List.of(),
                bid ? List.of() : changed));
        quoteIfChanged(book, entry.sequence(), exchangeTime);
    }

    /** The level set, and the level it evicted: subscribers drop that one too, so their books stay equal to ours. */
    private static List<BookLevel> changedLevels(BookSide side, long price, long size, long previous) {
        BookLevel level = new BookLevel(price, size);
        return previous == BookSide.EVICTED ? List.of(level, new BookLevel(side.evictedPrice(), 0)) : List.of(level);
    }

    /** A snapshot entry of size 0 has nothing to trade: it is no level, and must not become the best one. */
    private void snapshotLevel(BookSide side, MdEntry entry) {
        if (entry.size() == 0) {
            emptySnapshotLevels++;
            return;
        }
        setLevel(side, entry.price(), entry.size());
    }

    private long setLevel(BookSide side, long price, long size) {
        long previous = side.set(price, size);
        if (previous == BookSide.FULL) {
            droppedLevels++;
        } else if (previous == BookSide.EVICTED) {
            evictedLevels++;
        }
        return previous;
    }

    private void quoteIfChanged(InstrumentBook book, long sequence, long exchangeTime) {
        if (book.takeQuoteChange()) {
            sink.accept(new Quote(book.instrument, config.venue(), config.source(), sequence, exchangeTime,
                    receiveTimeNanos, config.priceScale(), SIZE_SCALE, book.bids.bestPrice(), book.bids.bestSize(),
                    book.asks.bestPrice(), book.asks.bestSize()));
        }
    }

    private void trade(InstrumentBook book, MdEntry entry) {
        if (entry.action() == UpdateAction.CHANGE) {
            unsupportedActions++;
            return;
        }
        if (!isWanted(book)) {
            return;
        }
        TradeType type = entry.action() == UpdateAction.DELETE ? TradeType.BROKEN : TradeType.REGULAR;
        sink.accept(new Trade(book.instrument, config.venue(), config.source(), entry.sequence(), exchangeTime(entry),
                receiveTimeNanos, config.priceScale(), SIZE_SCALE, entry.price(), entry.size(),
                aggressor(entry.aggressor()), entry.tradeId() == null ? "" : entry.tradeId(), type));
    }

    private void settlement(InstrumentBook book, long price, String businessDate, long sequence, long exchangeTime) {
        if (!isWanted(book)) {
            return;
        }
        String reason = "settlement=" + Prices.toDecimal(price, config.priceScale()).stripTrailingZeros()
                .toPlainString() + (businessDate == null ? "" : ", businessDate=" + businessDate);
        sink.accept(new InstrumentStatus(book.instrument, config.venue(), config.source(), sequence, exchangeTime,
                receiveTimeNanos, InstrumentState.TRADING, 0, 0, reason));
    }

    private boolean isWanted(InstrumentBook book) {
        if (wanted.test(book.instrument)) {
            return true;
        }
        unwantedEvents++;
        return false;
    }

    private long exchangeTime(MdEntry entry) {
        return entry.hasTransactTime() ? entry.transactTimeNanos() : receiveTimeNanos;
    }

    private static Side aggressor(char code) {
        return switch (code) {
            case Fixml.AGGRESSOR_BUY -> Side.BUY;
            case Fixml.AGGRESSOR_SELL -> Side.SELL;
            default -> Side.UNKNOWN;
        };
    }
}
