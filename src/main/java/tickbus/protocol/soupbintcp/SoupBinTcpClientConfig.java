package tickbus.protocol.soupbintcp;

import java.util.Objects;

/**
 * How a client logs in and what it tolerates.
 *
 * @param requestedSession the session to log into first; blank means the server's current session
 * @param firstSequenceNumber the first message wanted: 1 for the whole session, 0 for only new messages
 * @param maxPacketLength the largest packet length field accepted (type byte + payload)
 * @param serverTimeoutMillis how long the server may stay silent before the connection is considered dead
 */
public record SoupBinTcpClientConfig(String username, String password, String requestedSession,
        long firstSequenceNumber, int maxPacketLength, long serverTimeoutMillis) {

    public static final long CLIENT_HEARTBEAT_INTERVAL_MILLIS = 1_000;
    public static final long DEFAULT_SERVER_TIMEOUT_MILLIS = 15_000;
    /** Enough for every ITCH 5.0 message and the login packets; ITCH's longest message is 50 bytes. */
    public static final int DEFAULT_MAX_PACKET_LENGTH = 1_024;

    public SoupBinTcpClientConfig {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(requestedSession, "requestedSession");
        if (firstSequenceNumber < 0) {
            throw new IllegalArgumentException("firstSequenceNumber must not be negative: firstSequenceNumber="
                    + firstSequenceNumber + ", min=0");
        }
        int minPacketLength = 1 + SoupBinTcp.LoginAccepted.PAYLOAD_LENGTH;
        if (maxPacketLength < minPacketLength || maxPacketLength > SoupBinTcp.MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("maxPacketLength out of range: maxPacketLength=" + maxPacketLength
                    + ", min=" + minPacketLength + ", max=" + SoupBinTcp.MAX_PACKET_LENGTH);
        }
        if (serverTimeoutMillis <= CLIENT_HEARTBEAT_INTERVAL_MILLIS) {
            throw new IllegalArgumentException("serverTimeoutMillis must exceed the heartbeat interval: "
                    + "serverTimeoutMillis=" + serverTimeoutMillis + ", min=" + (CLIENT_HEARTBEAT_INTERVAL_MILLIS + 1));
        }
        // Fail now rather than at the first login.
        new SoupBinTcp.LoginRequest(username, password, requestedSession, firstSequenceNumber).encode();
    }

    /** Defaults: the current session from its first message, 1 KiB packets, 15 s server timeout. */
    public static SoupBinTcpClientConfig of(String username, String password) {
        return new SoupBinTcpClientConfig(username, password, "", 1, DEFAULT_MAX_PACKET_LENGTH,
                DEFAULT_SERVER_TIMEOUT_MILLIS);
    }

    public SoupBinTcpClientConfig withFirstSequenceNumber(long sequenceNumber) {
        return new SoupBinTcpClientConfig(username, password, requestedSession, sequenceNumber, maxPacketLength,
                serverTimeoutMillis);
    }

    public SoupBinTcpClientConfig withServerTimeoutMillis(long timeoutMillis) {
        return new SoupBinTcpClientConfig(username, password, requestedSession, firstSequenceNumber,
                maxPacketLength, timeoutMillis);
    }
}
