package tickbus.normalize.itch;

import java.util.function.Predicate;
import tickbus.event.InstrumentState;
import tickbus.event.Side;
import tickbus.event.TradeType;

/**
 * Decides what to publish for the books of one shard: nothing for unwanted instruments, a snapshot (book, quote,
 * status) the first time an instrument is wanted, then level changes and best bid/offer changes.
 */
final class BookPublisher {

    private final Predicate<String> wanted;
    private final MarketEventEmitter emitter;
    private final Itch50OrderBooks books;

    BookPublisher(Predicate<String> wanted, MarketEventEmitter emitter, Itch50OrderBooks books) {
        this.wanted = wanted;
        this.emitter = emitter;
        this.books = books;
    }

    /** Whether events are created for the book's instrument (decided when named and at each demand refresh). */
    boolean publishes(OrderBook book) {
        return book.isWanted();
    }

    /** Give a book its instrument id and ask whether it is wanted. */
    void name(OrderBook book, String instrument) {
        book.instrument(instrument);
        book.wanted(wanted.test(instrument));
    }

    /** The last operation on the books changed this book. */
    void bookChanged(OrderBook book) {
        if (!publishes(book)) {
            book.published(false);
            return;
        }
        if (publishSnapshotOnce(book)) {
            return;
        }
        emitter.levelChanges(book, books);
        if (book.takeQuoteChange()) {
            emitter.quote(book);
        }
    }

    void trade(OrderBook book, long price, long size, Side aggressor, long matchNumber, TradeType type) {
        if (publishes(book)) {
            emitter.trade(book, price, size, aggressor, matchNumber, type);
        }
    }

    void status(OrderBook book, InstrumentState state, String reason) {
        if (publishes(book)) {
            emitter.status(book, state, reason);
        }
    }

    /** The same reason to every wanted instrument, each with its current trading state. */
    void statusToAll(String reason) {
        for (int i = 0; i < books.bookCount(); i++) {
            OrderBook book = books.bookAt(i);
            status(book, book.tradingState(), reason);
        }
    }

    /** Marks the book suspect; the first time, wanted instruments hear why. */
    void suspect(OrderBook book, String reason) {
        if (book.markSuspect()) {
            status(book, InstrumentState.SUSPECT, reason);
        }
    }

    /** Ask again which instruments are wanted; snapshot every book newly wanted, stop publishing the others. */
    void refreshDemand() {
        for (int i = 0; i < books.bookCount(); i++) {
            OrderBook book = books.bookAt(i);
            book.wanted(book.instrument() != null && wanted.test(book.instrument()));
            if (publishes(book)) {
                publishSnapshotOnce(book);
            } else {
                book.published(false);
            }
        }
    }

    /** A snapshot of the book was sent: publish its changes from now on, deltas to that snapshot. */
    void snapshotSent(OrderBook book) {
        book.wanted(true);
        book.published(true);
        book.takeQuoteChange();
    }

    /** Tell wanted instruments their state is void, then empty every book. */
    void reset(String reason) {
        for (int i = 0; i < books.bookCount(); i++) {
            status(books.bookAt(i), InstrumentState.RESET, reason);
        }
        books.clear();
    }

    /** For a book not yet published: snapshot, quote and status; returns whether it did. */
    private boolean publishSnapshotOnce(OrderBook book) {
        if (book.isPublished()) {
            return false;
        }
        book.published(true);
        book.takeQuoteChange();
        emitter.snapshot(book);
        emitter.quote(book);
        emitter.status(book, book.tradingState(), "state when publishing began");
        if (book.isSuspect()) {
            emitter.status(book, InstrumentState.SUSPECT, "book contradicted by earlier messages");
        }
        return true;
    }
}
