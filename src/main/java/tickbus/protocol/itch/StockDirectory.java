package tickbus.protocol.itch;

/**
 * Stock Directory: one issue's attributes, sent at the start of the day, type {@code 'R'}, 39 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  stock
 *     19       1  marketCategory
 *     20       1  financialStatusIndicator
 *     21       4  roundLotSize
 *     25       1  roundLotsOnly
 *     26       1  issueClassification
 *     27       2  issueSubType
 *     29       1  authenticity
 *     30       1  shortSaleThresholdIndicator
 *     31       1  ipoFlag
 *     32       1  luldReferencePriceTier
 *     33       1  etpFlag
 *     34       4  etpLeverageFactor
 *     38       1  inverseIndicator
 * </pre>
 */
public final class StockDirectory extends Itch50Message<StockDirectory> {

    public static final int LENGTH = Itch50.STOCK_DIRECTORY_LENGTH;
    public static final int STOCK_OFFSET = 11;
    public static final int MARKET_CATEGORY_OFFSET = 19;
    public static final int FINANCIAL_STATUS_INDICATOR_OFFSET = 20;
    public static final int ROUND_LOT_SIZE_OFFSET = 21;
    public static final int ROUND_LOTS_ONLY_OFFSET = 25;
    public static final int ISSUE_CLASSIFICATION_OFFSET = 26;
    public static final int ISSUE_SUB_TYPE_OFFSET = 27;
    public static final int AUTHENTICITY_OFFSET = 29;
    public static final int SHORT_SALE_THRESHOLD_INDICATOR_OFFSET = 30;
    public static final int IPO_FLAG_OFFSET = 31;
    public static final int LULD_REFERENCE_PRICE_TIER_OFFSET = 32;
    public static final int ETP_FLAG_OFFSET = 33;
    public static final int ETP_LEVERAGE_FACTOR_OFFSET = 34;
    public static final int INVERSE_INDICATOR_OFFSET = 38;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_STOCK_DIRECTORY;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The symbol, space-padded, without its padding. */
    public String stock() {
        return readAlpha(STOCK_OFFSET, 8);
    }

    /** The 8 raw bytes of {@link #stock()}, padding included, as one big-endian long. */
    public long stockRaw() {
        return readLong(STOCK_OFFSET);
    }

    public StockDirectory stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** The listing market. */
    public byte marketCategory() {
        return readByte(MARKET_CATEGORY_OFFSET);
    }

    public StockDirectory marketCategory(byte marketCategory) {
        return writeByte(MARKET_CATEGORY_OFFSET, marketCategory);
    }

    /** Financial status of the issuer. */
    public byte financialStatusIndicator() {
        return readByte(FINANCIAL_STATUS_INDICATOR_OFFSET);
    }

    public StockDirectory financialStatusIndicator(byte financialStatusIndicator) {
        return writeByte(FINANCIAL_STATUS_INDICATOR_OFFSET, financialStatusIndicator);
    }

    /** Shares in a round lot. */
    public long roundLotSize() {
        return readUnsignedInt(ROUND_LOT_SIZE_OFFSET);
    }

    public StockDirectory roundLotSize(long roundLotSize) {
        return writeUnsignedInt(ROUND_LOT_SIZE_OFFSET, roundLotSize, "roundLotSize");
    }

    /** Y when only round lots are accepted. */
    public byte roundLotsOnly() {
        return readByte(ROUND_LOTS_ONLY_OFFSET);
    }

    public StockDirectory roundLotsOnly(byte roundLotsOnly) {
        return writeByte(ROUND_LOTS_ONLY_OFFSET, roundLotsOnly);
    }

    /** Security class. */
    public byte issueClassification() {
        return readByte(ISSUE_CLASSIFICATION_OFFSET);
    }

    public StockDirectory issueClassification(byte issueClassification) {
        return writeByte(ISSUE_CLASSIFICATION_OFFSET, issueClassification);
    }

