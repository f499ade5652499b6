package tickbus.protocol.itch;

/**
 * MWCB Decline Level: the day's market-wide circuit breaker levels, type {@code 'V'}, 35 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  level1
 *     19       8  level2
 *     27       8  level3
 * </pre>
 */
public final class MwcbDeclineLevel extends Itch50Message<MwcbDeclineLevel> {

    public static final int LENGTH = Itch50.MWCB_DECLINE_LEVEL_LENGTH;
    public static final int LEVEL1_OFFSET = 11;
    public static final int LEVEL2_OFFSET = 19;
    public static final int LEVEL3_OFFSET = 27;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_MWCB_DECLINE_LEVEL;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** Level 1, Price(8). */
    public long level1() {
        return readLong(LEVEL1_OFFSET);
    }

    public MwcbDeclineLevel level1(long level1) {
        return writeLong(LEVEL1_OFFSET, level1);
    }

    /** Level 2, Price(8). */
    public long level2() {
        return readLong(LEVEL2_OFFSET);
    }

    public MwcbDeclineLevel level2(long level2) {
        return writeLong(LEVEL2_OFFSET, level2);
    }

    /** Level 3, Price(8). */
    public long level3() {
        return readLong(LEVEL3_OFFSET);
    }

    public MwcbDeclineLevel level3(long level3) {
        return writeLong(LEVEL3_OFFSET, level3);
    }

    @Override
    public String toString() {
        return "MwcbDeclineLevel{" + headerToString() + ", "
                + "level1=" + level1() + ", "
                + "level2=" + level2() + ", "
                + "level3=" + level3() + "}";
    }
}
