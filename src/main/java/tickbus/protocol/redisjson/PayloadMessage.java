package tickbus.protocol.redisjson;

/**
 * What every decoded payload has. Messages are mutable and reused: valid only inside the listener callback.
 * Prices are mantissas at {@link #priceScale()}, sizes mantissas at {@link #sizeScale()}.
 */
public abstract class PayloadMessage {

    /** A timestamp the payload did not carry ({@code None} or {@code null}). */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    String channel;
    String symbol;
    long timestampNanos;
    long receiveTimeNanos;
    int priceScale;
    int sizeScale;

    PayloadMessage() {
    }

    /** The channel or stream key the payload arrived on (given to the decoder): the publisher's stream. */
    public String channel() {
        return channel;
    }

    /** The instrument's symbol as the publisher names it, e.g. {@code BTC-USD}. */
    public String symbol() {
        return symbol;
    }

    /** The publisher's event time, nanoseconds since the epoch, or {@link #NO_TIMESTAMP}. */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** When tickbus received the payload, nanoseconds since the epoch (given to the decoder). */
    public long receiveTimeNanos() {
        return receiveTimeNanos;
    }

    public int priceScale() {
        return priceScale;
    }

    public int sizeScale() {
        return sizeScale;
    }
}
