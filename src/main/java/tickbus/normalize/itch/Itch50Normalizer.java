package tickbus.normalize.itch;

import tickbus.event.EventSink;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Predicate;
import tickbus.event.Side;
import tickbus.event.TradeType;
import tickbus.normalize.itch.Itch50OrderBooks.Outcome;
import tickbus.protocol.itch.AddOrder;
import tickbus.protocol.itch.AddOrderMpid;
import tickbus.protocol.itch.BrokenTrade;
import tickbus.protocol.itch.CrossTrade;
import tickbus.protocol.itch.DlcrPriceDiscovery;
import tickbus.protocol.itch.IpoQuotingPeriodUpdate;
import tickbus.protocol.itch.Itch50;
import tickbus.protocol.itch.Itch50Decoder;
import tickbus.protocol.itch.Itch50Exception;
import tickbus.protocol.itch.Itch50Listener;
import tickbus.protocol.itch.Itch50Message;
import tickbus.protocol.itch.LuldAuctionCollar;
import tickbus.protocol.itch.MarketParticipantPosition;
import tickbus.protocol.itch.MwcbDeclineLevel;
import tickbus.protocol.itch.MwcbStatus;
import tickbus.protocol.itch.Noii;
import tickbus.protocol.itch.NonCrossTrade;
import tickbus.protocol.itch.OperationalHalt;
import tickbus.protocol.itch.OrderCancel;
import tickbus.protocol.itch.OrderDelete;
import tickbus.protocol.itch.OrderExecuted;
import tickbus.protocol.itch.OrderExecutedWithPrice;
import tickbus.protocol.itch.OrderReplace;
import tickbus.protocol.itch.RegShoRestriction;
import tickbus.protocol.itch.Rpii;
import tickbus.protocol.itch.StockDirectory;
import tickbus.protocol.itch.StockTradingAction;
import tickbus.protocol.itch.SystemEvent;

/**
 * Turns ITCH 5.0 messages into tickbus events while keeping a full-depth book per instrument. Books are always
 * maintained; events are created only for instruments the {@code wanted} predicate accepts, asked when an
 * instrument is named and again at each {@link #refreshDemand} (the first time an instrument is wanted, a book
 * snapshot, quote and status come first). Executions and non-cross trades become
 * {@code Trade}s (crosses flagged CROSS, broken trades BROKEN), level changes {@code BookUpdate}s, best bid/offer
 * changes {@code Quote}s, and trading actions, Reg SHO, MWCB and LULD messages {@code InstrumentStatus}es. Input
 * that contradicts the books (an unknown order, a reused reference, a malformed message) is counted and marks the
 * instrument SUSPECT; it never throws. Shard by stock locate: give each shard the messages of its locates plus
 * every market-wide message (locate 0). Not thread-safe: one instance per shard.
 */
public final class Itch50Normalizer implements Itch50Listener {

    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    /** The venue of every instrument and event: {@code XNAS:<symbol>}. */
    public static final String VENUE = "XNAS";
    /** Sizes the order table at 12 MiB; it doubles beyond (a pause of milliseconds each time). */
    public static final int DEFAULT_EXPECTED_ORDERS = 1 << 18;
    private static final int ORDER_REFERENCE_END = Itch50.ORDER_REFERENCE_OFFSET + Long.BYTES;

    private final MarketEventEmitter emitter;
    private final BookPublisher publisher;
    private final Itch50Decoder decoder = new Itch50Decoder(this);
    private final Itch50OrderBooks books;
    private final Itch50NormalizerCounters counters = new Itch50NormalizerCounters();
    private final long[] mwcbLevels = new long[3];
    private final RecentTrades recentTrades = new RecentTrades();

    public Itch50Normalizer(String source, LocalDate tradingDate, Predicate<String> wanted, EventSink sink) {
        this(source, tradingDate, wanted, sink, DEFAULT_EXPECTED_ORDERS);
    }

