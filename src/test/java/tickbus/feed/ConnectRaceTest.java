package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.testing.Await;
import tickbus.testing.FakeProtocol;
import tickbus.testing.FeedHarness;

/** What a protocol reports while its connect is still completing (e.g. in the same read as the login reply). */
class ConnectRaceTest {

    private final FeedHarness harness = new FeedHarness();
    private final FakeProtocol fake = new FakeProtocol(1);

    @AfterEach
    void stop() {
        harness.close();
    }

    private FeedProtocol reportingDuringConnect(java.util.function.BiConsumer<ConnectionContext, Integer> report) {
        AtomicInteger attempts = new AtomicInteger();
        return new FeedProtocol() {
            @Override
            public Future<FeedConnection> connect(ConnectionContext context) {
                Future<FeedConnection> connected = fake.connect(context);
                report.accept(context, attempts.incrementAndGet());
                return connected;
            }

            @Override
            public FrameDecoder newDecoder(DecoderContext context) {
                return fake.newDecoder(context);
            }
        };
    }

    @Test
    void anEndOfSessionDuringTheConnectEndsTheSessionInsteadOfGoingLive() {
        harness.deploy(harness.settings(new JsonObject()),
                reportingDuringConnect((context, attempt) -> context.endOfSession("ended within the login read")));
        harness.awaitState(FeedState.END_OF_SESSION);
        assertEquals(1, fake.connects.get());
        assertEquals(1, fake.closes.get());
        assertTrue(!harness.describeStates().contains("LIVE"), harness.describeStates());
    }

    @Test
    void aLossDuringTheConnectReconnectsInsteadOfGoingLiveOnADeadConnection() {
        harness.deploy(harness.settings(new JsonObject()), reportingDuringConnect((context, attempt) -> {
            if (attempt == 1) {
                context.connectionLost("reset within the login read");
            }
        }));
        Await.until("second connection", () -> fake.connects.get() == 2);
        harness.awaitState(FeedState.LIVE);
        assertEquals(1, fake.aborts.get());
        assertTrue(harness.describeStates().startsWith("CONNECTING(starting) → BACKING_OFF(connection lost: reset "
                + "within the login read;"), harness.describeStates());
    }
}
