package tickbus.normalize.fixml;

/** One instrument's id, price-level book and the last quote published for it. */
final class InstrumentBook {

    final String instrument;
    final BookSide bids;
    final BookSide asks;
    private boolean quoted;
    private long quotedBidPrice;
    private long quotedBidSize;
    private long quotedAskPrice;
    private long quotedAskSize;

    InstrumentBook(String instrument, int maxLevelsPerSide) {
        this.instrument = instrument;
        this.bids = new BookSide(true, maxLevelsPerSide);
        this.asks = new BookSide(false, maxLevelsPerSide);
    }

    boolean isEmpty() {
        return bids.isEmpty() && asks.isEmpty();
    }

    /** Forgets the last published quote, so the next change publishes one whatever it shows. */
    void forgetQuote() {
        quoted = false;
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
        quotedBidPrice = bidPrice;
        quotedBidSize = bidSize;
        quotedAskPrice = askPrice;
        quotedAskSize = askSize;
        return true;
    }
}
