package tickbus.protocol.soupbintcp;

/**
 * SoupBinTCP 4.0 definitions, encoders for every packet type and the payload records of the login packets.
 *
 * <pre>
 *  0                   1                   2
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 ...
 * +-------------------------------+---------------+-------------
 * |  packet length (big-endian)   |  packet type  |  payload ...
 * +-------------------------------+---------------+-------------
 *   packet length = 1 (type) + payload length, so at least 1 and at most 65535
 * </pre>
 *
 * Alpha fields are ASCII, left-justified and padded with spaces on the right, except session ids, which are
 * right-justified (padded on the left); numeric fields are ASCII digits, right-justified and padded with spaces.
 */
public final class SoupBinTcp {

    /** Either side: free text. */
    public static final byte PACKET_TYPE_DEBUG = '+';
    /** Server: the login succeeded; payload session + next sequence number. */
    public static final byte PACKET_TYPE_LOGIN_ACCEPTED = 'A';
    /** Server: the login failed; payload a reject reason code. */
    public static final byte PACKET_TYPE_LOGIN_REJECTED = 'J';
    /** Server: one message of the session's sequenced stream. */
    public static final byte PACKET_TYPE_SEQUENCED_DATA = 'S';
    /** Server: nothing else was sent for a second. */
    public static final byte PACKET_TYPE_SERVER_HEARTBEAT = 'H';
    /** Server: the session is over; no more data will ever follow. */
    public static final byte PACKET_TYPE_END_OF_SESSION = 'Z';
    /** Client: log in with credentials, session and sequence number. */
    public static final byte PACKET_TYPE_LOGIN_REQUEST = 'L';
    /** Client: one message outside the sequenced stream. */
    public static final byte PACKET_TYPE_UNSEQUENCED_DATA = 'U';
    /** Client: nothing else was sent for a second. */
    public static final byte PACKET_TYPE_CLIENT_HEARTBEAT = 'R';
    /** Client: end the connection gracefully. */
    public static final byte PACKET_TYPE_LOGOUT_REQUEST = 'O';

    public static final int LENGTH_FIELD_LENGTH = 2;
    public static final int HEADER_LENGTH = 3;
    /** The largest value the packet length field can hold (type byte + payload). */
    public static final int MAX_PACKET_LENGTH = 65535;
    public static final int MAX_PAYLOAD_LENGTH = MAX_PACKET_LENGTH - 1;

    public static final int USERNAME_LENGTH = 6;
    public static final int PASSWORD_LENGTH = 10;
    public static final int SESSION_LENGTH = 10;
    public static final int SEQUENCE_NUMBER_LENGTH = 20;

    public static final byte REJECT_REASON_NOT_AUTHORIZED = 'A';
    public static final byte REJECT_REASON_SESSION_NOT_AVAILABLE = 'S';

    private SoupBinTcp() {
    }

    /** Whether SoupBinTCP 4.0 defines this packet type. */
    public static boolean isPacketType(byte packetType) {
        return switch (packetType) {
            case PACKET_TYPE_DEBUG, PACKET_TYPE_LOGIN_ACCEPTED, PACKET_TYPE_LOGIN_REJECTED,
                    PACKET_TYPE_SEQUENCED_DATA, PACKET_TYPE_SERVER_HEARTBEAT, PACKET_TYPE_END_OF_SESSION,
                    PACKET_TYPE_LOGIN_REQUEST, PACKET_TYPE_UNSEQUENCED_DATA, PACKET_TYPE_CLIENT_HEARTBEAT,
                    PACKET_TYPE_LOGOUT_REQUEST -> true;
            default -> false;
        };
    }

    /** A type or code byte for messages: the character and its code, e.g. {@code 'S' (0x53)}. */
    public static String describeByte(byte value) {
        char c = (char) (value & 0xFF);
        String hex = String.format("0x%02X", value & 0xFF);
        return c >= 0x20 && c < 0x7F ? "'" + c + "' (" + hex + ")" : hex;
    }

