package tickbus.protocol.itch;

/**
 * NASDAQ BinaryFILE framing, as in NASDAQ's historical ITCH files: each message is preceded by its length as a
 * 2-byte big-endian integer. The same bytes a SoupBinTCP Sequenced Data packet carries, without the packet type.
 */
public final class BinaryFile {

    public static final int LENGTH_FIELD_LENGTH = 2;
    public static final int MAX_MESSAGE_LENGTH = 0xFFFF;

    /** Receives one framed message; the bytes are valid only during the call. */
    @FunctionalInterface
    public interface MessageHandler {

        /** Receive one message. */
        void onMessage(byte[] buffer, int offset, int length);
    }

    private BinaryFile() {
    }

    /**
     * Hand every complete message in {@code buffer[offset, offset + length)} to the handler, in order. A frame of
     * length 0 carries no message and is skipped.
     *
     * @return the number of bytes consumed; the rest is the start of an incomplete frame, to be completed with
     *     the next read
     */
    public static int forEachMessage(byte[] buffer, int offset, int length, MessageHandler handler) {
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IllegalArgumentException("range out of bounds: offset=" + offset + ", length=" + length
                    + ", capacity=" + buffer.length);
        }
        int position = offset;
        int end = offset + length;
        while (end - position >= LENGTH_FIELD_LENGTH) {
            int messageLength = Itch50Bytes.getUnsignedShort(buffer, position);
            if (end - position - LENGTH_FIELD_LENGTH < messageLength) {
                break;
            }
            if (messageLength > 0) {
                handler.onMessage(buffer, position + LENGTH_FIELD_LENGTH, messageLength);
            }
            position += LENGTH_FIELD_LENGTH + messageLength;
        }
        return position - offset;
    }

    /**
     * Write one frame: the length field, then the message.
     *
     * @return the number of bytes written
     */
    public static int writeMessage(byte[] destination, int offset, byte[] message, int messageOffset,
            int messageLength) {
        Itch50Bytes.putUnsignedShort(destination, offset, messageLength, "messageLength");
        System.arraycopy(message, messageOffset, destination, offset + LENGTH_FIELD_LENGTH, messageLength);
        return LENGTH_FIELD_LENGTH + messageLength;
    }
}
