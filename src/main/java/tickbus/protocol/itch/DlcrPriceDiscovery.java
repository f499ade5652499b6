package tickbus.protocol.itch;

/**
 * Direct Listing with Capital Raise Price Discovery, type {@code 'O'}, 48 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  stock
 *     19       1  openEligibilityStatus
 *     20       4  minimumAllowablePrice
 *     24       4  maximumAllowablePrice
 *     28       4  nearExecutionPrice
 *     32       8  nearExecutionTime
 *     40       4  lowerPriceRangeCollar
 *     44       4  upperPriceRangeCollar
 * </pre>
 */
public final class DlcrPriceDiscovery extends Itch50Message<DlcrPriceDiscovery> {

    public static final int LENGTH = Itch50.DLCR_PRICE_DISCOVERY_LENGTH;
    public static final int STOCK_OFFSET = 11;
    public static final int OPEN_ELIGIBILITY_STATUS_OFFSET = 19;
    public static final int MINIMUM_ALLOWABLE_PRICE_OFFSET = 20;
    public static final int MAXIMUM_ALLOWABLE_PRICE_OFFSET = 24;
    public static final int NEAR_EXECUTION_PRICE_OFFSET = 28;
    public static final int NEAR_EXECUTION_TIME_OFFSET = 32;
    public static final int LOWER_PRICE_RANGE_COLLAR_OFFSET = 40;
    public static final int UPPER_PRICE_RANGE_COLLAR_OFFSET = 44;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_DLCR_PRICE_DISCOVERY;
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

    public DlcrPriceDiscovery stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** Y when the cross may open. */
    public byte openEligibilityStatus() {
        return readByte(OPEN_ELIGIBILITY_STATUS_OFFSET);
    }

    public DlcrPriceDiscovery openEligibilityStatus(byte openEligibilityStatus) {
        return writeByte(OPEN_ELIGIBILITY_STATUS_OFFSET, openEligibilityStatus);
    }

    /** Price(4). */
    public long minimumAllowablePrice() {
        return readUnsignedInt(MINIMUM_ALLOWABLE_PRICE_OFFSET);
    }

    public DlcrPriceDiscovery minimumAllowablePrice(long minimumAllowablePrice) {
        return writeUnsignedInt(MINIMUM_ALLOWABLE_PRICE_OFFSET, minimumAllowablePrice, "minimumAllowablePrice");
    }

    /** Price(4). */
    public long maximumAllowablePrice() {
        return readUnsignedInt(MAXIMUM_ALLOWABLE_PRICE_OFFSET);
    }

    public DlcrPriceDiscovery maximumAllowablePrice(long maximumAllowablePrice) {
        return writeUnsignedInt(MAXIMUM_ALLOWABLE_PRICE_OFFSET, maximumAllowablePrice, "maximumAllowablePrice");
    }

    /** Price(4). */
    public long nearExecutionPrice() {
        return readUnsignedInt(NEAR_EXECUTION_PRICE_OFFSET);
    }

    public DlcrPriceDiscovery nearExecutionPrice(long nearExecutionPrice) {
        return writeUnsignedInt(NEAR_EXECUTION_PRICE_OFFSET, nearExecutionPrice, "nearExecutionPrice");
    }

    /** Nanoseconds since midnight. */
    public long nearExecutionTime() {
        return readLong(NEAR_EXECUTION_TIME_OFFSET);
    }

    public DlcrPriceDiscovery nearExecutionTime(long nearExecutionTime) {
        return writeLong(NEAR_EXECUTION_TIME_OFFSET, nearExecutionTime);
    }

    /** Price(4). */
    public long lowerPriceRangeCollar() {
        return readUnsignedInt(LOWER_PRICE_RANGE_COLLAR_OFFSET);
    }

    public DlcrPriceDiscovery lowerPriceRangeCollar(long lowerPriceRangeCollar) {
        return writeUnsignedInt(LOWER_PRICE_RANGE_COLLAR_OFFSET, lowerPriceRangeCollar, "lowerPriceRangeCollar");
    }

    /** Price(4). */
    public long upperPriceRangeCollar() {
        return readUnsignedInt(UPPER_PRICE_RANGE_COLLAR_OFFSET);
    }

    public DlcrPriceDiscovery upperPriceRangeCollar(long upperPriceRangeCollar) {
        return writeUnsignedInt(UPPER_PRICE_RANGE_COLLAR_OFFSET, upperPriceRangeCollar, "upperPriceRangeCollar");
    }

    @Override
    public String toString() {
        return "DlcrPriceDiscovery{" + headerToString() + ", "
                + "stock='" + stock() + "'" + ", "
                + "openEligibilityStatus=" + (char) openEligibilityStatus() + ", "
                + "minimumAllowablePrice=" + minimumAllowablePrice() + ", "
                + "maximumAllowablePrice=" + maximumAllowablePrice() + ", "
                + "nearExecutionPrice=" + nearExecutionPrice() + ", "
                + "nearExecutionTime=" + nearExecutionTime() + ", "
                + "lowerPriceRangeCollar=" + lowerPriceRangeCollar() + ", "
                + "upperPriceRangeCollar=" + upperPriceRangeCollar() + "}";
    }
}
