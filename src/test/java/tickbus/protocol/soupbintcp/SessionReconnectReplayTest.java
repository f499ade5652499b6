package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.testing.FakeClock;
import tickbus.testing.RecordingSoupBinTcpClientListener;
import tickbus.testing.SoupBinTcpServerPackets;
import tickbus.testing.TestBytes;

/** Scenario: the connection drops; the client re-logs in at the next unseen sequence number of the same session. */
class SessionReconnectReplayTest {

    private final RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
    private final SoupBinTcpClientSession session = new SoupBinTcpClientSession(
            SoupBinTcpClientConfig.of("user", "secret"), new FakeClock(0), listener);

    private void receive(byte[]... parts) {
        byte[] stream = TestBytes.concat(parts);
        session.receive(stream, 0, stream.length);
    }

    @Test
    void reLoginRequestsTheSameSessionFromLastDeliveredPlusOne() {
        session.connected();
        receive(SoupBinTcpServerPackets.loginAccepted("S1", 1), SoupBinTcpServerPackets.sequenced("a", "b", "c"));
        byte[] partial = SoupBinTcpServerPackets.sequenced("d");
        session.receive(partial, 0, partial.length - 1);
        session.disconnected("connection reset");
        listener.drain();

        byte[] relogin = session.connected();
        receive(SoupBinTcpServerPackets.loginAccepted("S1", 4), SoupBinTcpServerPackets.sequenced("d", "e"));

        assertArrayEquals(new SoupBinTcp.LoginRequest("user", "secret", "S1", 4).encode(), relogin);
        assertEquals(List.of(
                "DISCONNECTED -> LOGGING_IN (connected: requestedSession='S1', requestedSequenceNumber=4)",
                "LOGGING_IN -> LOGGED_IN (login accepted: session='S1', sequenceNumber=4)",
                "message 4 d",
                "message 5 e"), listener.events());
    }

    @Test
    void messagesTheServerReplaysAgainAreDroppedAndCounted() {
        session.connected();
        receive(SoupBinTcpServerPackets.loginAccepted("S1", 1), SoupBinTcpServerPackets.sequenced("a", "b", "c"));
        session.disconnected("connection reset");
        session.connected();
        listener.drain();

        receive(SoupBinTcpServerPackets.loginAccepted("S1", 2), SoupBinTcpServerPackets.sequenced("b", "c", "d"));

        assertEquals(List.of(
                "LOGGING_IN -> LOGGED_IN (login accepted: session='S1', sequenceNumber=2)",
                "message 4 d"), listener.events());
        assertEquals(2, session.counters().get(SoupBinTcpCounter.DUPLICATE_MESSAGES));
        assertEquals(5, session.nextExpectedSequenceNumber());
    }

    @Test
    void aServerResumingPastTheRequestedNumberReportsTheGap() {
        session.connected();
        receive(SoupBinTcpServerPackets.loginAccepted("S1", 1), SoupBinTcpServerPackets.sequenced("a"));
        session.disconnected("connection reset");
        session.connected();
        listener.drain();

        receive(SoupBinTcpServerPackets.loginAccepted("S1", 7), SoupBinTcpServerPackets.sequenced("g"));

        assertEquals(List.of(
                "gap 2..6",
                "LOGGING_IN -> LOGGED_IN (login accepted: session='S1', sequenceNumber=7)",
                "message 7 g"), listener.events());
        assertEquals(5, session.counters().get(SoupBinTcpCounter.GAP_MESSAGES));
    }
}
