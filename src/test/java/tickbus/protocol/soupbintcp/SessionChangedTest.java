package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.testing.FakeClock;
import tickbus.testing.RecordingSoupBinTcpClientListener;
import tickbus.testing.SoupBinTcpServerPackets;
import tickbus.testing.TestBytes;

/** Scenario: after a reconnect the server puts the client into a new session; numbering restarts with it. */
class SessionChangedTest {

    @Test
    void aNewSessionIsReportedAndItsNumberingIsTakenAsIs() {
        RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
        SoupBinTcpClientSession session = new SoupBinTcpClientSession(SoupBinTcpClientConfig.of("u", "p"),
                new FakeClock(0), listener);
        session.connected();
        byte[] first = TestBytes.concat(SoupBinTcpServerPackets.loginAccepted("MONDAY", 1),
                SoupBinTcpServerPackets.sequenced("a", "b", "c"));
        session.receive(first, 0, first.length);
        session.disconnected("connection reset");
        session.connected();
        listener.drain();

        byte[] second = TestBytes.concat(SoupBinTcpServerPackets.loginAccepted("TUESDAY", 1),
                SoupBinTcpServerPackets.sequenced("x"));
        session.receive(second, 0, second.length);

        assertEquals(List.of(
                "session changed MONDAY -> TUESDAY at 1",
                "LOGGING_IN -> LOGGED_IN (login accepted: session='TUESDAY', sequenceNumber=1)",
                "message 1 x"), listener.events());
        assertEquals(1, session.counters().get(SoupBinTcpCounter.SESSION_CHANGES));
        assertEquals("TUESDAY", session.session());
    }
}
