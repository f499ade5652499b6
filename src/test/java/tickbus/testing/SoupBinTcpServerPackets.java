package tickbus.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import tickbus.protocol.soupbintcp.SoupBinTcp;

/** Scripted server output for client session tests, built with the production encoders. */
public final class SoupBinTcpServerPackets {

    private SoupBinTcpServerPackets() {
    }

    public static byte[] loginAccepted(String session, long sequenceNumber) {
        return new SoupBinTcp.LoginAccepted(session, sequenceNumber).encode();
    }

    public static byte[] loginRejected(byte reasonCode) {
        return new SoupBinTcp.LoginRejected(reasonCode).encode();
    }

    /** Sequenced Data packets carrying the given ASCII texts, back to back. */
    public static byte[] sequenced(String... texts) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String text : texts) {
            byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
            stream.writeBytes(SoupBinTcp.packet(SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA, payload, 0, payload.length));
        }
        return stream.toByteArray();
    }

    public static byte[] serverHeartbeat() {
        return SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_SERVER_HEARTBEAT);
    }

    public static byte[] endOfSession() {
        return SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_END_OF_SESSION);
    }
}
