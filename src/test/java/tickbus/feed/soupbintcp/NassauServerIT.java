package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.paritytrading.nassau.soupbintcp.SoupBinTCP;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServer;
import com.paritytrading.nassau.soupbintcp.SoupBinTCPServerStatusListener;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tickbus.event.BookLevel;
import tickbus.event.FeedState;
import tickbus.event.Quote;
import tickbus.testing.Await;
import tickbus.testing.JunctureReference;
import tickbus.testing.SharedData;

/**
 * The feed against an independent SoupBinTCP server: nassau's {@code SoupBinTCPServer} on a loopback channel
 * serves the real NASDAQ sample (10,000 AAPL messages of 30 Jan 2020, re-encoded by juncture) and ends the
 * session. The feed logs in, and a strategy receives the file's 1,089 trades and its final best bid and offer.
 */
class NassauServerIT {

    private static final String FILE = "itch/runk-itch_locate-13-10k_01302020_AAPL.bin";
    private static final String INSTRUMENT = "XNAS:AAPL";
    private static final int AAPL = 13;

    private final List<String> serverEvents = new CopyOnWriteArrayList<>();

    @Test
    void theRealSampleServedByNassauReachesTheStrategy() throws Exception {
        JunctureReference reference = JunctureReference.read(SharedData.path(FILE), INSTRUMENT);
        try (ServerSocketChannel acceptor = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ItchFeedScenario scenario = new ItchFeedScenario()) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serve(acceptor, reference.encoded));
            scenario.subscribe(INSTRUMENT);
            scenario.deployFeedOn(acceptor.socket().getLocalPort(), new JsonObject().put("username", "nassau")
                    .put("password", "pw").put("tradingDate", "2020-01-30"));

            scenario.harness.awaitState(FeedState.END_OF_SESSION);
            scenario.awaitTrades(INSTRUMENT, reference.trades.size());
            served.get();

            assertEquals(1_089, reference.trades.size());
            assertEquals(reference.trades, scenario.trades(INSTRUMENT));
            assertEquals(10_000, scenario.protocol.decodedMessages());
            Quote last = scenario.lastQuote(INSTRUMENT);
            assertEquals(best(reference.book.bids(AAPL)), List.of(last.bidPrice(), last.bidSize()));
            assertEquals(best(reference.book.asks(AAPL)), List.of(last.askPrice(), last.askSize()));
            assertEquals(List.of("login nassau pw '' 1", "logout or close"), serverEvents);
        }
    }

    private static List<Long> best(List<BookLevel> levels) {
        return levels.isEmpty() ? List.of(0L, 0L) : List.of(levels.get(0).price(), levels.get(0).size());
    }

    /** Nassau's server on a blocking channel: wait for the login, accept it, send everything, end the session. */
    private void serve(ServerSocketChannel acceptor, List<byte[]> messages) {
        try (SocketChannel channel = acceptor.accept()) {
            SoupBinTCPServer server = new SoupBinTCPServer(channel, 1_024, buffer -> { }, new StatusRecorder());
            while (serverEvents.isEmpty()) {
                if (server.receive() < 0) {
                    throw new IOException("the client left before logging in");
                }
            }
            SoupBinTCP.LoginAccepted accepted = new SoupBinTCP.LoginAccepted();
            accepted.setSession("NASSAU1");
            accepted.setSequenceNumber(1);
            server.accept(accepted);
            for (byte[] message : messages) {
                server.send(ByteBuffer.wrap(message));
            }
            server.endSession();
            while (server.receive() >= 0) {
                continue;
            }
            serverEvents.add("logout or close");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final class StatusRecorder implements SoupBinTCPServerStatusListener {

        @Override
        public void heartbeatTimeout(SoupBinTCPServer server) {
            serverEvents.add("heartbeat timeout");
        }

        @Override
        public void loginRequest(SoupBinTCPServer server, SoupBinTCP.LoginRequest request) {
            serverEvents.add("login " + request.getUsername().trim() + " " + request.getPassword().trim() + " '"
                    + request.getRequestedSession().trim() + "' " + request.getRequestedSequenceNumber());
        }

        @Override
        public void logoutRequest(SoupBinTCPServer server) {
            serverEvents.add("logout request");
        }
    }
}
