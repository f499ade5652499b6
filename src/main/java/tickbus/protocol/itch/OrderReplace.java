package tickbus.protocol.itch;

/**
 * Order Replace: an order was replaced by a new one with a new id, size and price, type {@code 'U'}, 35 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  originalOrderReferenceNumber
 *     19       8  newOrderReferenceNumber
 *     27       4  shares
 *     31       4  price
 * </pre>
 */
public final class OrderReplace extends Itch50Message<OrderReplace> {

    public static final int LENGTH = Itch50.ORDER_REPLACE_LENGTH;
    public static final int ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int NEW_ORDER_REFERENCE_NUMBER_OFFSET = 19;
    public static final int SHARES_OFFSET = 27;
    public static final int PRICE_OFFSET = 31;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_ORDER_REPLACE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The order replaced. */
    public long originalOrderReferenceNumber() {
        return readLong(ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET);
    }

    public OrderReplace originalOrderReferenceNumber(long originalOrderReferenceNumber) {
        return writeLong(ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET, originalOrderReferenceNumber);
    }

    /** The new order. */
    public long newOrderReferenceNumber() {
        return readLong(NEW_ORDER_REFERENCE_NUMBER_OFFSET);
    }

    public OrderReplace newOrderReferenceNumber(long newOrderReferenceNumber) {
        return writeLong(NEW_ORDER_REFERENCE_NUMBER_OFFSET, newOrderReferenceNumber);
    }

    /** The new displayed shares. */
    public long shares() {
        return readUnsignedInt(SHARES_OFFSET);
    }

    public OrderReplace shares(long shares) {
        return writeUnsignedInt(SHARES_OFFSET, shares, "shares");
    }

    /** The new limit price, Price(4). */
    public long price() {
        return readUnsignedInt(PRICE_OFFSET);
    }

    public OrderReplace price(long price) {
        return writeUnsignedInt(PRICE_OFFSET, price, "price");
    }

    @Override
    public String toString() {
        return "OrderReplace{" + headerToString() + ", "
                + "originalOrderReferenceNumber=" + originalOrderReferenceNumber() + ", "
                + "newOrderReferenceNumber=" + newOrderReferenceNumber() + ", "
                + "shares=" + shares() + ", "
                + "price=" + price() + "}";
    }
}
