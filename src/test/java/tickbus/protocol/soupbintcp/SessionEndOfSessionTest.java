package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.testing.FakeClock;
import tickbus.testing.RecordingSoupBinTcpClientListener;
import tickbus.testing.SoupBinTcpServerPackets;
import tickbus.testing.TestBytes;

/** Scenario: the server ends the session; the session is over for good, the close does not undo it. */
class SessionEndOfSessionTest {

    @Test
    void endOfSessionIsTerminal() {
        FakeClock clock = new FakeClock(0);
        RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
        SoupBinTcpClientSession session = new SoupBinTcpClientSession(SoupBinTcpClientConfig.of("u", "p"), clock,
                listener);
        session.connected();
        byte[] stream = TestBytes.concat(SoupBinTcpServerPackets.loginAccepted("S", 1),
                SoupBinTcpServerPackets.sequenced("last"), SoupBinTcpServerPackets.endOfSession());
        session.receive(stream, 0, stream.length);
        session.disconnected("server closed the connection");
        clock.advanceMillis(60_000);

        assertEquals(List.of(
                "DISCONNECTED -> LOGGING_IN (connected: requestedSession='', requestedSequenceNumber=1)",
                "LOGGING_IN -> LOGGED_IN (login accepted: session='S', sequenceNumber=1)",
                "message 1 last",
                "LOGGED_IN -> END_OF_SESSION (end of session: session='S', nextSequenceNumber=2)"),
                listener.events());
        assertEquals(SoupBinTcpClientState.END_OF_SESSION, session.state());
        assertFalse(session.clientHeartbeatDue());
        assertFalse(session.serverSilent());
        IllegalStateException error = assertThrows(IllegalStateException.class, session::connected);
        assertEquals("cannot connect: state=END_OF_SESSION, expected=DISCONNECTED or LOGIN_REJECTED",
                error.getMessage());
    }

    @Test
    void logoutWaitsForTheServerToClose() {
        RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
        SoupBinTcpClientSession session = new SoupBinTcpClientSession(SoupBinTcpClientConfig.of("u", "p"),
                new FakeClock(0), listener);
        session.connected();
        byte[] accepted = SoupBinTcpServerPackets.loginAccepted("S", 1);
        session.receive(accepted, 0, accepted.length);

        byte[] logout = session.logout();
        byte[] trailing = SoupBinTcpServerPackets.sequenced("in flight");
        session.receive(trailing, 0, trailing.length);
        session.disconnected("server closed the connection");

        assertArrayEquals(new byte[] {0, 1, 'O'}, logout);
        assertEquals(List.of(
                "LOGGED_IN -> LOGGING_OUT (logout requested)",
                "message 1 in flight",
                "LOGGING_OUT -> DISCONNECTED (server closed the connection)"),
                listener.events().subList(2, 5));
    }
}
