package tickbus.testing;

import com.hazelcast.config.Config;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Map;
import tickbus.ClusterConfig;
import tickbus.NodeLauncher;
import tickbus.TickbusNode;
import tickbus.demand.DemandRegistry;

/** Clustered Vert.x nodes in one JVM for tests, joined through the repository's cluster.xml. */
public final class ClusteredNodes {

    private ClusteredNodes() {
    }

    /** A unique cluster name, so concurrent test runs on one machine never join each other. */
    public static String uniqueClusterName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    /** A node of {@code clusterName} with its tickbus services started. */
    public static Vertx start(String clusterName) {
        return start(clusterName, DemandRegistry.DEFAULT_RESYNC_INTERVAL_MILLIS);
    }

    /** As {@link #start(String)}, the demand registry re-reading the cluster map every {@code demandResyncMillis}. */
    public static Vertx start(String clusterName, long demandResyncMillis) {
        Config config = ClusterConfig.load(Map.of("TICKBUS_CLUSTER_NAME", clusterName));
        Vertx vertx = Await.result(Vertx.builder().with(NodeLauncher.vertxOptions(Map.of()))
                .withClusterManager(new HazelcastClusterManager(config)).buildClustered());
        Await.result(TickbusNode.start(vertx, demandResyncMillis));
        return vertx;
    }
}
