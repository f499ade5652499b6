package tickbus.protocol.itch;

/**
 * Net Order Imbalance Indicator: the state of the order imbalance ahead of a cross, type {@code 'I'}, 50 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  pairedShares
 *     19       8  imbalanceShares
 *     27       1  imbalanceDirection
 *     28       8  stock
 *     36       4  farPrice
 *     40       4  nearPrice
 *     44       4  currentReferencePrice
 *     48       1  crossType
 *     49       1  priceVariationIndicator
 * </pre>
 */
public final class Noii extends Itch50Message<Noii> {

    public static final int LENGTH = Itch50.NOII_LENGTH;
    public static final int PAIRED_SHARES_OFFSET = 11;
    public static final int IMBALANCE_SHARES_OFFSET = 19;
    public static final int IMBALANCE_DIRECTION_OFFSET = 27;
    public static final int STOCK_OFFSET = 28;
    public static final int FAR_PRICE_OFFSET = 36;
    public static final int NEAR_PRICE_OFFSET = 40;
    public static final int CURRENT_REFERENCE_PRICE_OFFSET = 44;
    public static final int CROSS_TYPE_OFFSET = 48;
    public static final int PRICE_VARIATION_INDICATOR_OFFSET = 49;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_NOII;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** Shares matchable at the current reference price. */
    public long pairedShares() {
        return readLong(PAIRED_SHARES_OFFSET);
    }

    public Noii pairedShares(long pairedShares) {
        return writeLong(PAIRED_SHARES_OFFSET, pairedShares);
    }

    /** Shares not paired. */
    public long imbalanceShares() {
        return readLong(IMBALANCE_SHARES_OFFSET);
    }

    public Noii imbalanceShares(long imbalanceShares) {
        return writeLong(IMBALANCE_SHARES_OFFSET, imbalanceShares);
    }

    /** B, S, N or O. */
    public byte imbalanceDirection() {
        return readByte(IMBALANCE_DIRECTION_OFFSET);
    }

    public Noii imbalanceDirection(byte imbalanceDirection) {
        return writeByte(IMBALANCE_DIRECTION_OFFSET, imbalanceDirection);
    }

    /** The symbol, without its padding. */
    public String stock() {
        return readAlpha(STOCK_OFFSET, 8);
    }

    /** The 8 raw bytes of {@link #stock()}, padding included, as one big-endian long. */
    public long stockRaw() {
        return readLong(STOCK_OFFSET);
    }

    public Noii stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** Far indicative price, Price(4). */
    public long farPrice() {
        return readUnsignedInt(FAR_PRICE_OFFSET);
    }

    public Noii farPrice(long farPrice) {
        return writeUnsignedInt(FAR_PRICE_OFFSET, farPrice, "farPrice");
    }

    /** Near indicative price, Price(4). */
    public long nearPrice() {
        return readUnsignedInt(NEAR_PRICE_OFFSET);
    }

    public Noii nearPrice(long nearPrice) {
        return writeUnsignedInt(NEAR_PRICE_OFFSET, nearPrice, "nearPrice");
    }

    /** Current reference price, Price(4). */
    public long currentReferencePrice() {
        return readUnsignedInt(CURRENT_REFERENCE_PRICE_OFFSET);
    }

    public Noii currentReferencePrice(long currentReferencePrice) {
        return writeUnsignedInt(CURRENT_REFERENCE_PRICE_OFFSET, currentReferencePrice, "currentReferencePrice");
    }

    /** O, C, H or A. */
    public byte crossType() {
        return readByte(CROSS_TYPE_OFFSET);
    }

    public Noii crossType(byte crossType) {
        return writeByte(CROSS_TYPE_OFFSET, crossType);
    }

    /** Distance of the near price from the reference. */
    public byte priceVariationIndicator() {
        return readByte(PRICE_VARIATION_INDICATOR_OFFSET);
    }

    public Noii priceVariationIndicator(byte priceVariationIndicator) {
        return writeByte(PRICE_VARIATION_INDICATOR_OFFSET, priceVariationIndicator);
    }

    @Override
    public String toString() {
        return "Noii{" + headerToString() + ", "
                + "pairedShares=" + pairedShares() + ", "
                + "imbalanceShares=" + imbalanceShares() + ", "
                + "imbalanceDirection=" + (char) imbalanceDirection() + ", "
                + "stock='" + stock() + "'" + ", "
                + "farPrice=" + farPrice() + ", "
                + "nearPrice=" + nearPrice() + ", "
                + "currentReferencePrice=" + currentReferencePrice() + ", "
                + "crossType=" + (char) crossType() + ", "
                + "priceVariationIndicator=" + (char) priceVariationIndicator() + "}";
    }
}
