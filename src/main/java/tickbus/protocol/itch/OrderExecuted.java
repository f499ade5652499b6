package tickbus.protocol.itch;

/**
 * Order Executed: part or all of a resting order traded at its limit price, type {@code 'E'}, 31 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  orderReferenceNumber
 *     19       4  executedShares
 *     23       8  matchNumber
 * </pre>
 */
public final class OrderExecuted extends Itch50Message<OrderExecuted> {

    public static final int LENGTH = Itch50.ORDER_EXECUTED_LENGTH;
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int EXECUTED_SHARES_OFFSET = 19;
    public static final int MATCH_NUMBER_OFFSET = 23;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_ORDER_EXECUTED;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The resting order. */
    public long orderReferenceNumber() {
        return readLong(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    public OrderExecuted orderReferenceNumber(long orderReferenceNumber) {
        return writeLong(ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
    }

    /** Shares traded. */
    public long executedShares() {
        return readUnsignedInt(EXECUTED_SHARES_OFFSET);
    }

    public OrderExecuted executedShares(long executedShares) {
        return writeUnsignedInt(EXECUTED_SHARES_OFFSET, executedShares, "executedShares");
    }

    /** The trade's id. */
    public long matchNumber() {
        return readLong(MATCH_NUMBER_OFFSET);
    }

    public OrderExecuted matchNumber(long matchNumber) {
        return writeLong(MATCH_NUMBER_OFFSET, matchNumber);
    }

    @Override
    public String toString() {
        return "OrderExecuted{" + headerToString() + ", "
                + "orderReferenceNumber=" + orderReferenceNumber() + ", "
                + "executedShares=" + executedShares() + ", "
                + "matchNumber=" + matchNumber() + "}";
    }
}
