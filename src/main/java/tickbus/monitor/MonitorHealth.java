package tickbus.monitor;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.spi.cluster.hazelcast.ClusterHealthCheck;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tickbus.TickbusNode;
import tickbus.event.FeedState;
import tickbus.feed.FeedMetrics;

/**
 * Liveness and readiness. Live: the monitor's event loop runs a task within {@link #MAX_EVENT_LOOP_DELAY_MILLIS}.
 * Ready: every required feed (or, with none configured, every feed on this node) is LIVE and, when clustered,
 * the cluster is safe (no partition migration in progress). Each failed check's data says which and why.
 */
final class MonitorHealth {

    static final long MAX_EVENT_LOOP_DELAY_MILLIS = 1_000;
    private static final long CHECK_TIMEOUT_MILLIS = 2_000;

    private MonitorHealth() {
    }

    static HealthChecks liveness(Vertx vertx, Context context) {
        return HealthChecks.create(vertx).register("event-loop", CHECK_TIMEOUT_MILLIS, promise -> {
            long queuedNanos = System.nanoTime();
            context.runOnContext(v -> {
                long delayMillis = (System.nanoTime() - queuedNanos) / 1_000_000;
                JsonObject data = new JsonObject().put("delayMillis", delayMillis)
                        .put("maxDelayMillis", MAX_EVENT_LOOP_DELAY_MILLIS);
                promise.complete(delayMillis <= MAX_EVENT_LOOP_DELAY_MILLIS ? Status.OK(data) : Status.KO(data));
            });
        });
    }

    static HealthChecks readiness(Vertx vertx, TickbusNode node, List<String> requiredFeeds) {
        HealthChecks checks = HealthChecks.create(vertx)
                .register("feeds", CHECK_TIMEOUT_MILLIS, promise -> feeds(node, requiredFeeds, promise));
        if (vertx.isClustered()) {
            checks.register("cluster", CHECK_TIMEOUT_MILLIS, ClusterHealthCheck.createProcedure(vertx));
        }
        return checks;
    }

    private static void feeds(TickbusNode node, List<String> requiredFeeds, Promise<Status> promise) {
        Map<String, FeedMetrics> running = new TreeMap<>();
        node.feeds().forEach(metrics -> running.put(metrics.source(), metrics));
        List<String> required = requiredFeeds.isEmpty() ? List.copyOf(running.keySet()) : requiredFeeds;
        JsonObject notLive = new JsonObject();
        JsonObject live = new JsonObject();
        for (String source : required) {
            FeedMetrics metrics = running.get(source);
            if (metrics == null) {
                notLive.put(source, new JsonObject().put("state", "NOT_RUNNING")
                        .put("reason", "no feed with this source runs on this node"));
            } else if (metrics.state() != FeedState.LIVE) {
                notLive.put(source, new JsonObject().put("state", metrics.state().name())
                        .put("reason", metrics.stateReason()));
            } else {
                live.put(source, "LIVE");
            }
        }
        JsonObject data = new JsonObject().put("live", live);
        if (notLive.isEmpty()) {
            promise.complete(Status.OK(data));
        } else {
            promise.complete(Status.KO(data.put("notLive", notLive)));
        }
    }
}
