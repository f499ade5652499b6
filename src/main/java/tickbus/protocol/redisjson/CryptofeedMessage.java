package tickbus.protocol.redisjson;

/** What both cryptofeed shapes have besides the common fields. */
public abstract class CryptofeedMessage extends PayloadMessage {

    String exchange;
    long receiptTimestampNanos;

    CryptofeedMessage() {
    }

    /** cryptofeed's exchange name, e.g. {@code COINBASE}. */
    public String exchange() {
        return exchange;
    }

    /** When the cryptofeed collector received the data, or {@link #NO_TIMESTAMP}. */
    public long receiptTimestampNanos() {
        return receiptTimestampNanos;
    }
}
