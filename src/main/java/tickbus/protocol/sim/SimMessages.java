package tickbus.protocol.sim;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import tickbus.protocol.ProtocolException;

/**
 * The simulated venue's wire messages. Prices are mantissas at {@link #PRICE_SCALE}.
 *
 * <pre>
 * Quote  'Q' | symbolLength (1) | symbol | exchangeTimeNanos (8) | bid (8) | bidSize (8) | ask (8) | askSize (8)
 * Trade  'T' | symbolLength (1) | symbol | exchangeTimeNanos (8) | price (8) | size (8) | aggressor (1: B/S) | tradeId (8)
 * </pre>
 */
public final class SimMessages {

    public static final byte MESSAGE_TYPE_QUOTE = 'Q';
    public static final byte MESSAGE_TYPE_TRADE = 'T';
    public static final int PRICE_SCALE = 4;
    public static final int SIZE_SCALE = 0;
    public static final int MAX_SYMBOL_LENGTH = 32;

    private static final int QUOTE_BODY_BYTES = 40;
    private static final int TRADE_BODY_BYTES = 33;

    private SimMessages() {
    }

    /** Receive a decoded message; the symbol is valid only during the call. */
    public interface Listener {

        /** Receive a Quote message. */
        void quote(String symbol, long exchangeTimeNanos, long bid, long bidSize, long ask, long askSize);

        /** Receive a Trade message. */
        void trade(String symbol, long exchangeTimeNanos, long price, long size, boolean buyerAggressor, long tradeId);
    }

    public static Buffer quote(String symbol, long exchangeTimeNanos, long bid, long bidSize, long ask, long askSize) {
        return header(MESSAGE_TYPE_QUOTE, symbol).appendLong(exchangeTimeNanos).appendLong(bid).appendLong(bidSize)
                .appendLong(ask).appendLong(askSize);
    }

    public static Buffer trade(String symbol, long exchangeTimeNanos, long price, long size, boolean buyerAggressor,
            long tradeId) {
        return header(MESSAGE_TYPE_TRADE, symbol).appendLong(exchangeTimeNanos).appendLong(price).appendLong(size)
                .appendByte((byte) (buyerAggressor ? 'B' : 'S')).appendLong(tradeId);
    }

    private static Buffer header(byte type, String symbol) {
        byte[] bytes = symbol.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length == 0 || bytes.length > MAX_SYMBOL_LENGTH) {
            throw new IllegalArgumentException("symbol length out of range: length=" + bytes.length + ", max="
                    + MAX_SYMBOL_LENGTH);
        }
        return Buffer.buffer(64).appendByte(type).appendByte((byte) bytes.length).appendBytes(bytes);
    }

    /** Decode one message at {@code buffer[offset, offset + length)}. */
    public static void decode(Buffer buffer, int offset, int length, Listener listener) {
        if (length < 3) {
            throw new SimProtocolException("message too short: length=" + length + ", min=3");
        }
        byte type = buffer.getByte(offset);
        int symbolLength = buffer.getUnsignedByte(offset + 1);
        if (symbolLength == 0 || symbolLength > MAX_SYMBOL_LENGTH) {
            throw new SimProtocolException("symbol length out of range: symbolLength=" + symbolLength + ", max="
                    + MAX_SYMBOL_LENGTH);
        }
        int body = offset + 2 + symbolLength;
        int bodyLength = length - 2 - symbolLength;
        String symbol = buffer.getString(offset + 2, body, "US-ASCII");
        switch (type) {
            case MESSAGE_TYPE_QUOTE -> {
                expectBody(type, bodyLength, QUOTE_BODY_BYTES);
                listener.quote(symbol, buffer.getLong(body), buffer.getLong(body + 8), buffer.getLong(body + 16),
                        buffer.getLong(body + 24), buffer.getLong(body + 32));
            }
            case MESSAGE_TYPE_TRADE -> {
                expectBody(type, bodyLength, TRADE_BODY_BYTES);
                listener.trade(symbol, buffer.getLong(body), buffer.getLong(body + 8), buffer.getLong(body + 16),
                        buffer.getByte(body + 24) == 'B', buffer.getLong(body + 25));
            }
            default -> throw new SimProtocolException("unknown message type: type=" + (char) type);
        }
    }

    private static void expectBody(byte type, int actual, int expected) {
        if (actual != expected) {
            throw new SimProtocolException("bad message length: type=" + (char) type + ", bodyLength=" + actual
                    + ", expected=" + expected);
        }
    }

    /** Malformed simulated-venue input. */
    public static final class SimProtocolException extends ProtocolException {

        public SimProtocolException(String message) {
            super(message);
        }
    }
}
