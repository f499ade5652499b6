package tickbus.demand;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.event.EventKind;

/**
 * Cluster-wide, reference-counted demand per instrument, and which event kinds of it are wanted. Each node counts
 * its own acquisitions; a node's count and kinds for an instrument are kept in a cluster map (for nodes that start
 * later) and announced on {@code tickbus.demand.changes} (for nodes already running). The clustered event bus can lose
 * an announcement, so every node also re-reads the map periodically ({@link #resync()}); a release stays in the map as
 * a count-0 entry until its node leaves, so that the map proves it. When a node leaves the cluster its demand is
 * removed. Feeds subscribe upstream per instrument ({@link #isDemanded(String)}, listeners) and publish only the kinds
 * somebody consumes ({@link #isDemanded(String, EventKind)}): publishing to an address with no consumer still costs a
 * cluster look-up per message. Methods are thread-safe; listeners run on the registry's context.
 */
public final class DemandRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DemandRegistry.class);
    private static final String MAP_NAME = "tickbus.demand";
    public static final long DEFAULT_RESYNC_INTERVAL_MILLIS = 15_000;

    private final Vertx vertx;
    private final ClusterMembership membership;
    private final String nodeId;
    private final long resyncIntervalMillis;
    private final Map<String, LocalDemand> localDemand = new ConcurrentHashMap<>();
    private final Map<String, Map<String, NodeDemand>> byInstrument = new ConcurrentHashMap<>();
    /**
     * The version at which a node released an instrument ({@code instrument|node}), so that an older announcement
     * arriving late (a second copy, or a cluster-map entry read before the release was written) cannot bring the
     * demand back.
     */
    private final Map<String, Long> releasedVersions = new ConcurrentHashMap<>();
    /**
     * Nodes that left the cluster: an announcement of theirs that arrives afterwards (late, or a second copy) would
     * bring back demand nobody will ever release. One entry per departure, until the node is back
     * (a merge after a split keeps its id).
     */
    private final Set<String> departedNodes = ConcurrentHashMap.newKeySet();
    /** The kinds some node wants, per demanded instrument, as a bit set of {@link EventKind} ordinals. */
    private final Map<String, Integer> kindsByInstrument = new ConcurrentHashMap<>();
    private final List<DemandListener> listeners = new CopyOnWriteArrayList<>();
    private long version;
    private Context context;
    private AsyncMap<String, JsonObject> clusterMap;
    private MessageConsumer<JsonObject> changes;
    private long resyncTimer = -1;

    private record NodeDemand(int count, int kinds, long version) {
    }

    private static final int ALL_KINDS = (1 << EventKind.values().length) - 1;

    public DemandRegistry(Vertx vertx) {
        this(vertx, DEFAULT_RESYNC_INTERVAL_MILLIS);
    }

    /** A registry that re-reads the cluster map every {@code resyncIntervalMillis}, repairing lost announcements. */
    public DemandRegistry(Vertx vertx, long resyncIntervalMillis) {
        if (resyncIntervalMillis <= 0) {
            throw new IllegalArgumentException("resync interval must be positive: resyncIntervalMillis="
                    + resyncIntervalMillis);
        }
        this.vertx = vertx;
        this.membership = new ClusterMembership(vertx);
        this.nodeId = membership.nodeId();
        this.resyncIntervalMillis = resyncIntervalMillis;
    }

    public String nodeId() {
        return nodeId;
    }

    /** Joins the cluster-wide view: listen for changes first, then read what is already there. */
    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        changes = vertx.eventBus().consumer(Addresses.DEMAND_CHANGES, message -> apply(message.body()));
        membership.watch(node -> context.runOnContext(v -> nodeJoined(node)),
                node -> context.runOnContext(v -> nodeLeft(node)));
        return changes.completion()
                .compose(v -> vertx.sharedData().<String, JsonObject>getAsyncMap(MAP_NAME))
                .compose(map -> {
                    clusterMap = map;
                    return map.entries();
                })
                .map(entries -> {
                    applyOfMembers(entries.values());
                    resyncTimer = ((ContextInternal) context).setPeriodic(resyncIntervalMillis, id -> resync()
                            .onFailure(e -> LOG.warn("demand resync failed, retrying: node={}", nodeId, e)));
                    return null;
                });
    }

    /**
     * Applies the cluster map as if its entries were announcements, repairing any that the event bus lost: a lost
     * acquire by the entry, a lost release by the count-0 entry that replaced it. By version, like an announcement:
     * an entry read before a newer put landed changes nothing, and an absent entry removes nothing.
     */
    Future<Void> resync() {
        Promise<Void> applied = ((ContextInternal) context).promise();
        context.runOnContext(v -> clusterMap.entries().<Void>map(entries -> {
            applyOfMembers(entries.values());
            return null;
        }).onComplete(applied));
        return applied.future();
    }

    /** Applies the entries of other nodes in the cluster now; runs on the registry's context. */
    private void applyOfMembers(java.util.Collection<JsonObject> entries) {
        Set<String> members = membership.members();
        // An entry of a node no longer here was left by one that died before its removal ran. It stays (a node that
        // joined a moment ago may be missing from the list) but is not applied. This node's own are known already.
        entries.stream().filter(entry -> members.contains(entry.getString("node")))
                .filter(entry -> !nodeId.equals(entry.getString("node"))).forEach(this::apply);
    }

    public Future<Void> stop() {
        if (resyncTimer >= 0) {
            vertx.cancelTimer(resyncTimer);
        }
        membership.stopWatching();
        return changes == null ? Future.succeededFuture() : changes.unregister();
    }

    /** This node wants every kind of {@code instrument}; pair with {@link #release(String)}. */
    public Future<Void> acquire(String instrument) {
        return change(instrument, EnumSet.allOf(EventKind.class), +1);
    }

    public Future<Void> release(String instrument) {
        return change(instrument, EnumSet.allOf(EventKind.class), -1);
    }

    /** This node wants these kinds of {@code instrument}; pair with {@link #release(String, Set)} of the same kinds. */
    public Future<Void> acquire(String instrument, Set<EventKind> kinds) {
        return change(instrument, kinds, +1);
    }

    public Future<Void> release(String instrument, Set<EventKind> kinds) {
        return change(instrument, kinds, -1);
    }

    /** Whether any node wants the instrument. Cheap and thread-safe. */
    public boolean isDemanded(String instrument) {
        Map<String, NodeDemand> nodes = byInstrument.get(instrument);
        return nodes != null && !nodes.isEmpty();
    }

    /**
     * Whether any node wants some kind of the instrument, this node's own demand counted from the moment
     * {@link #acquire} returns (unlike {@link #isDemanded(String)}, which follows the announcements). Thread-safe.
     */
    public boolean isAnyKindDemanded(String instrument) {
        return kindsByInstrument.containsKey(instrument);
    }

    /** Whether any node wants this kind of the instrument. One map look-up; thread-safe. */
    public boolean isDemanded(String instrument, EventKind kind) {
        Integer kinds = kindsByInstrument.get(instrument);
        return kinds != null && (kinds & LocalDemand.bit(kind)) != 0;
    }

    /** The cluster-wide count for an instrument. */
    public int count(String instrument) {
        Map<String, NodeDemand> nodes = byInstrument.get(instrument);
        return nodes == null ? 0 : nodes.values().stream().mapToInt(NodeDemand::count).sum();
    }

    /** This node's own count for an instrument. */
    public int localCount(String instrument) {
        LocalDemand local = localDemand.get(instrument);
        return local == null ? 0 : local.count();
    }

    /** Every instrument some node wants. */
    public Set<String> demanded() {
        return Set.copyOf(byInstrument.keySet());
    }

    /**
     * This node's demand for {@code instrument} as an announcement, to travel with a request that depends on it (a
     * snapshot request): the receiver {@link #learn}s it first, whichever of the two messages it handles first.
     */
    public synchronized JsonObject announcement(String instrument) {
        LocalDemand local = localDemand.get(instrument);
        // The latest version this node gave out: no change of this instrument's demand came after it.
        return local == null ? announcementOf(instrument, 0, 0, version)
                : announcementOf(instrument, local.count(), local.kinds(), version);
    }

    /**
     * Applies an {@link #announcement} that arrived with another message (null: none), as if it had arrived on
     * {@code tickbus.demand.changes}; completes on the caller's context once applied.
     */
    public Future<Void> learn(JsonObject announcement) {
        if (announcement == null) {
            return Future.succeededFuture();
        }
        Promise<Void> applied = ((ContextInternal) vertx.getOrCreateContext()).promise();
        context.runOnContext(v -> {
            apply(announcement);
            applied.complete();
        });
        return applied.future();
    }

    public void addListener(DemandListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DemandListener listener) {
        listeners.remove(listener);
    }

    private synchronized Future<Void> change(String instrument, Set<EventKind> kinds, int delta) {
        if (kinds.isEmpty()) {
            return Future.failedFuture(new IllegalArgumentException(
                    "demand names no event kind: instrument=" + instrument + ", node=" + nodeId));
        }
        LocalDemand before = localDemand.getOrDefault(instrument,
                new LocalDemand(0, new int[EventKind.values().length]));
        int[] byKind = before.byKind().clone();
        for (EventKind kind : kinds) {
            byKind[kind.ordinal()] += delta;
            if (byKind[kind.ordinal()] < 0) {
                return Future.failedFuture(new IllegalStateException("release without acquire: instrument="
                        + instrument + ", kind=" + kind + ", node=" + nodeId));
            }
        }
        LocalDemand after = new LocalDemand(before.count() + delta, byKind);
        if (after.count() < 0) {
            return Future.failedFuture(new IllegalStateException(
                    "release without acquire: instrument=" + instrument + ", node=" + nodeId));
        }
        if (after.count() == 0) {
            localDemand.remove(instrument);
        } else {
            localDemand.put(instrument, after);
        }
        updateKinds(instrument);
        JsonObject announcement = announcementOf(instrument, after.count(), after.kinds(), ++version);
        context.runOnContext(v -> apply(announcement));
        return announce(announcement);
    }

    /**
     * To the other nodes, and into the cluster map: a release is written, not removed, since an absent entry cannot
     * tell a release from a put not landed yet.
     */
    private Future<Void> announce(JsonObject announcement) {
        vertx.eventBus().publish(Addresses.DEMAND_CHANGES, announcement);
        return clusterMap.put(announcement.getString("instrument") + "|" + nodeId, announcement);
    }

    private JsonObject announcementOf(String instrument, int count, int kinds, long announcedVersion) {
        return new JsonObject().put("node", nodeId).put("instrument", instrument).put("count", count)
                .put("kinds", kinds).put("version", announcedVersion);
    }

    private void apply(JsonObject announcement) {
        String node = announcement.getString("node");
        if (departedNodes.contains(node)) {
            return;
        }
        String instrument = announcement.getString("instrument");
        int count = announcement.getInteger("count", 0);
        long announcedVersion = announcement.getLong("version", 0L);
        boolean before = isDemanded(instrument);
        String key = instrument + "|" + node;
        Map<String, NodeDemand> nodes = byInstrument.computeIfAbsent(instrument, k -> new ConcurrentHashMap<>());
        NodeDemand known = nodes.get(node);
        long knownVersion = known != null ? known.version() : releasedVersions.getOrDefault(key, 0L);
        if (knownVersion >= announcedVersion) {
            if (nodes.isEmpty()) {
                byInstrument.remove(instrument, nodes);
            }
            return;
        }
        if (count > 0) {
            nodes.put(node, new NodeDemand(count, announcement.getInteger("kinds", ALL_KINDS), announcedVersion));
            releasedVersions.remove(key);
        } else {
            nodes.remove(node);
            releasedVersions.put(key, announcedVersion);
            if (nodes.isEmpty()) {
                byInstrument.remove(instrument, nodes);
            }
        }
        updateKinds(instrument);
        notifyIfChanged(instrument, before);
    }

    private void nodeLeft(String node) {
        LOG.info("node left the cluster, removing its demand: node={}", node);
        departedNodes.add(node);
        releasedVersions.keySet().removeIf(key -> key.endsWith("|" + node));
        if (clusterMap != null) {
            // Its released entries too: nothing else would remove them.
            clusterMap.keys().onSuccess(keys -> keys.stream().filter(key -> key.endsWith("|" + node))
                    .forEach(clusterMap::remove));
        }
        for (Map.Entry<String, Map<String, NodeDemand>> entry : byInstrument.entrySet()) {
            String instrument = entry.getKey();
            boolean before = isDemanded(instrument);
            if (entry.getValue().remove(node) != null) {
                if (entry.getValue().isEmpty()) {
                    byInstrument.remove(instrument, entry.getValue());
                }
                updateKinds(instrument);
                notifyIfChanged(instrument, before);
            }
        }
    }

    /**
     * A node that this one saw leave is back: a process paused past Hazelcast's max-no-heartbeat, or a partition,
     * split the cluster, and the merge that heals it keeps each node's Vert.x id. Both sides removed the other's
     * demand (here and in their copy of the cluster map), so its announcements are heard again, its entries read
     * again, and this node announces its own demand again, with new versions; the node back does the same.
     */
    private void nodeJoined(String node) {
        if (!departedNodes.remove(node)) {
            return;
        }
        LOG.info("node rejoined the cluster, announcing this node's demand again: node={}, instruments={}", node,
                localDemand.size());
        // Its own announcement may have come before this node knew it back, and been ignored: read its entries.
        resync().onFailure(e -> LOG.warn("demand resync failed after a node rejoined: node={}", node, e));
        for (JsonObject announcement : reannouncements()) {
            apply(announcement);
            announce(announcement).onFailure(e -> LOG.warn("demand not written to the cluster map: {}", announcement,
                    e));
        }
    }

    private synchronized List<JsonObject> reannouncements() {
        List<JsonObject> announcements = new ArrayList<>();
        localDemand.forEach((instrument, local) -> announcements.add(announcementOf(instrument, local.count(),
                local.kinds(), ++version)));
        return announcements;
    }

    /**
     * Recomputes the kinds wanted of {@code instrument}: this node's from its own counts, which change before
     * {@link #acquire} returns (so a feed publishes a newly wanted kind before the subscriber's snapshot request
     * reaches it), other nodes' from their announcements.
     */
    private synchronized void updateKinds(String instrument) {
        LocalDemand local = localDemand.get(instrument);
        int kinds = local == null ? 0 : local.kinds();
        Map<String, NodeDemand> nodes = byInstrument.get(instrument);
        if (nodes != null) {
            for (Map.Entry<String, NodeDemand> node : nodes.entrySet()) {
                if (!node.getKey().equals(nodeId)) {
                    kinds |= node.getValue().kinds();
                }
            }
        }
        if (kinds == 0) {
            kindsByInstrument.remove(instrument);
        } else {
            kindsByInstrument.put(instrument, kinds);
        }
    }

    private void notifyIfChanged(String instrument, boolean before) {
        boolean after = isDemanded(instrument);
        if (before != after) {
            for (DemandListener listener : listeners) {
                try {
                    listener.demandChanged(instrument, after);
                } catch (RuntimeException e) {
                    LOG.error("demand listener failed: instrument={}, demanded={}", instrument, after, e);
                }
            }
        }
    }
}
