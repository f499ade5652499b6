package tickbus.protocol.itch;

/**
 * Retail Price Improvement Indicator: retail interest on a side, type {@code 'N'}, 20 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  stock
 *     19       1  interestFlag
 * </pre>
 */
public final class Rpii extends Itch50Message<Rpii> {

    public static final int LENGTH = Itch50.RPII_LENGTH;
    public static final int STOCK_OFFSET = 11;
    public static final int INTEREST_FLAG_OFFSET = 19;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_RPII;
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

    public Rpii stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** B buy, S sell, A both, N none. */
    public byte interestFlag() {
        return readByte(INTEREST_FLAG_OFFSET);
    }

    public Rpii interestFlag(byte interestFlag) {
        return writeByte(INTEREST_FLAG_OFFSET, interestFlag);
    }

    @Override
    public String toString() {
        return "Rpii{" + headerToString() + ", "
                + "stock='" + stock() + "'" + ", "
                + "interestFlag=" + (char) interestFlag() + "}";
    }
}
