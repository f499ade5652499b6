package tickbus.demand;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * This node's id, the cluster's members now, and word of members joining and leaving; a single "local" node
 * unclustered.
 */
public final class ClusterMembership {

    private final Vertx vertx;
    private final String nodeId;
    private volatile UUID registration;

    public ClusterMembership(Vertx vertx) {
        this.vertx = vertx;
        this.nodeId = vertx.isClustered() ? clusterManager().getNodeId() : "local";
    }

    public String nodeId() {
        return nodeId;
    }

    /** The nodes of the cluster now, this one included. */
    public Set<String> members() {
        return vertx.isClustered() ? Set.copyOf(clusterManager().getNodes()) : Set.of(nodeId);
    }

    /** Tell {@code onLeft} the id of each node that leaves, on a Hazelcast thread. */
    void watch(Consumer<String> onLeft) {
        watch(node -> {
        }, onLeft);
    }

    /**
     * Tell {@code onJoined} and {@code onLeft} the id of each node that joins or leaves (a crash, a hang past
     * Hazelcast's max-no-heartbeat, or a goodbye), on a Hazelcast thread; once per instance.
     */
    public void watch(Consumer<String> onJoined, Consumer<String> onLeft) {
        hazelcast().ifPresent(hz -> registration = hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                String node = event.getMember().getAttribute("__vertx.nodeId");
                if (node != null) {
                    onJoined.accept(node);
                }
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                String node = event.getMember().getAttribute("__vertx.nodeId");
                if (node != null) {
                    onLeft.accept(node);
                }
            }
        }));
    }

    public void stopWatching() {
        if (registration != null) {
            hazelcast().ifPresent(hz -> hz.getCluster().removeMembershipListener(registration));
        }
    }

    private Optional<HazelcastInstance> hazelcast() {
        if (!vertx.isClustered() || !(clusterManager() instanceof HazelcastClusterManager hazelcast)) {
            return Optional.empty();
        }
        return Optional.ofNullable(hazelcast.getHazelcastInstance());
    }

    private ClusterManager clusterManager() {
        return ((VertxInternal) vertx).clusterManager();
    }
}