    /**
     * Write a packet header (length field and type) for a payload of {@code payloadLength} bytes.
     *
     * @return the number of bytes written, always {@link #HEADER_LENGTH}
     */
    public static int writeHeader(byte[] destination, int offset, byte packetType, int payloadLength) {
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("payload length out of range: length=" + payloadLength
                    + ", min=0, max=" + MAX_PAYLOAD_LENGTH);
        }
        int packetLength = payloadLength + 1;
        destination[offset] = (byte) (packetLength >>> 8);
        destination[offset + 1] = (byte) packetLength;
        destination[offset + 2] = packetType;
        return HEADER_LENGTH;
    }

    /**
     * Write a whole packet: header plus payload.
     *
     * @return the number of bytes written
     */
    public static int writePacket(byte[] destination, int offset, byte packetType, byte[] payload, int payloadOffset,
            int payloadLength) {
        writeHeader(destination, offset, packetType, payloadLength);
        System.arraycopy(payload, payloadOffset, destination, offset + HEADER_LENGTH, payloadLength);
        return HEADER_LENGTH + payloadLength;
    }

    /** A new packet with a payload: Sequenced Data, Unsequenced Data or Debug. */
    public static byte[] packet(byte packetType, byte[] payload, int payloadOffset, int payloadLength) {
        byte[] packet = new byte[HEADER_LENGTH + payloadLength];
        writePacket(packet, 0, packetType, payload, payloadOffset, payloadLength);
        return packet;
    }

    /** A new packet without payload: heartbeats, End of Session, Logout Request. */
    public static byte[] emptyPacket(byte packetType) {
        byte[] packet = new byte[HEADER_LENGTH];
        writeHeader(packet, 0, packetType, 0);
        return packet;
    }

    /** A new Debug packet carrying ASCII text. */
    public static byte[] debugPacket(String text) {
        byte[] payload = AsciiFields.bytes("debug text", text);
        return packet(PACKET_TYPE_DEBUG, payload, 0, payload.length);
    }

    /** The text of a Debug packet payload. */
    public static String debugText(byte[] buffer, int payloadOffset, int payloadLength) {
        return AsciiFields.string(buffer, payloadOffset, payloadLength);
    }

    /** The Login Request payload: credentials and where to start. A blank session means the current one. */
    public record LoginRequest(String username, String password, String requestedSession,
            long requestedSequenceNumber) {

        public static final int PAYLOAD_LENGTH = USERNAME_LENGTH + PASSWORD_LENGTH + SESSION_LENGTH
                + SEQUENCE_NUMBER_LENGTH;

        /** The whole packet, header included. */
        public byte[] encode() {
            byte[] packet = new byte[HEADER_LENGTH + PAYLOAD_LENGTH];
            int offset = writeHeader(packet, 0, PACKET_TYPE_LOGIN_REQUEST, PAYLOAD_LENGTH);
            offset = AsciiFields.putLeft(packet, offset, USERNAME_LENGTH, "username", username);
            offset = AsciiFields.putLeft(packet, offset, PASSWORD_LENGTH, "password", password);
            offset = AsciiFields.putRight(packet, offset, SESSION_LENGTH, "requestedSession", requestedSession);
            AsciiFields.putNumber(packet, offset, SEQUENCE_NUMBER_LENGTH, "requestedSequenceNumber",
                    requestedSequenceNumber);
            return packet;
        }

        public static LoginRequest decode(byte[] buffer, int payloadOffset, int payloadLength) {
            AsciiFields.checkPayloadLength("Login Request", payloadLength, PAYLOAD_LENGTH);
            int offset = payloadOffset;
            String username = AsciiFields.string(buffer, offset, USERNAME_LENGTH);
            offset += USERNAME_LENGTH;
            String password = AsciiFields.string(buffer, offset, PASSWORD_LENGTH);
            offset += PASSWORD_LENGTH;
            String session = AsciiFields.string(buffer, offset, SESSION_LENGTH);
            offset += SESSION_LENGTH;
            long sequence = AsciiFields.number(buffer, offset, SEQUENCE_NUMBER_LENGTH, "requestedSequenceNumber");
            return new LoginRequest(username, password, session, sequence);
        }
    }

    /** The Login Accepted payload: the session logged into and the sequence number of its next message. */
    public record LoginAccepted(String session, long sequenceNumber) {

        public static final int PAYLOAD_LENGTH = SESSION_LENGTH + SEQUENCE_NUMBER_LENGTH;

        public byte[] encode() {
            byte[] packet = new byte[HEADER_LENGTH + PAYLOAD_LENGTH];
            int offset = writeHeader(packet, 0, PACKET_TYPE_LOGIN_ACCEPTED, PAYLOAD_LENGTH);
            offset = AsciiFields.putRight(packet, offset, SESSION_LENGTH, "session", session);
            AsciiFields.putNumber(packet, offset, SEQUENCE_NUMBER_LENGTH, "sequenceNumber", sequenceNumber);
            return packet;
        }

        public static LoginAccepted decode(byte[] buffer, int payloadOffset, int payloadLength) {
            AsciiFields.checkPayloadLength("Login Accepted", payloadLength, PAYLOAD_LENGTH);
            String session = AsciiFields.string(buffer, payloadOffset, SESSION_LENGTH);
            long sequence = AsciiFields.number(buffer, payloadOffset + SESSION_LENGTH, SEQUENCE_NUMBER_LENGTH,
                    "sequenceNumber");
            return new LoginAccepted(session, sequence);
        }
    }

    /** The Login Rejected payload: why ({@link #REJECT_REASON_NOT_AUTHORIZED} or session not available). */
    public record LoginRejected(byte reasonCode) {

        public static final int PAYLOAD_LENGTH = 1;

        public byte[] encode() {
            byte[] packet = new byte[HEADER_LENGTH + PAYLOAD_LENGTH];
            writeHeader(packet, 0, PACKET_TYPE_LOGIN_REJECTED, PAYLOAD_LENGTH);
            packet[HEADER_LENGTH] = reasonCode;
            return packet;
        }

        /** The reason in words, e.g. {@code not authorized (code=A)}. */
        public String reason() {
            String words = switch (reasonCode) {
                case REJECT_REASON_NOT_AUTHORIZED -> "not authorized";
                case REJECT_REASON_SESSION_NOT_AVAILABLE -> "session not available";
                default -> "unknown reason";
            };
            return words + " (code=" + describeByte(reasonCode) + ")";
        }

        public static LoginRejected decode(byte[] buffer, int payloadOffset, int payloadLength) {
            AsciiFields.checkPayloadLength("Login Rejected", payloadLength, PAYLOAD_LENGTH);
            return new LoginRejected(buffer[payloadOffset]);
        }
    }
}
