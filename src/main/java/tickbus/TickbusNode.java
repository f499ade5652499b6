package tickbus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tickbus.demand.DemandRegistry;
import tickbus.event.EventCodecs;
import tickbus.feed.FeedMetrics;
import tickbus.strategy.FeedDepartures;

/**
 * The per-node services every verticle shares: codecs, the demand registry, the departure watch, the feed registry
 * and the clock.
 * One per {@link Vertx} instance; {@link #start(Vertx)} must complete before verticles are deployed.
 */
public final class TickbusNode {

    private static final Map<Vertx, TickbusNode> NODES = new ConcurrentHashMap<>();

    private final Vertx vertx;
    private final DemandRegistry demand;
    private final FeedDepartures departures;
    private final Map<String, FeedMetrics> feeds = new ConcurrentHashMap<>();
    private volatile InstantSource clock = InstantSource.system();

    private TickbusNode(Vertx vertx, long demandResyncIntervalMillis) {
        this.vertx = vertx;
        this.demand = new DemandRegistry(vertx, demandResyncIntervalMillis);
        this.departures = FeedDepartures.start(vertx);
    }

    /** Registers the codecs and joins the demand registry. Idempotent. */
    public static Future<TickbusNode> start(Vertx vertx) {
        return start(vertx, DemandRegistry.DEFAULT_RESYNC_INTERVAL_MILLIS);
    }

    /** As {@link #start(Vertx)}, the demand registry re-reading the cluster map every given interval. */
    public static Future<TickbusNode> start(Vertx vertx, long demandResyncIntervalMillis) {
        TickbusNode existing = NODES.get(vertx);
        if (existing != null) {
            return Future.succeededFuture(existing);
        }
        TickbusNode node = new TickbusNode(vertx, demandResyncIntervalMillis);
        NODES.put(vertx, node);
        EventCodecs.registerAll(vertx.eventBus());
        ((io.vertx.core.internal.VertxInternal) vertx).addCloseHook(completion -> {
            NODES.remove(vertx);
            node.departures.stop();
            node.demand.stop().onComplete(ar -> completion.succeed());
        });
        return node.demand.start().map(node);
    }

    /** The node of a started {@link Vertx}. */
    public static TickbusNode of(Vertx vertx) {
        TickbusNode node = NODES.get(vertx);
        if (node == null) {
            throw new IllegalStateException("TickbusNode.start(vertx) was not called for this Vert.x instance");
        }
        return node;
    }

    public Vertx vertx() {
        return vertx;
    }

    public DemandRegistry demand() {
        return demand;
    }

    /** Word of cluster members joining and leaving, for this node's subscriptions. */
    public FeedDepartures departures() {
        return departures;
    }

    public InstantSource clock() {
        return clock;
    }

    /** Replace the clock (tests); verticles deployed afterwards use it. */
    public void clock(InstantSource clock) {
        this.clock = clock;
    }

    public void registerFeed(FeedMetrics metrics) {
        FeedMetrics previous = feeds.putIfAbsent(metrics.source(), metrics);
        if (previous != null && previous != metrics) {
            throw new IllegalStateException("two feeds with one source id on this node: source=" + metrics.source());
        }
    }

    public void unregisterFeed(FeedMetrics metrics) {
        feeds.remove(metrics.source(), metrics);
    }

    public Collection<FeedMetrics> feeds() {
        return feeds.values();
    }
}
