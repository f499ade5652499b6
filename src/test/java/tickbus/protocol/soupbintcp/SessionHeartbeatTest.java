package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.testing.FakeClock;
import tickbus.testing.RecordingSoupBinTcpClientListener;
import tickbus.testing.SoupBinTcpServerPackets;

/** Scenario: client heartbeats after 1 s without output; a server silent beyond the timeout is detected. */
class SessionHeartbeatTest {

    private final FakeClock clock = new FakeClock(10_000);
    private final RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
    private final SoupBinTcpClientSession session = new SoupBinTcpClientSession(
            SoupBinTcpClientConfig.of("user", "secret"), clock, listener);

    @BeforeEach
    void logIn() {
        session.connected();
        byte[] accepted = SoupBinTcpServerPackets.loginAccepted("S", 1);
        session.receive(accepted, 0, accepted.length);
    }

    @Test
    void clientHeartbeatIsDueAfterOneSecondWithoutOutput() {
        clock.advanceMillis(999);
        assertFalse(session.clientHeartbeatDue());

        clock.advanceMillis(1);
        assertTrue(session.clientHeartbeatDue());

        byte[] heartbeat = session.clientHeartbeat();
        assertArrayEquals(new byte[] {0, 1, 'R'}, heartbeat);
        assertFalse(session.clientHeartbeatDue());
        clock.advanceMillis(1_000);
        assertTrue(session.clientHeartbeatDue());
        assertEquals(1, session.counters().get(SoupBinTcpCounter.CLIENT_HEARTBEATS_SENT));
    }

    @Test
    void serverSilentBeyondTheTimeoutIsDetectedAndAnyBytesCountAsLife() {
        clock.advanceMillis(14_000);
        byte[] heartbeat = SoupBinTcpServerPackets.serverHeartbeat();
        session.receive(heartbeat, 0, 1);
        clock.advanceMillis(15_000);
        assertFalse(session.serverSilent());

        clock.advanceMillis(1);
        assertTrue(session.serverSilent());
        assertEquals("server silent: silentMillis=15001, timeoutMillis=15000", session.serverSilentReason());

        session.disconnected(session.serverSilentReason());
        assertEquals(SoupBinTcpClientState.DISCONNECTED, session.state());
        assertFalse(session.serverSilent());
        assertFalse(session.clientHeartbeatDue());
        assertEquals("LOGGED_IN -> DISCONNECTED (server silent: silentMillis=15001, timeoutMillis=15000)",
                listener.events().get(listener.events().size() - 1));
    }

    @Test
    void silenceCountsFromTheConnectionWhenTheServerNeverAnswers() {
        SoupBinTcpClientSession mute = new SoupBinTcpClientSession(
                SoupBinTcpClientConfig.of("user", "secret").withServerTimeoutMillis(3_000), clock, listener);
        mute.connected();
        clock.advanceMillis(3_001);

        assertTrue(mute.serverSilent());
        assertTrue(mute.clientHeartbeatDue());
    }
}
