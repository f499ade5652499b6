package tickbus.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.strategy.MarketData;
import tickbus.strategy.MarketDataSubscription;

/** One Vert.x node with a feed under test, a clock the test moves, and recorders for what the feed says. */
public final class FeedHarness implements AutoCloseable {

    private static final AtomicInteger SOURCES = new AtomicInteger();

    public final Vertx vertx;
    public final MutableClock clock = new MutableClock(1_700_000_000_000L);
    public final List<FeedStatus> feedStatuses = new CopyOnWriteArrayList<>();
    public final List<MarketEvent> received = new CopyOnWriteArrayList<>();
    public final String source = "test-" + SOURCES.incrementAndGet();
    public FeedVerticle feed;
    private String deploymentId;

    public FeedHarness() {
        this(null);
    }

    /** A harness whose feeds run on {@code nodeClock} (real time, say) instead of {@link #clock}; null for the latter. */
    public FeedHarness(java.time.InstantSource nodeClock) {
        vertx = Vertx.vertx();
        TickbusNode node = Await.result(TickbusNode.start(vertx));
        node.clock(nodeClock == null ? clock : nodeClock);
        Await.result(vertx.eventBus().<FeedStatus>consumer(Addresses.feedStatus(source),
                message -> feedStatuses.add(message.body())).completion());
    }

    /** Settings for a feed of venue XSIM with fast timings; {@code overrides} replace keys. */
    public FeedSettings settings(JsonObject overrides) {
        JsonObject json = new JsonObject()
                .put("source", source).put("venue", "XSIM").put("protocol", "test")
                .put("heartbeatTimeoutMillis", 1_000).put("silenceThresholdMillis", 2_000)
                .put("watchdogIntervalMillis", 5).put("releaseLingerMillis", 0)
                .put("backoff", new JsonObject().put("initialDelayMillis", 1).put("maxDelayMillis", 20))
                .put("breaker", new JsonObject().put("maxFailures", 100).put("resetTimeoutMillis", 200))
                .put("subscriptionRetry", new JsonObject().put("initialDelayMillis", 1).put("maxDelayMillis", 4));
        return FeedSettings.fromJson(json.mergeIn(overrides, true), "config");
    }

    public FeedVerticle deploy(FeedSettings settings, FeedProtocol protocol) {
        feed = new FeedVerticle(settings, protocol);
        deploymentId = Await.result(vertx.deployVerticle(feed));
        return feed;
    }

    public void undeploy() {
        Await.result(vertx.undeploy(deploymentId));
    }

    public MarketDataSubscription subscribe(String instrument) {
        return Await.result(MarketData.create(vertx).subscribe(instrument,
                java.util.EnumSet.of(EventKind.QUOTE, EventKind.TRADE), received::add));
    }

    public void awaitState(FeedState state) {
        Await.until("feed state " + state, java.time.Duration.ofSeconds(20),
                () -> !feedStatuses.isEmpty() && feedStatuses.get(feedStatuses.size() - 1).state() == state,
                this::describeStates);
    }

    public String describeStates() {
        List<String> states = new ArrayList<>();
        feedStatuses.forEach(status -> states.add(status.state() + "(" + status.reason() + ")"));
        return String.join(" → ", states);
    }

    public List<InstrumentStatus> statuses(InstrumentState state) {
        List<InstrumentStatus> result = new ArrayList<>();
        for (MarketEvent event : received) {
            if (event instanceof InstrumentStatus status && status.state() == state) {
                result.add(status);
            }
        }
        return result;
    }

    /** Sequence numbers of the quotes and trades received, in arrival order. */
    public List<Long> dataSequences() {
        List<Long> sequences = new ArrayList<>();
        for (MarketEvent event : received) {
            if (!(event instanceof InstrumentStatus)) {
                sequences.add(event.sequence());
            }
        }
        return sequences;
    }

    @Override
    public void close() {
        if (deploymentId != null && vertx.deploymentIDs().contains(deploymentId)) {
            undeploy();
        }
        Await.result(vertx.close());
    }
}
