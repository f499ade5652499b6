package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.testing.FakeClock;
import tickbus.testing.RecordingSoupBinTcpClientListener;
import tickbus.testing.SoupBinTcpServerPackets;
import tickbus.testing.TestBytes;

/** Scenario: the client logs in, the server accepts and streams sequenced messages. */
class SessionLoginAcceptedTest {

    private final FakeClock clock = new FakeClock(1_000);
    private final RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
    private final SoupBinTcpClientSession session = new SoupBinTcpClientSession(
            SoupBinTcpClientConfig.of("user", "secret"), clock, listener);

    @Test
    void logsInAndDeliversMessagesWithTheirSequenceNumbers() {
        byte[] login = session.connected();
        byte[] stream = TestBytes.concat(SoupBinTcpServerPackets.loginAccepted("SESSION1", 1),
                SoupBinTcpServerPackets.sequenced("first", "second"), SoupBinTcpServerPackets.serverHeartbeat(),
                SoupBinTcpServerPackets.sequenced("third"));
        session.receive(stream, 0, stream.length);

        assertArrayEquals(new SoupBinTcp.LoginRequest("user", "secret", "", 1).encode(), login);
        assertEquals(List.of(
                "DISCONNECTED -> LOGGING_IN (connected: requestedSession='', requestedSequenceNumber=1)",
                "LOGGING_IN -> LOGGED_IN (login accepted: session='SESSION1', sequenceNumber=1)",
                "message 1 first",
                "message 2 second",
                "message 3 third"), listener.events());
        assertEquals(SoupBinTcpClientState.LOGGED_IN, session.state());
        assertEquals("SESSION1", session.session());
        assertEquals(4, session.nextExpectedSequenceNumber());
        assertEquals(3, session.counters().get(SoupBinTcpCounter.SEQUENCED_MESSAGES));
        assertEquals(1, session.counters().get(SoupBinTcpCounter.SERVER_HEARTBEATS));
        assertEquals(5, session.counters().get(SoupBinTcpCounter.PACKETS_RECEIVED));
        assertEquals(stream.length, session.counters().get(SoupBinTcpCounter.BYTES_RECEIVED));
    }

    @Test
    void startingFromNewMessagesOnlyTakesTheServersSequenceNumber() {
        SoupBinTcpClientSession live = new SoupBinTcpClientSession(
                SoupBinTcpClientConfig.of("user", "secret").withFirstSequenceNumber(0), clock, listener);
        live.connected();
        byte[] stream = TestBytes.concat(SoupBinTcpServerPackets.loginAccepted("SESSION1", 500),
                SoupBinTcpServerPackets.sequenced("live"));
        live.receive(stream, 0, stream.length);

        assertEquals("message 500 live", listener.events().get(listener.events().size() - 1));
        assertEquals(0, live.counters().get(SoupBinTcpCounter.GAP_MESSAGES));
        assertEquals(501, live.nextExpectedSequenceNumber());
    }
}
