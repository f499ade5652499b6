package tickbus.protocol.itch;

/**
 * A flyweight over one ITCH 5.0 message in a byte array: getters read the bytes in place and setters write them,
 * so decoding allocates nothing and encoding uses the same layout. Every message starts with this header:
 *
 * <pre>
 * offset  length  field
 *      0       1  message type (alpha)
 *      1       2  stock locate (integer; 0 for market-wide messages)
 *      3       2  tracking number (integer)
 *      5       6  timestamp (nanoseconds since midnight, integer)
 *     11          message body
 * </pre>
 *
 * All integers are big-endian and unsigned; prices are integers with 4 implied decimals (8 for MWCB levels).
 * Instances handed to an {@link Itch50Listener} are reused: read them during the callback, never keep them.
 *
 * @param <T> the concrete message, so setters chain
 */
public abstract class Itch50Message<T extends Itch50Message<T>> {

    public static final int MESSAGE_TYPE_OFFSET = 0;
    public static final int STOCK_LOCATE_OFFSET = 1;
    public static final int TRACKING_NUMBER_OFFSET = 3;
    public static final int TIMESTAMP_OFFSET = 5;
    public static final int HEADER_LENGTH = 11;

    protected byte[] buffer;
    protected int offset;

    /** The message type byte, e.g. {@link Itch50#MESSAGE_TYPE_ADD_ORDER}. */
    public abstract byte messageType();

    /** The exact length of this message type in bytes, type byte included. */
    public abstract int length();

    /** Read the message that starts at {@code offset}; its type byte is not checked. */
    public final T wrap(byte[] buffer, int offset) {
        checkRange(buffer, offset);
        return wrapUnchecked(buffer, offset);
    }

    /** Start writing a message of this type at {@code offset}: writes the type byte; set the fields next. */
    public final T wrapForEncode(byte[] buffer, int offset) {
        checkRange(buffer, offset);
        buffer[offset] = messageType();
        return wrapUnchecked(buffer, offset);
    }

    final T wrapUnchecked(byte[] buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return self();
    }

    /** The buffer the message is in. */
    public final byte[] buffer() {
        return buffer;
    }

    /** Where the message starts in {@link #buffer()}. */
    public final int offset() {
        return offset;
    }

    public final int stockLocate() {
        return Itch50Bytes.getUnsignedShort(buffer, offset + STOCK_LOCATE_OFFSET);
    }

    public final T stockLocate(int stockLocate) {
        Itch50Bytes.putUnsignedShort(buffer, offset + STOCK_LOCATE_OFFSET, stockLocate, "stockLocate");
        return self();
    }

    public final int trackingNumber() {
        return Itch50Bytes.getUnsignedShort(buffer, offset + TRACKING_NUMBER_OFFSET);
    }

    public final T trackingNumber(int trackingNumber) {
        Itch50Bytes.putUnsignedShort(buffer, offset + TRACKING_NUMBER_OFFSET, trackingNumber, "trackingNumber");
        return self();
    }

    /** Nanoseconds since midnight (exchange local time). */
    public final long timestampNanos() {
        return Itch50Bytes.getUnsigned48(buffer, offset + TIMESTAMP_OFFSET);
    }

    public final T timestampNanos(long timestampNanos) {
        Itch50Bytes.putUnsigned48(buffer, offset + TIMESTAMP_OFFSET, timestampNanos, "timestampNanos");
        return self();
    }

    protected final byte readByte(int fieldOffset) {
        return buffer[offset + fieldOffset];
    }

    protected final T writeByte(int fieldOffset, byte value) {
        buffer[offset + fieldOffset] = value;
        return self();
    }

    protected final long readUnsignedInt(int fieldOffset) {
        return Itch50Bytes.getUnsignedInt(buffer, offset + fieldOffset);
    }

    protected final T writeUnsignedInt(int fieldOffset, long value, String field) {
        Itch50Bytes.putUnsignedInt(buffer, offset + fieldOffset, value, field);
        return self();
    }

    protected final long readLong(int fieldOffset) {
        return Itch50Bytes.getLong(buffer, offset + fieldOffset);
    }

    protected final T writeLong(int fieldOffset, long value) {
        Itch50Bytes.putLong(buffer, offset + fieldOffset, value);
        return self();
    }

    protected final int readInt(int fieldOffset) {
        return Itch50Bytes.getInt(buffer, offset + fieldOffset);
    }

    protected final short readShort(int fieldOffset) {
        return Itch50Bytes.getShort(buffer, offset + fieldOffset);
    }

    protected final String readAlpha(int fieldOffset, int width) {
        return Itch50Bytes.getAlpha(buffer, offset + fieldOffset, width);
    }

    protected final T writeAlpha(int fieldOffset, int width, String value, String field) {
        Itch50Bytes.putAlpha(buffer, offset + fieldOffset, width, value, field);
        return self();
    }

    /** The header fields for {@code toString()}. */
    protected final String headerToString() {
        return "stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() + ", timestampNanos="
                + timestampNanos();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    private void checkRange(byte[] buffer, int offset) {
        if (offset < 0 || offset > buffer.length - length()) {
            throw new IllegalArgumentException("message does not fit the buffer: type="
                    + Itch50Bytes.describe(messageType()) + ", offset=" + offset + ", length=" + length()
                    + ", capacity=" + buffer.length);
        }
    }
}
