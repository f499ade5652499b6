package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tickbus.testing.FakeClock;
import tickbus.testing.RecordingSoupBinTcpClientListener;
import tickbus.testing.SoupBinTcpServerPackets;

/** Scenario: the server breaks the protocol; every error is typed, named and counted. */
class SessionProtocolErrorTest {

    private final SoupBinTcpClientSession session = new SoupBinTcpClientSession(
            SoupBinTcpClientConfig.of("u", "p"), new FakeClock(0), new RecordingSoupBinTcpClientListener());

    private SoupBinTcpException receiveFailing(byte[] bytes) {
        return assertThrows(SoupBinTcpException.class, () -> session.receive(bytes, 0, bytes.length));
    }

    @Test
    void dataBeforeLoginIsUnexpected() {
        session.connected();
        SoupBinTcpException error = receiveFailing(SoupBinTcpServerPackets.sequenced("early"));

        assertEquals(SoupBinTcpException.Kind.UNEXPECTED_PACKET, error.reason());
        assertEquals("unexpected packet for a client: type='S' (0x53), state=LOGGING_IN", error.getMessage());
        assertEquals(1, session.counters().get(SoupBinTcpCounter.UNEXPECTED_PACKET_ERRORS));
    }

    @Test
    void clientPacketTypesFromTheServerAreUnexpected() {
        session.connected();
        SoupBinTcpException error = receiveFailing(SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_CLIENT_HEARTBEAT));

        assertEquals("unexpected packet for a client: type='R' (0x52), state=LOGGING_IN", error.getMessage());
    }

    @Test
    void aShortLoginAcceptedIsMalformed() {
        session.connected();
        byte[] payload = new byte[29];
        SoupBinTcpException error = receiveFailing(SoupBinTcp.packet(SoupBinTcp.PACKET_TYPE_LOGIN_ACCEPTED,
                payload, 0, payload.length));

        assertEquals(SoupBinTcpException.Kind.MALFORMED_PAYLOAD, error.reason());
        assertEquals("Login Accepted payload length mismatch: length=29, expected=30", error.getMessage());
        assertEquals(1, session.counters().get(SoupBinTcpCounter.MALFORMED_PAYLOAD_ERRORS));
    }

    @Test
    void aLetterInTheSequenceNumberIsMalformed() {
        session.connected();
        byte[] packet = SoupBinTcpServerPackets.loginAccepted("S", 12);
        packet[packet.length - 1] = 'x';
        SoupBinTcpException error = receiveFailing(packet);

        assertEquals("sequenceNumber is not a number: sequenceNumber='1x', width=20", error.getMessage());
    }

    @Test
    void anOversizedPacketIsCountedByTheSession() {
        session.connected();
        SoupBinTcpException error = receiveFailing(new byte[] {0x04, 0x01, 'S'});

        assertEquals("packet length exceeds max: length=1025, max=1024", error.getMessage());
        assertEquals(1, session.counters().get(SoupBinTcpCounter.LENGTH_EXCEEDS_MAX_ERRORS));
    }
}
