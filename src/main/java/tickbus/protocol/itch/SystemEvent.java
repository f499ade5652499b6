package tickbus.protocol.itch;

/**
 * System Event: a market-wide event such as start or end of market hours, type {@code 'S'}, 12 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       1  eventCode
 * </pre>
 */
public final class SystemEvent extends Itch50Message<SystemEvent> {

    public static final int LENGTH = Itch50.SYSTEM_EVENT_LENGTH;
    public static final int EVENT_CODE_OFFSET = 11;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_SYSTEM_EVENT;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** What happened (O, S, Q, M, E, C). */
    public byte eventCode() {
        return readByte(EVENT_CODE_OFFSET);
    }

    public SystemEvent eventCode(byte eventCode) {
        return writeByte(EVENT_CODE_OFFSET, eventCode);
    }

    @Override
    public String toString() {
        return "SystemEvent{" + headerToString() + ", "
                + "eventCode=" + (char) eventCode() + "}";
    }
}