    /** Security sub-type, without its padding. */
    public String issueSubType() {
        return readAlpha(ISSUE_SUB_TYPE_OFFSET, 2);
    }

    /** The 2 raw bytes of {@link #issueSubType()}, padding included, as one big-endian short. */
    public short issueSubTypeRaw() {
        return readShort(ISSUE_SUB_TYPE_OFFSET);
    }

    public StockDirectory issueSubType(String issueSubType) {
        return writeAlpha(ISSUE_SUB_TYPE_OFFSET, 2, issueSubType, "issueSubType");
    }

    /** P for production, T for test. */
    public byte authenticity() {
        return readByte(AUTHENTICITY_OFFSET);
    }

    public StockDirectory authenticity(byte authenticity) {
        return writeByte(AUTHENTICITY_OFFSET, authenticity);
    }

    /** Reg SHO threshold list membership. */
    public byte shortSaleThresholdIndicator() {
        return readByte(SHORT_SALE_THRESHOLD_INDICATOR_OFFSET);
    }

    public StockDirectory shortSaleThresholdIndicator(byte shortSaleThresholdIndicator) {
        return writeByte(SHORT_SALE_THRESHOLD_INDICATOR_OFFSET, shortSaleThresholdIndicator);
    }

    /** Y for a new IPO. */
    public byte ipoFlag() {
        return readByte(IPO_FLAG_OFFSET);
    }

    public StockDirectory ipoFlag(byte ipoFlag) {
        return writeByte(IPO_FLAG_OFFSET, ipoFlag);
    }

    /** LULD tier 1 or 2. */
    public byte luldReferencePriceTier() {
        return readByte(LULD_REFERENCE_PRICE_TIER_OFFSET);
    }

    public StockDirectory luldReferencePriceTier(byte luldReferencePriceTier) {
        return writeByte(LULD_REFERENCE_PRICE_TIER_OFFSET, luldReferencePriceTier);
    }

    /** Y for an exchange-traded product. */
    public byte etpFlag() {
        return readByte(ETP_FLAG_OFFSET);
    }

    public StockDirectory etpFlag(byte etpFlag) {
        return writeByte(ETP_FLAG_OFFSET, etpFlag);
    }

    /** The ETP's leverage factor. */
    public long etpLeverageFactor() {
        return readUnsignedInt(ETP_LEVERAGE_FACTOR_OFFSET);
    }

    public StockDirectory etpLeverageFactor(long etpLeverageFactor) {
        return writeUnsignedInt(ETP_LEVERAGE_FACTOR_OFFSET, etpLeverageFactor, "etpLeverageFactor");
    }

    /** Y for an inverse ETP. */
    public byte inverseIndicator() {
        return readByte(INVERSE_INDICATOR_OFFSET);
    }

    public StockDirectory inverseIndicator(byte inverseIndicator) {
        return writeByte(INVERSE_INDICATOR_OFFSET, inverseIndicator);
    }

    @Override
    public String toString() {
        return "StockDirectory{" + headerToString() + ", "
                + "stock='" + stock() + "'" + ", "
                + "marketCategory=" + (char) marketCategory() + ", "
                + "financialStatusIndicator=" + (char) financialStatusIndicator() + ", "
                + "roundLotSize=" + roundLotSize() + ", "
                + "roundLotsOnly=" + (char) roundLotsOnly() + ", "
                + "issueClassification=" + (char) issueClassification() + ", "
                + "issueSubType='" + issueSubType() + "'" + ", "
                + "authenticity=" + (char) authenticity() + ", "
                + "shortSaleThresholdIndicator=" + (char) shortSaleThresholdIndicator() + ", "
                + "ipoFlag=" + (char) ipoFlag() + ", "
                + "luldReferencePriceTier=" + (char) luldReferencePriceTier() + ", "
                + "etpFlag=" + (char) etpFlag() + ", "
                + "etpLeverageFactor=" + etpLeverageFactor() + ", "
                + "inverseIndicator=" + (char) inverseIndicator() + "}";
    }
}
