package tickbus.protocol.itch;

/**
 * IPO Quoting Period Update: the anticipated IPO quotation release, type {@code 'K'}, 28 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  stock
 *     19       4  ipoQuotationReleaseTime
 *     23       1  ipoQuotationReleaseQualifier
 *     24       4  ipoPrice
 * </pre>
 */
public final class IpoQuotingPeriodUpdate extends Itch50Message<IpoQuotingPeriodUpdate> {

    public static final int LENGTH = Itch50.IPO_QUOTING_PERIOD_UPDATE_LENGTH;
    public static final int STOCK_OFFSET = 11;
    public static final int IPO_QUOTATION_RELEASE_TIME_OFFSET = 19;
    public static final int IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET = 23;
    public static final int IPO_PRICE_OFFSET = 24;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_IPO_QUOTING_PERIOD_UPDATE;
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

    public IpoQuotingPeriodUpdate stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** Seconds since midnight. */
    public long ipoQuotationReleaseTime() {
        return readUnsignedInt(IPO_QUOTATION_RELEASE_TIME_OFFSET);
    }

    public IpoQuotingPeriodUpdate ipoQuotationReleaseTime(long ipoQuotationReleaseTime) {
        return writeUnsignedInt(IPO_QUOTATION_RELEASE_TIME_OFFSET, ipoQuotationReleaseTime, "ipoQuotationReleaseTime");
    }

    /** A anticipated, C cancelled or postponed. */
    public byte ipoQuotationReleaseQualifier() {
        return readByte(IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET);
    }

    public IpoQuotingPeriodUpdate ipoQuotationReleaseQualifier(byte ipoQuotationReleaseQualifier) {
        return writeByte(IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET, ipoQuotationReleaseQualifier);
    }

    /** The IPO price, Price(4). */
    public long ipoPrice() {
        return readUnsignedInt(IPO_PRICE_OFFSET);
    }

    public IpoQuotingPeriodUpdate ipoPrice(long ipoPrice) {
        return writeUnsignedInt(IPO_PRICE_OFFSET, ipoPrice, "ipoPrice");
    }

    @Override
    public String toString() {
        return "IpoQuotingPeriodUpdate{" + headerToString() + ", "
                + "stock='" + stock() + "'" + ", "
                + "ipoQuotationReleaseTime=" + ipoQuotationReleaseTime() + ", "
                + "ipoQuotationReleaseQualifier=" + (char) ipoQuotationReleaseQualifier() + ", "
                + "ipoPrice=" + ipoPrice() + "}";
    }
}
