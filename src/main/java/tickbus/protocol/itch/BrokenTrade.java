package tickbus.protocol.itch;

/**
 * Broken Trade: an earlier execution was broken, type {@code 'B'}, 19 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  matchNumber
 * </pre>
 */
public final class BrokenTrade extends Itch50Message<BrokenTrade> {

    public static final int LENGTH = Itch50.BROKEN_TRADE_LENGTH;
    public static final int MATCH_NUMBER_OFFSET = 11;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_BROKEN_TRADE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The broken trade's id. */
    public long matchNumber() {
        return readLong(MATCH_NUMBER_OFFSET);
    }

    public BrokenTrade matchNumber(long matchNumber) {
        return writeLong(MATCH_NUMBER_OFFSET, matchNumber);
    }

    @Override
    public String toString() {
        return "BrokenTrade{" + headerToString() + ", "
                + "matchNumber=" + matchNumber() + "}";
    }
}
