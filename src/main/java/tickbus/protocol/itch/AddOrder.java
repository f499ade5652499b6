package tickbus.protocol.itch;

/**
 * Add Order (no MPID attribution): a new visible order on the book, type {@code 'A'}, 36 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  orderReferenceNumber
 *     19       1  buySellIndicator
 *     20       4  shares
 *     24       8  stock
 *     32       4  price
 * </pre>
 */
public final class AddOrder extends Itch50Message<AddOrder> {

    public static final int LENGTH = Itch50.ADD_ORDER_LENGTH;
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int BUY_SELL_INDICATOR_OFFSET = 19;
    public static final int SHARES_OFFSET = 20;
    public static final int STOCK_OFFSET = 24;
    public static final int PRICE_OFFSET = 32;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_ADD_ORDER;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The order's id for the day. */
    public long orderReferenceNumber() {
        return readLong(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    public AddOrder orderReferenceNumber(long orderReferenceNumber) {
        return writeLong(ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
    }

    /** B buy, S sell. */
    public byte buySellIndicator() {
        return readByte(BUY_SELL_INDICATOR_OFFSET);
    }

    public AddOrder buySellIndicator(byte buySellIndicator) {
        return writeByte(BUY_SELL_INDICATOR_OFFSET, buySellIndicator);
    }

    /** Displayed shares. */
    public long shares() {
        return readUnsignedInt(SHARES_OFFSET);
    }

    public AddOrder shares(long shares) {
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

    public AddOrder stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** Limit price, Price(4). */
    public long price() {
        return readUnsignedInt(PRICE_OFFSET);
    }

    public AddOrder price(long price) {
        return writeUnsignedInt(PRICE_OFFSET, price, "price");
    }

    @Override
    public String toString() {
        return "AddOrder{" + headerToString() + ", "
                + "orderReferenceNumber=" + orderReferenceNumber() + ", "
                + "buySellIndicator=" + (char) buySellIndicator() + ", "
                + "shares=" + shares() + ", "
                + "stock='" + stock() + "'" + ", "
                + "price=" + price() + "}";
    }
}
