package tickbus.protocol.itch;

/**
 * Order Delete: an order left the book, type {@code 'D'}, 19 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  orderReferenceNumber
 * </pre>
 */
public final class OrderDelete extends Itch50Message<OrderDelete> {

    public static final int LENGTH = Itch50.ORDER_DELETE_LENGTH;
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_ORDER_DELETE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The order. */
    public long orderReferenceNumber() {
        return readLong(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    public OrderDelete orderReferenceNumber(long orderReferenceNumber) {
        return writeLong(ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
    }

    @Override
    public String toString() {
        return "OrderDelete{" + headerToString() + ", "
                + "orderReferenceNumber=" + orderReferenceNumber() + "}";
    }
}
