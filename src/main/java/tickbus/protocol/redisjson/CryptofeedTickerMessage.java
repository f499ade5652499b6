package tickbus.protocol.redisjson;

/** A cryptofeed ticker: best bid and ask prices, without sizes. A side given as {@code None} is absent. */
public final class CryptofeedTickerMessage extends CryptofeedMessage {

    boolean hasBid;
    long bidPrice;
    boolean hasAsk;
    long askPrice;

    CryptofeedTickerMessage() {
    }

    public boolean hasBid() {
        return hasBid;
    }

    /** The bid price, 0 when {@link #hasBid()} is false. */
    public long bidPrice() {
        return bidPrice;
    }

    public boolean hasAsk() {
        return hasAsk;
    }

    /** The ask price, 0 when {@link #hasAsk()} is false. */
    public long askPrice() {
        return askPrice;
    }
}
