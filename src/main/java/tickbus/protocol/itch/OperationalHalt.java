package tickbus.protocol.itch;

/**
 * Operational Halt: trading in an issue stopped or resumed on one Nasdaq market, type {@code 'h'}, 21 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  stock
 *     19       1  marketCode
 *     20       1  operationalHaltAction
 * </pre>
 */
public final class OperationalHalt extends Itch50Message<OperationalHalt> {

    public static final int LENGTH = Itch50.OPERATIONAL_HALT_LENGTH;
    public static final int STOCK_OFFSET = 11;
    public static final int MARKET_CODE_OFFSET = 19;
    public static final int OPERATIONAL_HALT_ACTION_OFFSET = 20;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_OPERATIONAL_HALT;
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

    public OperationalHalt stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** Q Nasdaq, B BX, X PSX. */
    public byte marketCode() {
        return readByte(MARKET_CODE_OFFSET);
    }

    public OperationalHalt marketCode(byte marketCode) {
        return writeByte(MARKET_CODE_OFFSET, marketCode);
    }

    /** H halted, T resumed. */
    public byte operationalHaltAction() {
        return readByte(OPERATIONAL_HALT_ACTION_OFFSET);
    }

    public OperationalHalt operationalHaltAction(byte operationalHaltAction) {
        return writeByte(OPERATIONAL_HALT_ACTION_OFFSET, operationalHaltAction);
    }

    @Override
    public String toString() {
        return "OperationalHalt{" + headerToString() + ", "
                + "stock='" + stock() + "'" + ", "
                + "marketCode=" + (char) marketCode() + ", "
                + "operationalHaltAction=" + (char) operationalHaltAction() + "}";
    }
}
