package tickbus;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.config.Descriptor;
import tickbus.config.VerticleKind;
import tickbus.strategy.ScriptErrors;
import tickbus.strategy.StrategyPool;

/** Starts a node (stand-alone or clustered) and deploys a descriptor's verticles in order. */
public final class NodeLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLauncher.class);

    private NodeLauncher() {
    }

    public static VertxOptions vertxOptions(Map<String, String> environment) {
        EventBusOptions eventBus = new EventBusOptions()
                .setHost(environment.getOrDefault("TICKBUS_EVENTBUS_HOST", "127.0.0.1"))
                .setPort(ClusterConfig.parsePort("TICKBUS_EVENTBUS_PORT",
                        environment.getOrDefault("TICKBUS_EVENTBUS_PORT", "0")));
        String publicHost = environment.get("TICKBUS_EVENTBUS_PUBLIC_HOST");
        if (publicHost != null && !publicHost.isBlank()) {
            eventBus.setClusterPublicHost(publicHost.trim());
        }
        return new VertxOptions().setEventBusOptions(eventBus)
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    }

    public static Future<Vertx> createVertx(boolean clustered, Map<String, String> environment) {
        VertxOptions options = vertxOptions(environment);
        if (!clustered) {
            return Future.succeededFuture(Vertx.vertx(options));
        }
        return Vertx.builder().with(options)
                .withClusterManager(new HazelcastClusterManager(ClusterConfig.load(environment)))
                .buildClustered();
    }

    /**
     * Starts the node services, then deploys each entry in order; fails on the first that fails. Completes with
     * the deployment ids, in order.
     */
    public static Future<List<String>> deploy(Vertx vertx, Descriptor descriptor) {
        List<String> deploymentIds = new ArrayList<>();
        Future<Void> chain = TickbusNode.start(vertx).mapEmpty();
        for (Descriptor.Entry entry : descriptor.verticles()) {
            chain = chain.compose(v -> deployOne(vertx, entry).map(id -> {
                deploymentIds.add(id);
                return null;
            }));
        }
        return chain.map(v -> List.copyOf(deploymentIds));
    }

    /**
     * Stops a node: undeploys in reverse order for at most {@code orderlyMillis}, then closes Vert.x, which stops
     * whatever is left at once and leaves the cluster. One at a time, feeds whose upstream hangs would each take
     * their whole stop timeout, and a shutdown cut short before the close never leaves the cluster cleanly.
     */
    public static Future<Void> shutDown(Vertx vertx, List<String> deploymentIds, long orderlyMillis) {
        Promise<Void> orderlyPartDone = Promise.promise();
        long deadline = vertx.setTimer(orderlyMillis, id -> {
            if (orderlyPartDone.tryComplete()) {
                LOG.warn("undeploying in order took over {} ms; closing Vert.x stops the rest at once",
                        orderlyMillis);
            }
        });
        undeployInReverse(vertx, deploymentIds).onComplete(done -> {
            vertx.cancelTimer(deadline);
            orderlyPartDone.tryComplete();
        });
        return orderlyPartDone.future().compose(v -> vertx.close());
    }

    /** Undeploys in reverse order (strategies release demand before feeds stop, feeds stop before venues). */
    public static Future<Void> undeployInReverse(Vertx vertx, List<String> deploymentIds) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = deploymentIds.size() - 1; i >= 0; i--) {
            String id = deploymentIds.get(i);
            chain = chain.compose(v -> vertx.undeploy(id).recover(e -> {
                LOG.warn("undeploy failed, continuing: id={}, error={}", id, e.getMessage());
                return Future.succeededFuture();
            }));
        }
        return chain;
    }

    /**
     * Deploys one entry (worker entries on the {@link StrategyPool}); a failure names the entry and, for a script,
     * the file, line and message.
     */
    public static Future<String> deployOne(Vertx vertx, Descriptor.Entry entry) {
        VerticleKind kind = entry.kind();
        DeploymentOptions options = StrategyPool.apply(entry.deploymentOptions());
        Future<String> deployment = kind != null
                ? vertx.deployVerticle(kind.factory(), options)
                : vertx.deployVerticle(entry.verticle(), options);
        return deployment
                .onSuccess(id -> LOG.info("deployed {} ({} x{}): id={}", entry.name(), entry.verticle(),
                        entry.instances(), id))
                .recover(e -> Future.failedFuture(new IllegalStateException("deployment of " + entry.name() + " ("
                        + entry.verticle() + ") failed: " + ScriptErrors.describe(e, entry.verticle()), e)));
    }
}
