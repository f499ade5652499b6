package tickbus.protocol.itch;

/**
 * Trade (non-cross): a non-displayed order traded, type {@code 'P'}, 44 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  orderReferenceNumber
 *     19       1  buySellIndicator
 *     20       4  shares
 *     24       8  stock
 *     32       4  price
 *     36       8  matchNumber
 * </pre>
 */
public final class NonCrossTrade extends Itch50Message<NonCrossTrade> {

    public static final int LENGTH = Itch50.TRADE_LENGTH;
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int BUY_SELL_INDICATOR_OFFSET = 19;
    public static final int SHARES_OFFSET = 20;
    public static final int STOCK_OFFSET = 24;
    public static final int PRICE_OFFSET = 32;
    public static final int MATCH_NUMBER_OFFSET = 36;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_TRADE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The non-displayed order, 0 since 2014. */
    public long orderReferenceNumber() {
        return readLong(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    public NonCrossTrade orderReferenceNumber(long orderReferenceNumber) {
        return writeLong(ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
    }

    /** Side of the non-displayed order: B or S. */
    public byte buySellIndicator() {
        return readByte(BUY_SELL_INDICATOR_OFFSET);
    }

    public NonCrossTrade buySellIndicator(byte buySellIndicator) {
        return writeByte(BUY_SELL_INDICATOR_OFFSET, buySellIndicator);
    }

    /** Shares traded. */
    public long shares() {
        return readUnsignedInt(SHARES_OFFSET);
    }

    public NonCrossTrade shares(long shares) {
        return writeUnsignedInt(SHARES_OFFSET, shares, "shares");
    }

    /** The symbol, without its padding. */
    public String stock() {
        return readAlpha(STOCK_OFFSET, 8);
    }

    /** The 8 raw bytes of {@link #stock()}, padding included, as one big-endian long. */
    public long stockRaw() {
        return readLong(STOCK_OFFSET);
    }

    public NonCrossTrade stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** The trade price, Price(4). */
    public long price() {
        return readUnsignedInt(PRICE_OFFSET);
    }

    public NonCrossTrade price(long price) {
        return writeUnsignedInt(PRICE_OFFSET, price, "price");
    }

    /** The trade's id. */
    public long matchNumber() {
        return readLong(MATCH_NUMBER_OFFSET);
    }

    public NonCrossTrade matchNumber(long matchNumber) {
        return writeLong(MATCH_NUMBER_OFFSET, matchNumber);
    }

    @Override
    public String toString() {
        return "NonCrossTrade{" + headerToString() + ", "
                + "orderReferenceNumber=" + orderReferenceNumber() + ", "
                + "buySellIndicator=" + (char) buySellIndicator() + ", "
                + "shares=" + shares() + ", "
                + "stock='" + stock() + "'" + ", "
                + "price=" + price() + ", "
                + "matchNumber=" + matchNumber() + "}";
    }
}
