package tickbus.protocol.soupbintcp;

import tickbus.protocol.ProtocolException;

/** Bad SoupBinTCP input; after one, the connection must be dropped (the stream cannot be resynchronised). */
public class SoupBinTcpException extends ProtocolException {

    /** What went wrong, one counter each in {@link SoupBinTcpCounters}. */
    public enum Kind {
        /** A packet length field of 0: every packet has at least a type byte. */
        ZERO_LENGTH,
        /** A packet length field over the configured maximum. */
        LENGTH_EXCEEDS_MAX,
        /** A packet type SoupBinTCP 4.0 does not define. */
        UNKNOWN_PACKET_TYPE,
        /** A defined packet type this side or this state must not receive. */
        UNEXPECTED_PACKET,
        /** A packet whose payload does not have the layout of its type. */
        MALFORMED_PAYLOAD
    }

    private final Kind kind;

    public SoupBinTcpException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind reason() {
        return kind;
    }

    @Override
    public String kind() {
        return "soupbintcp-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
