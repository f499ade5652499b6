package tickbus.protocol.itch;

/**
 * Stock Trading Action: the trading state changed, type {@code 'H'}, 25 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  stock
 *     19       1  tradingState
 *     20       1  reserved
 *     21       4  reason
 * </pre>
 */
public final class StockTradingAction extends Itch50Message<StockTradingAction> {

    public static final int LENGTH = Itch50.STOCK_TRADING_ACTION_LENGTH;
    public static final int STOCK_OFFSET = 11;
    public static final int TRADING_STATE_OFFSET = 19;
    public static final int RESERVED_OFFSET = 20;
    public static final int REASON_OFFSET = 21;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_STOCK_TRADING_ACTION;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The symbol, without its padding. */
    public String stock() {
        return readAlpha(STOCK_OFFSET, 8);
    }

    /** The 8 raw bytes of {@link #stock()}, padding included, as one big-endian long. */
    public long stockRaw() {
        return readLong(STOCK_OFFSET);
    }

    public StockTradingAction stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** H halted, P paused, Q quotation only, T trading. */
    public byte tradingState() {
        return readByte(TRADING_STATE_OFFSET);
    }

    public StockTradingAction tradingState(byte tradingState) {
        return writeByte(TRADING_STATE_OFFSET, tradingState);
    }

    /** Reserved. */
    public byte reserved() {
        return readByte(RESERVED_OFFSET);
    }

    public StockTradingAction reserved(byte reserved) {
        return writeByte(RESERVED_OFFSET, reserved);
    }

    /** The reason code, without its padding. */
    public String reason() {
        return readAlpha(REASON_OFFSET, 4);
    }

    /** The 4 raw bytes of {@link #reason()}, padding included, as one big-endian int. */
    public int reasonRaw() {
        return readInt(REASON_OFFSET);
    }

    public StockTradingAction reason(String reason) {
        return writeAlpha(REASON_OFFSET, 4, reason, "reason");
    }

    @Override
    public String toString() {
        return "StockTradingAction{" + headerToString() + ", "
                + "stock='" + stock() + "'" + ", "
                + "tradingState=" + (char) tradingState() + ", "
                + "reserved=" + (char) reserved() + ", "
                + "reason='" + reason() + "'" + "}";
    }
}
