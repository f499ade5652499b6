package tickbus.feed.redis;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a Redis feed counts beyond the engine's {@link tickbus.feed.FeedMetrics}: the session with Redis (typed
 * connect failures, confirmations, keep-alive pings), streams progress and publisher restarts. Written on the
 * feed's event loop and its workers; read by monitoring and tests.
 */
public final class RedisFeedCounters {

    final LongAdder messages = new LongAdder();
    final LongAdder subscribeConfirmations = new LongAdder();
    final LongAdder unsubscribeConfirmations = new LongAdder();
    final LongAdder errorReplies = new LongAdder();
    final LongAdder unexpectedPushes = new LongAdder();
    final LongAdder oversizedNames = new LongAdder();
    final LongAdder pingsSent = new LongAdder();
    final LongAdder pongs = new LongAdder();
    final LongAdder streamReads = new LongAdder();
    final LongAdder streamEntries = new LongAdder();
    final LongAdder streamErrorReplies = new LongAdder();
    final LongAdder wrongTypeKeys = new LongAdder();
    final LongAdder checkpointWrites = new LongAdder();
    final LongAdder checkpointFailures = new LongAdder();
    final LongAdder publisherRestarts = new LongAdder();
    final LongAdder channelsEvicted = new LongAdder();
    private final Map<String, LongAdder> connectFailuresByKind = new ConcurrentHashMap<>();

    void connectFailed(String kind) {
        connectFailuresByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Failed connection attempts by {@link RedisSessionException#kind()}. */
    public Map<String, Long> connectFailuresByKind() {
        Map<String, Long> copy = new TreeMap<>();
        connectFailuresByKind.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    /** Pub/sub messages and pattern messages received. */
    public long messages() {
        return messages.sum();
    }

    public long subscribeConfirmations() {
        return subscribeConfirmations.sum();
    }

    public long unsubscribeConfirmations() {
        return unsubscribeConfirmations.sum();
    }

    /** Error replies to (un)subscribe commands. */
    public long errorReplies() {
        return errorReplies.sum();
    }

    /** Pushes of a kind the feed does not use, and messages on channels it did not subscribe. */
    public long unexpectedPushes() {
        return unexpectedPushes.sum();
    }

    /** Messages and stream fields dropped because a channel or field name exceeds 65,535 bytes. */
    public long oversizedNames() {
        return oversizedNames.sum();
    }

    public long pingsSent() {
        return pingsSent.sum();
    }

    public long pongs() {
        return pongs.sum();
    }

    /** XREAD replies received (entries or a timeout). */
    public long streamReads() {
        return streamReads.sum();
    }

    public long streamEntries() {
        return streamEntries.sum();
    }

    /** XREADs Redis refused with an error reply (WRONGTYPE or another): command errors, not connection losses. */
    public long streamErrorReplies() {
        return streamErrorReplies.sum();
    }

    /** Stream keys found holding another type after a WRONGTYPE; their instruments' subscriptions FAILED. */
    public long wrongTypeKeys() {
        return wrongTypeKeys.sum();
    }

    public long checkpointWrites() {
        return checkpointWrites.sum();
    }

    public long checkpointFailures() {
        return checkpointFailures.sum();
    }

    /** Times a channel's publisher numbering started again (validation restarted, RESET published). */
    public long publisherRestarts() {
        return publisherRestarts.sum();
    }

    /** Channels whose publisher run was forgotten to stay within {@link ChannelRuns}' limits. */
    public long channelsEvicted() {
        return channelsEvicted.sum();
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("messages", messages()).put("subscribeConfirmations", subscribeConfirmations())
                .put("unsubscribeConfirmations", unsubscribeConfirmations()).put("errorReplies", errorReplies())
                .put("unexpectedPushes", unexpectedPushes()).put("oversizedNames", oversizedNames())
                .put("pingsSent", pingsSent()).put("pongs", pongs()).put("streamReads", streamReads())
                .put("streamEntries", streamEntries())
                .put("streamErrorReplies", streamErrorReplies()).put("wrongTypeKeys", wrongTypeKeys()).put("checkpointWrites", checkpointWrites())
                .put("checkpointFailures", checkpointFailures()).put("publisherRestarts", publisherRestarts())
                .put("channelsEvicted", channelsEvicted())
                .put("connectFailures", new JsonObject(new java.util.HashMap<>(connectFailuresByKind())));
    }
}
