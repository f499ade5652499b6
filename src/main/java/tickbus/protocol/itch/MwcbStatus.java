package tickbus.protocol.itch;

/**
 * MWCB Status: a market-wide circuit breaker level was breached, type {@code 'W'}, 12 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       1  breachedLevel
 * </pre>
 */
public final class MwcbStatus extends Itch50Message<MwcbStatus> {

    public static final int LENGTH = Itch50.MWCB_STATUS_LENGTH;
    public static final int BREACHED_LEVEL_OFFSET = 11;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_MWCB_STATUS;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** 1, 2 or 3. */
    public byte breachedLevel() {
        return readByte(BREACHED_LEVEL_OFFSET);
    }

    public MwcbStatus breachedLevel(byte breachedLevel) {
        return writeByte(BREACHED_LEVEL_OFFSET, breachedLevel);
    }

    @Override
    public String toString() {
        return "MwcbStatus{" + headerToString() + ", "
                + "breachedLevel=" + (char) breachedLevel() + "}";
    }
}
