package tickbus.normalize.fixml;

/** One instrument's id, FIXML symbol and maturity, price-level book and the last quote published for it. */
final class InstrumentBook {

    final String instrument;
    final String symbol;
    /** Null when the instrument has none, or maturities are not part of ids. */
    final String maturity;
    final BookSide bids;
    final BookSide asks;
    private boolean quoted;
    private boolean everQuoted;
    private long quotedBidPrice;
    private long quotedBidSize;
    private long quotedAskPrice;
    private long quotedAskSize;

    InstrumentBook(String instrument, String symbol, String maturity, int maxLevelsPerSide) {
        this.instrument = instrument;
        this.symbol = symbol;
        this.maturity = maturity;
        this.bids = new BookSide(true, maxLevelsPerSide);
        this.asks = new BookSide(false, maxLevelsPerSide);
    }

    boolean isEmpty() {
        return bids.isEmpty() && asks.isEmpty();
    }

    /** Whether the book has levels or a quote of it may have gone out: an empty, never quoted book shows nothing. */
    boolean shown() {
        return !isEmpty() || everQuoted;
    }

    /** Forgets the last published quote, so the next change publishes one whatever it shows. */
    void forgetQuote() {
        quoted = false;
    }

    /**
     * Empties the book for a snapshot and forgets the last quote, so the snapshot restates the top of book even
     * when it equals a quote that was produced but never published (held back or discarded). Returns whether the
     * snapshot must be published even if it leaves the book empty: the book had levels, or a quote of it may
     * have gone out.
     */
    boolean clearForSnapshot() {
        boolean shown = shown();
        bids.clear();
        asks.clear();
        quoted = false;
        return shown;
    }

    /** True (and remembered as published) when the top of book differs from the last published quote. */
    boolean takeQuoteChange() {
        long bidPrice = bids.bestPrice();
        long bidSize = bids.bestSize();
        long askPrice = asks.bestPrice();
        long askSize = asks.bestSize();
        if (quoted && bidPrice == quotedBidPrice && bidSize == quotedBidSize && askPrice == quotedAskPrice
                && askSize == quotedAskSize) {
            return false;
        }
        quoted = true;
        everQuoted = true;
        quotedBidPrice = bidPrice;
        quotedBidSize = bidSize;
        quotedAskPrice = askPrice;
        quotedAskSize = askSize;
        return true;
    }
}
