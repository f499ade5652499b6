package tickbus.protocol.itch;

/**
 * Reg SHO Short Sale Price Test Restriction, type {@code 'Y'}, 20 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  stock
 *     19       1  regShoAction
 * </pre>
 */
public final class RegShoRestriction extends Itch50Message<RegShoRestriction> {

    public static final int LENGTH = Itch50.REG_SHO_RESTRICTION_LENGTH;
    public static final int STOCK_OFFSET = 11;
    public static final int REG_SHO_ACTION_OFFSET = 19;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_REG_SHO_RESTRICTION;
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

    public RegShoRestriction stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** 0 none, 1 intraday drop, 2 remains in effect. */
    public byte regShoAction() {
        return readByte(REG_SHO_ACTION_OFFSET);
    }

    public RegShoRestriction regShoAction(byte regShoAction) {
        return writeByte(REG_SHO_ACTION_OFFSET, regShoAction);
    }

    @Override
    public String toString() {
        return "RegShoRestriction{" + headerToString() + ", "
                + "stock='" + stock() + "'" + ", "
                + "regShoAction=" + (char) regShoAction() + "}";
    }
}
