package tickbus.protocol.redisjson;

import tickbus.event.Side;

/** A cryptofeed trade. It carries no sequence number. */
public final class CryptofeedTradeMessage extends CryptofeedMessage {

    Side aggressor;
    long amount;
    long price;
    String tradeId;

    CryptofeedTradeMessage() {
    }

    /** The taker side ({@link Side#UNKNOWN} for {@code None}). */
    public Side aggressor() {
        return aggressor;
    }

    /** The traded quantity at {@link #sizeScale()}. */
    public long amount() {
        return amount;
    }

    public long price() {
        return price;
    }

    /** The exchange's trade id; empty for {@code None}. */
    public String tradeId() {
        return tradeId;
    }
}
