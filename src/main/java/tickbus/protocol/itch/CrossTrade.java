package tickbus.protocol.itch;

/**
 * Cross Trade: the bulk print of an opening, closing, IPO or halt cross, type {@code 'Q'}, 40 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  shares
 *     19       8  stock
 *     27       4  crossPrice
 *     31       8  matchNumber
 *     39       1  crossType
 * </pre>
 */
public final class CrossTrade extends Itch50Message<CrossTrade> {

    public static final int LENGTH = Itch50.CROSS_TRADE_LENGTH;
    public static final int SHARES_OFFSET = 11;
    public static final int STOCK_OFFSET = 19;
    public static final int CROSS_PRICE_OFFSET = 27;
    public static final int MATCH_NUMBER_OFFSET = 31;
    public static final int CROSS_TYPE_OFFSET = 39;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_CROSS_TRADE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** Shares matched in the cross. */
    public long shares() {
        return readLong(SHARES_OFFSET);
    }

    public CrossTrade shares(long shares) {
        return writeLong(SHARES_OFFSET, shares);
    }

    /** The symbol, without its padding. */
    public String stock() {
        return readAlpha(STOCK_OFFSET, 8);
    }

    /** The 8 raw bytes of {@link #stock()}, padding included, as one big-endian long. */
    public long stockRaw() {
        return readLong(STOCK_OFFSET);
    }

    public CrossTrade stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** The cross price, Price(4). */
    public long crossPrice() {
        return readUnsignedInt(CROSS_PRICE_OFFSET);
    }

    public CrossTrade crossPrice(long crossPrice) {
        return writeUnsignedInt(CROSS_PRICE_OFFSET, crossPrice, "crossPrice");
    }

    /** The trade's id. */
    public long matchNumber() {
        return readLong(MATCH_NUMBER_OFFSET);
    }

    public CrossTrade matchNumber(long matchNumber) {
        return writeLong(MATCH_NUMBER_OFFSET, matchNumber);
    }

    /** O opening, C closing, H IPO or halt, I intraday. */
    public byte crossType() {
        return readByte(CROSS_TYPE_OFFSET);
    }

    public CrossTrade crossType(byte crossType) {
        return writeByte(CROSS_TYPE_OFFSET, crossType);
    }

    @Override
    public String toString() {
        return "CrossTrade{" + headerToString() + ", "
                + "shares=" + shares() + ", "
                + "stock='" + stock() + "'" + ", "
                + "crossPrice=" + crossPrice() + ", "
                + "matchNumber=" + matchNumber() + ", "
                + "crossType=" + (char) crossType() + "}";
    }
}
