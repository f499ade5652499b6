package tickbus.normalize.itch;

import tickbus.event.EventSink;

import java.util.List;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.itch.Itch50;

/**
 * Builds the immutable events of one ITCH source and hands them to the sink. Every event of one message carries
 * that message's sequence number, exchange time (ITCH nanoseconds since midnight + the trading day's midnight in
 * New York) and receive time.
 */
final class MarketEventEmitter {

    static final String VENUE = Itch50Normalizer.VENUE;

    private final String source;
    private final long midnightEpochNanos;
    private final EventSink sink;
    private long sequence;
    private long receiveTimeNanos;
    private long exchangeTimeNanos;
    private long events;

    MarketEventEmitter(String source, long midnightEpochNanos, EventSink sink) {
        this.source = source;
        this.midnightEpochNanos = midnightEpochNanos;
        this.sink = sink;
    }

    /** The context of the message being normalized. */
    void message(long sequence, long receiveTimeNanos) {
        this.sequence = sequence;
        this.receiveTimeNanos = receiveTimeNanos;
    }

    /** The exchange time of the message being normalized (the last one seen stays for snapshots). */
    void timestamp(long itchTimestampNanos) {
        this.exchangeTimeNanos = midnightEpochNanos + itchTimestampNanos;
    }

    long events() {
        return events;
    }

    void trade(OrderBook book, long price, long size, Side aggressor, long matchNumber, TradeType type) {
        emit(new Trade(book.instrument(), VENUE, source, sequence, exchangeTimeNanos, receiveTimeNanos,
                Itch50.PRICE_SCALE, Itch50.SIZE_SCALE, price, size, aggressor, Long.toUnsignedString(matchNumber), type));
    }

    void status(OrderBook book, InstrumentState state, String reason) {
        emit(new InstrumentStatus(book.instrument(), VENUE, source, sequence, exchangeTimeNanos, receiveTimeNanos,
                state, 0, 0, reason));
    }

    void quote(OrderBook book) {
        emit(new Quote(book.instrument(), VENUE, source, sequence, exchangeTimeNanos, receiveTimeNanos,
                Itch50.PRICE_SCALE, Itch50.SIZE_SCALE, book.bestBidPrice(), book.bestBidSize(), book.bestAskPrice(),
                book.bestAskSize()));
    }

    /** The levels the last operation on {@code books} changed. */
    void levelChanges(OrderBook book, Itch50OrderBooks books) {
        int changes = books.changedLevels();
        if (changes == 0 || !sink.wants(book.instrument(), EventKind.BOOK)) {
            return;
        }
        BookLevel first = new BookLevel(books.changedPrice(0), books.changedSize(0));
        List<BookLevel> bids;
        List<BookLevel> asks;
        if (changes == 1) {
            bids = books.changedBuy(0) ? List.of(first) : List.of();
            asks = books.changedBuy(0) ? List.of() : List.of(first);
        } else {
            BookLevel second = new BookLevel(books.changedPrice(1), books.changedSize(1));
            bids = levelsOnSide(true, books, first, second);
            asks = levelsOnSide(false, books, first, second);
        }
        emit(new BookUpdate(book.instrument(), VENUE, source, sequence, exchangeTimeNanos, receiveTimeNanos,
                Itch50.PRICE_SCALE, Itch50.SIZE_SCALE, false, bids, asks));
    }

    /** The whole book, replacing whatever a subscriber held. */
    void snapshot(OrderBook book) {
        emit(new BookUpdate(book.instrument(), VENUE, source, sequence, exchangeTimeNanos, receiveTimeNanos,
                Itch50.PRICE_SCALE, Itch50.SIZE_SCALE, true, book.bidLevels(), book.askLevels()));
    }

    private static List<BookLevel> levelsOnSide(boolean buy, Itch50OrderBooks books, BookLevel first,
            BookLevel second) {
        boolean firstHere = books.changedBuy(0) == buy;
        boolean secondHere = books.changedBuy(1) == buy;
        if (firstHere && secondHere) {
            return betterFirst(buy, first, second);
        }
        return firstHere ? List.of(first) : secondHere ? List.of(second) : List.of();
    }

    /** Levels in an update are best first, like a book. */
    private static List<BookLevel> betterFirst(boolean buy, BookLevel first, BookLevel second) {
        boolean firstBetter = buy ? first.price() > second.price() : first.price() < second.price();
        return firstBetter ? List.of(first, second) : List.of(second, first);
    }

    private void emit(MarketEvent event) {
        events++;
        sink.accept(event);
    }
}
