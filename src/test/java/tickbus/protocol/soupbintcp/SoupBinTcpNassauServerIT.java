package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.paritytrading.nassau.soupbintcp.SoupBinTCP;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServer;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServerStatusListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.testing.FakeClock;
import tickbus.testing.RecordingSoupBinTcpClientListener;

/**
 * Our client session against nassau's SoupBinTCP server, an independent implementation, over a loopback socket:
 * login, sequenced data, heartbeats both ways, End of Session and logout. Every read waits at most
 * {@value #READ_TIMEOUT_MILLIS} ms (a socket timeout), never sleeps.
 */
class SoupBinTcpNassauServerIT {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final FakeClock clock = new FakeClock(1_000);
    private final long[] serverMillis = {1_000};
    private final RecordingSoupBinTcpClientListener listener = new RecordingSoupBinTcpClientListener();
    private final SoupBinTcpClientSession session = new SoupBinTcpClientSession(
            SoupBinTcpClientConfig.of("alice", "pass").withFirstSequenceNumber(1), clock, listener);
    private final List<String> serverEvents = new ArrayList<>();

    private ServerSocketChannel acceptor;
    private Socket client;
    private SoupBinTCPServer server;

    @BeforeEach
    void connect() throws IOException {
        acceptor = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new Socket(InetAddress.getLoopbackAddress(), acceptor.socket().getLocalPort());
        client.setSoTimeout(READ_TIMEOUT_MILLIS);
        SocketChannel channel = acceptor.accept();
        server = new SoupBinTCPServer(() -> serverMillis[0], channel, 1024,
                buffer -> serverEvents.add("unsequenced " + buffer.remaining()), new StatusRecorder());
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        acceptor.close();
    }

    @Test
    void logsInReceivesDataAndHeartbeatsUntilEndOfSession() throws IOException {
        write(session.connected());
        serverReceivesUntil(() -> !serverEvents.isEmpty());
        // Nassau hands the fields over with their padding: alpha left-justified, the session all blanks.
        assertEquals(List.of("login alice /pass       session='          ' sequence=1"), serverEvents);

        SoupBinTCP.LoginAccepted accepted = new SoupBinTCP.LoginAccepted();
        accepted.setSession("NASSAU1");
        accepted.setSequenceNumber(1);
        server.accept(accepted);
        for (String text : List.of("first", "second", "third")) {
            server.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        }
        serverMillis[0] += 1_001;
        server.keepAlive();
        server.endSession();
        clientReceivesUntil(() -> session.state() == SoupBinTcpClientState.END_OF_SESSION);

        assertEquals(List.of(
                "DISCONNECTED -> LOGGING_IN (connected: requestedSession='', requestedSequenceNumber=1)",
                "LOGGING_IN -> LOGGED_IN (login accepted: session='NASSAU1', sequenceNumber=1)",
                "message 1 first",
                "message 2 second",
                "message 3 third",
                "LOGGED_IN -> END_OF_SESSION (end of session: session='NASSAU1', nextSequenceNumber=4)"),
                listener.events());
        assertEquals(1, session.counters().get(SoupBinTcpCounter.SERVER_HEARTBEATS));
    }

    @Test
    void clientHeartbeatsAndLogoutReachTheServer() throws IOException {
        write(session.connected());
        serverReceivesUntil(() -> !serverEvents.isEmpty());
        SoupBinTCP.LoginAccepted accepted = new SoupBinTCP.LoginAccepted();
        accepted.setSession("NASSAU1");
        accepted.setSequenceNumber(1);
        server.accept(accepted);
        clientReceivesUntil(() -> session.state() == SoupBinTcpClientState.LOGGED_IN);

        clock.advanceMillis(1_000);
        write(session.clientHeartbeat());
        write(session.logout());
        serverReceivesUntil(() -> serverEvents.size() == 2);

        assertEquals("logout", serverEvents.get(1));
        assertEquals(SoupBinTcpClientState.LOGGING_OUT, session.state());
    }

    @Test
    void aRejectedLoginCarriesNassausReasonCode() throws IOException {
        write(session.connected());
        serverReceivesUntil(() -> !serverEvents.isEmpty());
        SoupBinTCP.LoginRejected rejected = new SoupBinTCP.LoginRejected();
        rejected.setRejectReasonCode(SoupBinTCP.LOGIN_REJECT_CODE_NOT_AUTHORIZED);
        server.reject(rejected);
        clientReceivesUntil(() -> session.state() == SoupBinTcpClientState.LOGIN_REJECTED);

        assertEquals("login rejected: not authorized (code='A' (0x41))", session.lastReason());
    }

    private void write(byte[] packet) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(packet);
        out.flush();
    }

    /** Nassau's server reads blocking; each receive returns once some bytes arrived. */
    private void serverReceivesUntil(BooleanSupplier done) throws IOException {
        while (!done.getAsBoolean()) {
            if (server.receive() < 0) {
                throw new IOException("client closed before the condition held");
            }
        }
    }

    /** Reads are bounded by the socket timeout, so a missing packet fails the test instead of hanging it. */
    private void clientReceivesUntil(BooleanSupplier done) throws IOException {
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[4096];
        while (!done.getAsBoolean()) {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("server closed before the condition held");
            }
            session.receive(buffer, 0, read);
        }
    }

    private final class StatusRecorder implements SoupBinTCPServerStatusListener {

        @Override
        public void heartbeatTimeout(SoupBinTCPServer server) {
            serverEvents.add("heartbeat timeout");
        }

        @Override
        public void loginRequest(SoupBinTCPServer server, SoupBinTCP.LoginRequest request) {
            serverEvents.add("login " + request.getUsername() + "/" + request.getPassword() + " session='"
                    + request.getRequestedSession() + "' sequence=" + request.getRequestedSequenceNumber());
        }

        @Override
        public void logoutRequest(SoupBinTCPServer server) {
            serverEvents.add("logout");
        }
    }
}
