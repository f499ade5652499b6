package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.testing.FakeClock;
import tickbus.testing.RecordingSoupBinTcpClientListener;
import tickbus.testing.SoupBinTcpServerPackets;

/** Scenario: the server rejects the login; the client may retry later and then succeed. */
class SessionLoginRejectedTest {

    private final FakeClock clock = new FakeClock(0);
    private final RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
    private final SoupBinTcpClientSession session = new SoupBinTcpClientSession(
            SoupBinTcpClientConfig.of("user", "wrong"), clock, listener);

    @Test
    void rejectionIsAStateWithTheReasonAndARetryIsAllowed() {
        session.connected();
        byte[] rejected = SoupBinTcpServerPackets.loginRejected(SoupBinTcp.REJECT_REASON_NOT_AUTHORIZED);
        session.receive(rejected, 0, rejected.length);
        session.disconnected("server closed the connection");

        assertEquals(SoupBinTcpClientState.LOGIN_REJECTED, session.state());
        assertEquals("login rejected: not authorized (code='A' (0x41))", session.lastReason());
        assertFalse(session.clientHeartbeatDue());
        assertFalse(session.serverSilent());

        clock.advanceMillis(5_000);
        byte[] retry = session.connected();
        byte[] accepted = SoupBinTcpServerPackets.loginAccepted("S", 1);
        session.receive(accepted, 0, accepted.length);

        assertArrayEquals(new SoupBinTcp.LoginRequest("user", "wrong", "", 1).encode(), retry);
        assertEquals(List.of(
                "DISCONNECTED -> LOGGING_IN (connected: requestedSession='', requestedSequenceNumber=1)",
                "LOGGING_IN -> LOGIN_REJECTED (login rejected: not authorized (code='A' (0x41)))",
                "LOGIN_REJECTED -> LOGGING_IN (connected: requestedSession='', requestedSequenceNumber=1)",
                "LOGGING_IN -> LOGGED_IN (login accepted: session='S', sequenceNumber=1)"), listener.events());
        assertEquals(1, session.counters().get(SoupBinTcpCounter.LOGINS_REJECTED));
        assertEquals(1, session.counters().get(SoupBinTcpCounter.LOGINS_ACCEPTED));
    }

    @Test
    void sessionNotAvailableIsNamed() {
        session.connected();
        byte[] rejected = SoupBinTcpServerPackets.loginRejected(SoupBinTcp.REJECT_REASON_SESSION_NOT_AVAILABLE);
        session.receive(rejected, 0, rejected.length);

        assertEquals("login rejected: session not available (code='S' (0x53))", session.lastReason());
    }
}
