package tickbus.sim.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.protocol.soupbintcp.SoupBinTcp;
import tickbus.protocol.soupbintcp.SoupBinTcpClientConfig;
import tickbus.protocol.soupbintcp.SoupBinTcpClientSession;
import tickbus.protocol.soupbintcp.SoupBinTcpClientState;
import tickbus.protocol.soupbintcp.SoupBinTcpCounter;
import tickbus.testing.Await;
import tickbus.testing.FakeClock;
import tickbus.testing.ListItchSource;
import tickbus.testing.RecordingSoupBinTcpClientListener;

/**
 * The simulator's SoupBinTCP server side, seen by our pure client session over a blocking loopback socket: replay
 * from the requested number, only new messages for 0, the reject reasons, idle heartbeats, a reset at an exact
 * stream offset, logout. Reads are bounded by a socket timeout, never a sleep.
 */
class ItchSimServerIT {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Vertx vertx = Vertx.vertx();
    private final RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
    private ItchSimServer sim;
    private Socket socket;
    private SoupBinTcpClientSession session;
    private long startedNanos;

    @AfterEach
    void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        Await.result(vertx.close());
    }

    @Test
    void replaysFromTheRequestedSequenceNumber() throws IOException {
        start(new JsonObject(), 10);
        login("alice", "", 8);
        readUntil(() -> listener.events().size() == 4);
        assertEquals(List.of("LOGGING_IN -> LOGGED_IN (login accepted: session='SIM1', sequenceNumber=8)",
                "message 8 m8", "message 9 m9", "message 10 m10"), listener.events().subList(0, 4));
    }

    @Test
    void aSubMillisecondPacingTickSendsEveryMessageOnSchedule() throws IOException {
        start(new JsonObject().put("messagesPerSecond", 20_000).put("pacingTickMicros", 100), 200);
        login("alice", "", 1);
        readUntil(() -> listener.events().size() == 201);
        assertEquals("message 200 m200", listener.events().get(200));
        long elapsedNanos = System.nanoTime() - startedNanos;
        assertTrue(elapsedNanos >= 9_000_000, "200 messages at 20,000/s take 10 ms: elapsedNanos=" + elapsedNanos);
        Await.result(sim.close());
    }

    @Test
    void sequenceZeroAsksOnlyForNewMessages() throws IOException {
        start(new JsonObject(), 10);
        login("alice", "", 0);
        readUntil(() -> session.state() == SoupBinTcpClientState.LOGGED_IN);
        Await.result(sim.publish(List.of(ascii("fresh"))));
        readUntil(() -> listener.events().size() == 2);
        assertEquals(List.of("LOGGING_IN -> LOGGED_IN (login accepted: session='SIM1', sequenceNumber=11)",
                "message 11 fresh"), listener.events());
    }

    @Test
    void wrongCredentialsAndUnknownSessionsAreRejectedWithTheirCodes() throws IOException {
        start(new JsonObject().put("username", "alice").put("password", "pw"), 3);
        login("alice", "", 1);
        readUntil(() -> session.state() == SoupBinTcpClientState.LOGIN_REJECTED);
        assertEquals("login rejected: not authorized (code='A' (0x41))", session.lastReason());

        connect(new SoupBinTcpClientConfig("alice", "pw", "DAY0", 1, 1_024, 15_000));
        readUntil(() -> session.state() == SoupBinTcpClientState.LOGIN_REJECTED);
        assertEquals("login rejected: session not available (code='S' (0x53))", session.lastReason());
        assertEquals(2, sim.stats().rejectedLogins());
    }

    @Test
    void anIdleSessionGetsServerHeartbeats() throws IOException {
        start(new JsonObject().put("heartbeatMillis", 20), 1);
        login("alice", "", 1);
        readUntil(() -> session.counters().get(SoupBinTcpCounter.SERVER_HEARTBEATS) >= 2);
        assertEquals(List.of("LOGGING_IN -> LOGGED_IN (login accepted: session='SIM1', sequenceNumber=1)",
                "message 1 m1"), listener.events());
    }

    @Test
    void aResetCutsTheStreamAtItsOffsetAndOnlyOnce() throws IOException {
        start(new JsonObject(), 100);
        long offset = 5 * (SoupBinTcp.HEADER_LENGTH + 2) + 2;
        sim.faults().resetAtStreamOffsets(List.of(offset));
        login("alice", "", 1);
        List<String> messages = readUntilClosed();
        assertTrue(messages.size() <= 5, messages.toString());
        assertEquals(1, sim.stats().resets());
        assertEquals(0, sim.faults().pendingResets());

        listener.drain();
        login("alice", "", messages.size() + 1);
        readUntil(() -> listener.events().size() == 101 - messages.size());
        assertEquals("message 100 m100", listener.events().get(listener.events().size() - 1));
    }

    @Test
    void aLogoutEndsTheConnection() throws IOException {
        start(new JsonObject(), 1);
        login("alice", "", 2);
        readUntil(() -> session.state() == SoupBinTcpClientState.LOGGED_IN);
        socket.getOutputStream().write(session.logout());
        assertEquals(-1, socket.getInputStream().read());
    }

    private void start(JsonObject overrides, int messages) {
        List<byte[]> prepared = new ArrayList<>();
        for (int i = 1; i <= messages; i++) {
            prepared.add(ascii("m" + i));
        }
        JsonObject json = new JsonObject().put("port", 0).put("messagesPerSecond", 0).put("totalMessages", messages)
                .put("endOfSessionWhenDone", false).mergeIn(overrides);
        startedNanos = System.nanoTime();
        sim = Await.result(ItchSimServer.start(vertx, ItchSimSettings.fromJson(json, "sim"),
                new ListItchSource(prepared), InstantSource.system()));
    }

    private void login(String username, String password, long sequence) throws IOException {
        connect(new SoupBinTcpClientConfig(username, password, "", sequence, 1_024, 15_000));
    }

    private void connect(SoupBinTcpClientConfig config) throws IOException {
        if (socket != null) {
            socket.close();
        }
        socket = new Socket(InetAddress.getLoopbackAddress(), sim.port());
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        session = new SoupBinTcpClientSession(config, new FakeClock(0), listener);
        socket.getOutputStream().write(session.connected());
        listener.drain();
    }

    private void readUntil(BooleanSupplier done) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4_096];
        while (!done.getAsBoolean()) {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("closed before the condition held; events: " + listener.events());
            }
            session.receive(buffer, 0, read);
        }
    }

    /** Messages received until the server closed or reset the connection. */
    private List<String> readUntilClosed() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4_096];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                session.receive(buffer, 0, read);
            }
        } catch (java.net.SocketException e) {
            // Connection reset: what arrived before it counts.
        }
        return listener.events().stream().filter(event -> event.startsWith("message ")).toList();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
