package tickbus.protocol.itch;

/**
 * Order Cancel: an order lost part of its shares, type {@code 'X'}, 23 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  orderReferenceNumber
 *     19       4  canceledShares
 * </pre>
 */
public final class OrderCancel extends Itch50Message<OrderCancel> {

    public static final int LENGTH = Itch50.ORDER_CANCEL_LENGTH;
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int CANCELED_SHARES_OFFSET = 19;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_ORDER_CANCEL;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The order. */
    public long orderReferenceNumber() {
        return readLong(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    public OrderCancel orderReferenceNumber(long orderReferenceNumber) {
        return writeLong(ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
    }

    /** Shares removed. */
    public long canceledShares() {
        return readUnsignedInt(CANCELED_SHARES_OFFSET);
    }

    public OrderCancel canceledShares(long canceledShares) {
        return writeUnsignedInt(CANCELED_SHARES_OFFSET, canceledShares, "canceledShares");
    }

    @Override
    public String toString() {
        return "OrderCancel{" + headerToString() + ", "
                + "orderReferenceNumber=" + orderReferenceNumber() + ", "
                + "canceledShares=" + canceledShares() + "}";
    }
}
