package tickbus.protocol.soupbintcp;

/** Everything a SoupBinTCP connection can count; the metrics glue registers one gauge per constant. */
public enum SoupBinTcpCounter {
    BYTES_RECEIVED("bytes received"),
    PACKETS_RECEIVED("complete packets received"),
    SEQUENCED_MESSAGES("Sequenced Data messages delivered"),
    DUPLICATE_MESSAGES("Sequenced Data messages dropped as already delivered"),
    GAP_MESSAGES("sequence numbers skipped by the server at login"),
    SERVER_HEARTBEATS("Server Heartbeat packets received"),
    DEBUG_PACKETS("Debug packets received"),
    PACKETS_SENT("packets sent"),
    CLIENT_HEARTBEATS_SENT("Client Heartbeat packets sent"),
    LOGINS_ACCEPTED("Login Accepted packets received"),
    LOGINS_REJECTED("Login Rejected packets received"),
    SESSION_CHANGES("logins that landed in another session than before"),
    ZERO_LENGTH_ERRORS("packets with length 0"),
    LENGTH_EXCEEDS_MAX_ERRORS("packets longer than the configured maximum"),
    UNKNOWN_PACKET_TYPE_ERRORS("packets of a type SoupBinTCP does not define"),
    UNEXPECTED_PACKET_ERRORS("packets this side or state must not receive"),
    MALFORMED_PAYLOAD_ERRORS("packets whose payload does not fit their type");

    private final String description;

    SoupBinTcpCounter(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The error counter for an error kind. */
    public static SoupBinTcpCounter of(SoupBinTcpException.Kind kind) {
        return switch (kind) {
            case ZERO_LENGTH -> ZERO_LENGTH_ERRORS;
            case LENGTH_EXCEEDS_MAX -> LENGTH_EXCEEDS_MAX_ERRORS;
            case UNKNOWN_PACKET_TYPE -> UNKNOWN_PACKET_TYPE_ERRORS;
            case UNEXPECTED_PACKET -> UNEXPECTED_PACKET_ERRORS;
            case MALFORMED_PAYLOAD -> MALFORMED_PAYLOAD_ERRORS;
        };
    }
}