    /** @param expectedOrders live orders to size the order table for, so it need not grow during the day */
    public Itch50Normalizer(String source, LocalDate tradingDate, Predicate<String> wanted, EventSink sink,
            int expectedOrders) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(wanted, "wanted");
        this.emitter = new MarketEventEmitter(source, midnightEpochNanos(tradingDate), sink);
        this.books = new Itch50OrderBooks(expectedOrders);
        this.publisher = new BookPublisher(wanted, emitter, books);
    }

    /** Epoch nanoseconds of midnight, New York time, on the trading date: ITCH timestamps count from there. */
    public static long midnightEpochNanos(LocalDate tradingDate) {
        return tradingDate.atStartOfDay(EXCHANGE_ZONE).toEpochSecond() * 1_000_000_000L;
    }

    /** Normalize one ITCH message, carrying the SoupBinTCP sequence number it arrived with. */
    public void onMessage(long sequence, long receiveTimeNanos, byte[] buffer, int offset, int length) {
        emitter.message(sequence, receiveTimeNanos);
        counters.messages++;
        try {
            if (length >= Itch50Message.HEADER_LENGTH) {
                emitter.timestamp(Itch50.timestampNanos(buffer, offset, length));
            }
            decoder.decode(buffer, offset, length);
        } catch (Itch50Exception e) {
            counters.malformedMessages++;
            if (length >= 3 && offset >= 0 && offset <= buffer.length - length) {
                publisher.suspect(books.bookFor(Itch50.stockLocate(buffer, offset, length)), e.getMessage());
            }
        }
    }

    /**
     * A hint that the message in {@code buffer[offset, offset + length)} comes soon: load the order table slot it
     * will look up. Called for a few messages before normalizing the first of them, the cache misses of those
     * messages overlap (with a million live orders each lookup is a miss). Changes nothing and never throws.
     */
    public void prefetch(byte[] buffer, int offset, int length) {
        if (length < ORDER_REFERENCE_END || offset < 0 || offset > buffer.length - length) {
            return;
        }
        switch (buffer[offset]) {
            case Itch50.MESSAGE_TYPE_ADD_ORDER, Itch50.MESSAGE_TYPE_ADD_ORDER_MPID, Itch50.MESSAGE_TYPE_ORDER_EXECUTED,
                    Itch50.MESSAGE_TYPE_ORDER_EXECUTED_WITH_PRICE, Itch50.MESSAGE_TYPE_ORDER_CANCEL,
                    Itch50.MESSAGE_TYPE_ORDER_DELETE, Itch50.MESSAGE_TYPE_ORDER_REPLACE ->
                books.prefetch(Itch50.orderReference(buffer, offset));
            default -> {
            }
        }
    }

    /**
     * Demand changed: ask the predicate again for every instrument, publish a snapshot for every book newly wanted,
     * and stop publishing the others. Between refreshes the predicate is asked only when an instrument is first
     * named, so the hot path never calls it. Events carry the given sequence number (the last one processed) and
     * the last exchange time seen.
     */
    public void refreshDemand(long sequence, long receiveTimeNanos) {
        emitter.message(sequence, receiveTimeNanos);
        publisher.refreshDemand();
    }

    /**
     * A subscriber was sent the book's snapshot as of the last message: its events are published from the next
     * message on (until a demand refresh finds nobody wants it), so none falls between the snapshot and the moment
     * the feed learns of the demand.
     */
    public void snapshotSent(OrderBook book) {
        publisher.snapshotSent(book);
    }

    /** The upstream session changed: every book and order is void. Wanted instruments get a RESET status. */
    public void reset(long sequence, long receiveTimeNanos, String reason) {
        emitter.message(sequence, receiveTimeNanos);
        publisher.reset(reason);
        recentTrades.clear();
    }

    public Itch50OrderBooks books() {
        return books;
    }

    public Itch50NormalizerCounters counters() {
        counters.unknownMessageTypes = decoder.unknownMessageTypes();
        counters.events = emitter.events();
        return counters;
    }

    @Override
    public void onSystemEvent(SystemEvent message) {
        // Session-level events (start and end of messages, market hours) are the feed's business, not an instrument's.
    }

    @Override
    public void onStockDirectory(StockDirectory message) {
        publisher.name(books.bookFor(message.stockLocate()), instrumentId(message.stock()));
    }

    @Override
    public void onStockTradingAction(StockTradingAction message) {
        OrderBook book = named(message.stockLocate(), message.stockRaw());
        book.regulatoryState(StatusRules.tradingState(message.tradingState()));
        publisher.status(book, book.tradingState(),
                StatusRules.tradingActionReason(message.tradingState(), message.reason()));
    }

    @Override
    public void onRegShoRestriction(RegShoRestriction message) {
        OrderBook book = named(message.stockLocate(), message.stockRaw());
        byte action = message.regShoAction();
        book.shortSaleRestricted(action != Itch50.REG_SHO_NO_PRICE_TEST);
        publisher.status(book, book.tradingState(), StatusRules.regShoReason(action));
    }

    @Override
    public void onMarketParticipantPosition(MarketParticipantPosition message) {
        // Market maker registrations change no book and no event.
    }

    @Override
    public void onMwcbDeclineLevel(MwcbDeclineLevel message) {
        mwcbLevels[0] = message.level1();
        mwcbLevels[1] = message.level2();
        mwcbLevels[2] = message.level3();
    }

    @Override
    public void onMwcbStatus(MwcbStatus message) {
        // A breach halts only through the per-stock Trading Action messages that follow, so the state stays.
        publisher.statusToAll(StatusRules.mwcbReason(message.breachedLevel(), mwcbLevels));
    }

    @Override
    public void onIpoQuotingPeriodUpdate(IpoQuotingPeriodUpdate message) {
        // The anticipated IPO release time is advisory; the Trading Action message carries the state change.
    }

    @Override
    public void onLuldAuctionCollar(LuldAuctionCollar message) {
        OrderBook book = named(message.stockLocate(), message.stockRaw());
        publisher.status(book, book.tradingState(), StatusRules.luldReason(message));
    }

    @Override
    public void onOperationalHalt(OperationalHalt message) {
        if (message.marketCode() != Itch50.MARKET_CODE_NASDAQ) {
            return;
        }
        OrderBook book = named(message.stockLocate(), message.stockRaw());
        boolean halted = message.operationalHaltAction() == Itch50.OPERATIONAL_HALT_HALTED;
        book.operationallyHalted(halted);
        publisher.status(book, book.tradingState(), halted ? "operational halt" : "operational halt lifted");
    }

    @Override
    public void onAddOrder(AddOrder message) {
        OrderBook book = named(message.stockLocate(), message.stockRaw());
        add(book, message.orderReferenceNumber(), message.buySellIndicator(), message.price(), message.shares());
    }

    @Override
    public void onAddOrderMpid(AddOrderMpid message) {
        OrderBook book = named(message.stockLocate(), message.stockRaw());
        add(book, message.orderReferenceNumber(), message.buySellIndicator(), message.price(), message.shares());
    }

    @Override
    public void onOrderExecuted(OrderExecuted message) {
        int locate = message.stockLocate();
        long reference = message.orderReferenceNumber();
        Outcome outcome = books.execute(locate, reference, message.executedShares());
        if (checked(outcome, locate, reference, "Order Executed")) {
            executed(books.book(locate), books.lastPrice(), message.executedShares(), message.matchNumber());
        }
    }

    @Override
    public void onOrderExecutedWithPrice(OrderExecutedWithPrice message) {
        int locate = message.stockLocate();
        long reference = message.orderReferenceNumber();
        Outcome outcome = books.execute(locate, reference, message.executedShares());
        if (checked(outcome, locate, reference, "Order Executed With Price")) {
            long printedShares = message.printable() == Itch50.YES ? message.executedShares() : 0;
            executed(books.book(locate), message.executionPrice(), printedShares, message.matchNumber());
        }
    }

    @Override
    public void onOrderCancel(OrderCancel message) {
        int locate = message.stockLocate();
        long reference = message.orderReferenceNumber();
        Outcome outcome = books.cancel(locate, reference, message.canceledShares());
        if (checked(outcome, locate, reference, "Order Cancel")) {
            publisher.bookChanged(books.book(locate));
        }
    }

    @Override
    public void onOrderDelete(OrderDelete message) {
        int locate = message.stockLocate();
        long reference = message.orderReferenceNumber();
        if (checked(books.delete(locate, reference), locate, reference, "Order Delete")) {
            publisher.bookChanged(books.book(locate));
        }
    }

    @Override
    public void onOrderReplace(OrderReplace message) {
        int locate = message.stockLocate();
        long original = message.originalOrderReferenceNumber();
        Outcome outcome = books.replace(locate, original, message.newOrderReferenceNumber(), message.shares(),
                message.price());
        long reported = outcome == Outcome.DUPLICATE_ORDER ? message.newOrderReferenceNumber() : original;
        checked(outcome, locate, reported, "Order Replace");
        if (outcome == Outcome.APPLIED || outcome == Outcome.DUPLICATE_ORDER) {
            publisher.bookChanged(books.book(locate));
        }
    }

    @Override
    public void onNonCrossTrade(NonCrossTrade message) {
        OrderBook book = named(message.stockLocate(), message.stockRaw());
        // Since 2014-07-14 NASDAQ sends 'B' in the Buy/Sell Indicator whatever the hidden order's side (all 240 in
        // the real AAPL file do), so it says nothing of the aggressor.
        traded(book, message.price(), message.shares(), Side.UNKNOWN, message.matchNumber(), TradeType.REGULAR);
    }

    @Override
    public void onCrossTrade(CrossTrade message) {
        OrderBook book = named(message.stockLocate(), message.stockRaw());
        if (message.shares() == 0) {
            // NASDAQ reports every cross for every issue, with 0 shares where nothing matched: that is no trade, and
            // its price must not reach a strategy as a last sale.
            return;
        }
        traded(book, message.crossPrice(), message.shares(), Side.UNKNOWN, message.matchNumber(), TradeType.CROSS);
    }

    @Override
    public void onBrokenTrade(BrokenTrade message) {
        // ITCH names only the match number: the correction carries the broken trade's price, size and aggressor
        // while they are remembered, and 0, 0, UNKNOWN (counted) once they are not; the trade id names it either way.
        OrderBook book = books.book(message.stockLocate());
        if (book == null) {
            return;
        }
        if (recentTrades.find(message.stockLocate(), message.matchNumber())) {
            publisher.trade(book, recentTrades.price(), recentTrades.size(), recentTrades.aggressor(),
                    message.matchNumber(), TradeType.BROKEN);
        } else {
            counters.brokenTradesNotRemembered++;
            publisher.trade(book, 0, 0, Side.UNKNOWN, message.matchNumber(), TradeType.BROKEN);
        }
    }

    @Override
    public void onNoii(Noii message) {
        // Imbalance indications describe auctions, not the book; no tickbus event carries them.
    }

    @Override
    public void onRpii(Rpii message) {
        // Retail interest flags change no book and no event.
    }

    @Override
    public void onDlcrPriceDiscovery(DlcrPriceDiscovery message) {
        // Direct-listing price discovery describes an auction, not the book; no tickbus event carries it.
    }

    private void add(OrderBook book, long reference, byte side, long price, long shares) {
        if (side != Itch50.BUY && side != Itch50.SELL) {
            counters.invalidSides++;
            publisher.suspect(book, "invalid side: side=" + (char) side + ", orderReferenceNumber=" + reference);
            return;
        }
        if (books.add(book.locate(), reference, side == Itch50.BUY, price, shares) == Outcome.DUPLICATE_ORDER) {
            checked(Outcome.DUPLICATE_ORDER, book.locate(), reference, "Add Order");
            return;
        }
        publisher.bookChanged(book);
    }

    private void traded(OrderBook book, long price, long shares, Side aggressor, long matchNumber, TradeType type) {
        recentTrades.remember(book.locate(), matchNumber, price, shares, aggressor);
        publisher.trade(book, price, shares, aggressor, matchNumber, type);
    }

    private void executed(OrderBook book, long price, long printedShares, long matchNumber) {
        if (printedShares > 0) {
            // The resting order is the passive side; the aggressor is the other one.
            Side aggressor = books.lastBuy() ? Side.SELL : Side.BUY;
            traded(book, price, printedShares, aggressor, matchNumber, TradeType.REGULAR);
        }
        publisher.bookChanged(book);
    }

    /** Whether the books changed; a refused operation is counted and marks the instrument suspect. */
    private boolean checked(Outcome outcome, int locate, long reference, String message) {
        return outcome == Outcome.APPLIED || refused(outcome, locate, reference, message);
    }

    private boolean refused(Outcome outcome, int locate, long reference, String message) {
        switch (outcome) {
            case UNKNOWN_ORDER -> counters.unknownOrderReferences++;
            case DUPLICATE_ORDER -> counters.duplicateOrderReferences++;
            case LOCATE_MISMATCH -> counters.locateMismatches++;
            case EXCEEDS_SHARES -> counters.excessiveReductions++;
            case APPLIED -> throw new IllegalArgumentException("not a refusal: outcome=" + outcome);
        }
        publisher.suspect(books.bookFor(locate), StatusRules.outcomeReason(outcome, message, reference));
        return outcome == Outcome.EXCEEDS_SHARES;
    }

    /** The book of a locate, named after the message's raw symbol if no Stock Directory named it. */
    private OrderBook named(int locate, long stockRaw) {
        OrderBook book = books.bookFor(locate);
        if (book.instrument() == null) {
            publisher.name(book, instrumentId(StatusRules.symbol(stockRaw)));
        }
        return book;
    }

    private static String instrumentId(String symbol) {
        return MarketEventEmitter.VENUE + ":" + symbol;
    }
}
