package tickbus.protocol.itch;

/**
 * Order Executed With Price: a resting order traded at another price than its limit, type {@code 'C'}, 36 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  orderReferenceNumber
 *     19       4  executedShares
 *     23       8  matchNumber
 *     31       1  printable
 *     32       4  executionPrice
 * </pre>
 */
public final class OrderExecutedWithPrice extends Itch50Message<OrderExecutedWithPrice> {

    public static final int LENGTH = Itch50.ORDER_EXECUTED_WITH_PRICE_LENGTH;
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int EXECUTED_SHARES_OFFSET = 19;
    public static final int MATCH_NUMBER_OFFSET = 23;
    public static final int PRINTABLE_OFFSET = 31;
    public static final int EXECUTION_PRICE_OFFSET = 32;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_ORDER_EXECUTED_WITH_PRICE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The resting order. */
    public long orderReferenceNumber() {
        return readLong(ORDER_REFERENCE_NUMBER_OFFSET);
    }

    public OrderExecutedWithPrice orderReferenceNumber(long orderReferenceNumber) {
        return writeLong(ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
    }

    /** Shares traded. */
    public long executedShares() {
        return readUnsignedInt(EXECUTED_SHARES_OFFSET);
    }

    public OrderExecutedWithPrice executedShares(long executedShares) {
        return writeUnsignedInt(EXECUTED_SHARES_OFFSET, executedShares, "executedShares");
    }

    /** The trade's id. */
    public long matchNumber() {
        return readLong(MATCH_NUMBER_OFFSET);
    }

    public OrderExecutedWithPrice matchNumber(long matchNumber) {
        return writeLong(MATCH_NUMBER_OFFSET, matchNumber);
    }

    /** Y when the execution should appear in volume and last-sale. */
    public byte printable() {
        return readByte(PRINTABLE_OFFSET);
    }

    public OrderExecutedWithPrice printable(byte printable) {
        return writeByte(PRINTABLE_OFFSET, printable);
    }

    /** The trade price, Price(4). */
    public long executionPrice() {
        return readUnsignedInt(EXECUTION_PRICE_OFFSET);
    }

    public OrderExecutedWithPrice executionPrice(long executionPrice) {
        return writeUnsignedInt(EXECUTION_PRICE_OFFSET, executionPrice, "executionPrice");
    }

    @Override
    public String toString() {
        return "OrderExecutedWithPrice{" + headerToString() + ", "
                + "orderReferenceNumber=" + orderReferenceNumber() + ", "
                + "executedShares=" + executedShares() + ", "
                + "matchNumber=" + matchNumber() + ", "
                + "printable=" + (char) printable() + ", "
                + "executionPrice=" + executionPrice() + "}";
    }
}
