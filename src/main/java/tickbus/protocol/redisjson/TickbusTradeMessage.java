package tickbus.protocol.redisjson;

import tickbus.event.Side;

/** A tickbus-schema {@code trade}. */
public final class TickbusTradeMessage extends PayloadMessage {

    long sequence;
    long price;
    long size;
    Side aggressor;
    String tradeId;

    TickbusTradeMessage() {
    }

    /** The publisher's sequence number of this channel's stream. */
    public long sequence() {
        return sequence;
    }

    public long price() {
        return price;
    }

    public long size() {
        return size;
    }

    /** The taker side. */
    public Side aggressor() {
        return aggressor;
    }

    public String tradeId() {
        return tradeId;
    }
}
