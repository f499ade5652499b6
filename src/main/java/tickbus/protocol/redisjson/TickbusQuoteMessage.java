package tickbus.protocol.redisjson;

/** A tickbus-schema {@code quote}: best bid and offer. An empty side has price 0 and size 0. */
public final class TickbusQuoteMessage extends PayloadMessage {

    long sequence;
    long bidPrice;
    long bidSize;
    long askPrice;
    long askSize;

    TickbusQuoteMessage() {
    }

    /** The publisher's sequence number of this channel's stream. */
    public long sequence() {
        return sequence;
    }

    public long bidPrice() {
        return bidPrice;
    }

    public long bidSize() {
        return bidSize;
    }

    public long askPrice() {
        return askPrice;
    }

    public long askSize() {
        return askSize;
    }
}
