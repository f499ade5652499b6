package tickbus.normalize.itch;

import java.util.ArrayList;
import java.util.List;
import tickbus.event.BookLevel;
import tickbus.event.InstrumentState;

/**
 * The full-depth book of one instrument (one stock locate), aggregated by price, plus what the normalizer knows
 * about the instrument: its id, trading state, whether its data is doubtful, and what was last published for it.
 * Read it only on the thread that applies the messages.
 */
public final class OrderBook {

    private final int locate;
    private final PriceLevels bids = new PriceLevels(false);
    private final PriceLevels asks = new PriceLevels(true);
    private String instrument;
    private InstrumentState regulatoryState = InstrumentState.TRADING;
    private boolean operationallyHalted;
    private boolean shortSaleRestricted;
    private boolean suspect;
    private boolean wanted;
    private boolean published;
    private long publishedBidPrice;
    private long publishedBidSize;
    private long publishedAskPrice;
    private long publishedAskSize;

    OrderBook(int locate) {
        this.locate = locate;
    }

    public int locate() {
        return locate;
    }

    /** {@code XNAS:<symbol>}, or null until a Stock Directory or an order names the symbol. */
    public String instrument() {
        return instrument;
    }

    /**
     * The venue state to report. Three things decide it, each kept apart so that ending one never ends another: a
     * NASDAQ operational halt (HALTED), the regulatory state of the last Trading Action (HALTED, PAUSED,
     * QUOTATION_ONLY), and the Reg SHO short-sale price test (SHORT_SALE_RESTRICTED, reported only while trading).
     */
    public InstrumentState tradingState() {
        if (operationallyHalted) {
            return InstrumentState.HALTED;
        }
        if (regulatoryState != InstrumentState.TRADING) {
            return regulatoryState;
        }
        return shortSaleRestricted ? InstrumentState.SHORT_SALE_RESTRICTED : InstrumentState.TRADING;
    }

    public boolean isShortSaleRestricted() {
        return shortSaleRestricted;
    }

    /** Whether a message contradicted the book (e.g. referenced an unknown order) since the last reset. */
    public boolean isSuspect() {
        return suspect;
    }

    public int bidDepth() {
        return bids.depth();
    }

    public int askDepth() {
        return asks.depth();
    }

    /** The bid price {@code rank} levels from the best (0 is the best). */
    public long bidPrice(int rank) {
        return bids.priceAt(rank);
    }

    public long bidSize(int rank) {
        return bids.sizeAt(rank);
    }

    /** The ask price {@code rank} levels from the best (0 is the best). */
    public long askPrice(int rank) {
        return asks.priceAt(rank);
    }

    public long askSize(int rank) {
        return asks.sizeAt(rank);
    }

    /** The best bid price, 0 when there is no bid. */
    public long bestBidPrice() {
        return bids.bestPrice();
    }

    public long bestBidSize() {
        return bids.bestSize();
    }

    /** The best ask price, 0 when there is no ask. */
    public long bestAskPrice() {
        return asks.bestPrice();
    }

    public long bestAskSize() {
        return asks.bestSize();
    }

    /** Whether both sides are present and the best bid is at or above the best ask. */
    public boolean isCrossedOrLocked() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.bestPrice() >= asks.bestPrice();
    }

    /** Every bid level, best first. */
    public List<BookLevel> bidLevels() {
        return levels(bids);
    }

    /** Every ask level, best first. */
    public List<BookLevel> askLevels() {
        return levels(asks);
    }

    PriceLevels side(boolean buy) {
        return buy ? bids : asks;
    }

    void instrument(String instrument) {
        this.instrument = instrument;
    }

    void regulatoryState(InstrumentState regulatoryState) {
        this.regulatoryState = regulatoryState;
    }

    void operationallyHalted(boolean operationallyHalted) {
        this.operationallyHalted = operationallyHalted;
    }

    void shortSaleRestricted(boolean shortSaleRestricted) {
        this.shortSaleRestricted = shortSaleRestricted;
    }

    /** Marks the book suspect; returns whether it was not suspect before. */
    boolean markSuspect() {
        boolean first = !suspect;
        suspect = true;
        return first;
    }

    /** Whether events are created for this instrument, as decided at the last demand refresh. */
    boolean isWanted() {
        return wanted;
    }

    void wanted(boolean wanted) {
        this.wanted = wanted;
    }

    boolean isPublished() {
        return published;
    }

    void published(boolean published) {
        this.published = published;
    }

    /** Whether the best bid or offer differs from the last published quote; if so, remembers the new one. */
    boolean takeQuoteChange() {
        long bidPrice = bids.bestPrice();
        long bidSize = bids.bestSize();
        long askPrice = asks.bestPrice();
        long askSize = asks.bestSize();
        if (bidPrice == publishedBidPrice && bidSize == publishedBidSize && askPrice == publishedAskPrice
                && askSize == publishedAskSize) {
            return false;
        }
        publishedBidPrice = bidPrice;
        publishedBidSize = bidSize;
        publishedAskPrice = askPrice;
        publishedAskSize = askSize;
        return true;
    }

    /** Empty the book and forget all it knew, its instrument id too: a new session may give the locate another. */
    void clear() {
        bids.clear();
        asks.clear();
        instrument = null;
        wanted = false;
        suspect = false;
        published = false;
        regulatoryState = InstrumentState.TRADING;
        operationallyHalted = false;
        shortSaleRestricted = false;
        publishedBidPrice = 0;
        publishedBidSize = 0;
        publishedAskPrice = 0;
        publishedAskSize = 0;
    }

    long retainedBytes() {
        return bids.retainedBytes() + asks.retainedBytes();
    }

    private static List<BookLevel> levels(PriceLevels side) {
        List<BookLevel> levels = new ArrayList<>(side.depth());
        for (int rank = 0; rank < side.depth(); rank++) {
            levels.add(new BookLevel(side.priceAt(rank), side.sizeAt(rank)));
        }
        return levels;
    }
}
