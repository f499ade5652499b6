package tickbus.strategy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tickbus.Addresses;
import tickbus.NodeLauncher;
import tickbus.TickbusNode;
import tickbus.config.Descriptor;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.sim.SimVenue;
import tickbus.testing.Await;

/**
 * A node for strategy tests: simulated venues the test drives with {@code generate}, feeds and strategies deployed
 * from descriptor JSON exactly as {@code verticles.json} would, and recorders for strategy outputs and market data.
 */
public final class StrategyTestNode implements AutoCloseable {

    private static final AtomicInteger VENUES = new AtomicInteger();

    public final Vertx vertx;
    private final List<SimVenue> venues = new CopyOnWriteArrayList<>();
    private final Map<String, List<JsonObject>> outputs = new ConcurrentHashMap<>();

    public StrategyTestNode() {
        this(new VertxOptions());
    }

    public StrategyTestNode(VertxOptions options) {
        vertx = Vertx.vertx(options);
        Await.result(TickbusNode.start(vertx));
    }

    /** A simulated venue with a feed for it: instruments are {@code venueMic:SYMBOL}. */
    public SimVenue venueWithFeed(String venueMic, List<String> symbols) {
        SimVenue venue = SimVenue.register(new SimVenue("venue-" + VENUES.incrementAndGet() + "-" + venueMic,
                symbols, 7 + VENUES.get()));
        venues.add(venue);
        deploy(new JsonObject().put("name", "feed-" + venue.name().toLowerCase()).put("verticle", "feed")
                .put("config", new JsonObject().put("source", "sim-" + venue.name()).put("venue", venueMic)
                        .put("protocol", "sim").put("releaseLingerMillis", 0)
                        .put("settings", new JsonObject().put("venueName", venue.name()))));
        return venue;
    }

    /** Deploys descriptor entries (validated like {@code verticles.json}); returns their deployment ids. */
    public List<String> deploy(JsonObject... entries) {
        Descriptor descriptor = Descriptor.fromJson(new JsonObject().put("verticles", new JsonArray(List.of(entries))));
        return Await.result(NodeLauncher.deploy(vertx, descriptor));
    }

    /** Everything published at {@code tickbus.strategy.<name>} from now on. */
    public List<JsonObject> outputs(String strategyName) {
        return outputs.computeIfAbsent(strategyName, name -> {
            List<JsonObject> received = new CopyOnWriteArrayList<>();
            Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.strategyOutput(name),
                    message -> received.add(message.body())).completion());
            return received;
        });
    }

    /** The market data a strategy would see for {@code instrument}, recorded by a test-side subscription. */
    public List<MarketEvent> record(String instrument, Set<EventKind> kinds) {
        List<MarketEvent> received = new CopyOnWriteArrayList<>();
        Await.result(MarketData.create(vertx, "test-recorder").subscribe(instrument, kinds, received::add));
        return received;
    }

    /** Drives every venue ({@code batch} messages per check) until {@code condition} holds, with a deadline. */
    public void pumpUntil(String what, int batch, java.util.function.BooleanSupplier condition) {
        Await.until(what, java.time.Duration.ofSeconds(30), () -> {
            venues.forEach(venue -> venue.generate(batch));
            return condition.getAsBoolean();
        });
    }

    public List<JsonObject> outputsMatching(String strategyName, String key, Object value) {
        List<JsonObject> matching = new ArrayList<>();
        outputs(strategyName).forEach(output -> {
            if (value.equals(output.getValue(key))) {
                matching.add(output);
            }
        });
        return matching;
    }

    @Override
    public void close() {
        venues.forEach(venue -> SimVenue.unregister(venue.name()));
        Await.result(vertx.close());
    }
}
