package tickbus.feed;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;

/**
 * Everything a feed can suffer, counted. Written by the feed's event loop and its workers; read by monitoring.
 */
public final class FeedMetrics {

    private static final long MAX_TRACKED_LATENCY_NANOS = 60_000_000_000L;

    private final String source;
    private final String venue;
    private final String protocol;
    private final AtomicReference<FeedState> state = new AtomicReference<>(FeedState.STOPPED);
    private final AtomicReference<BreakerState> breaker = new AtomicReference<>(BreakerState.CLOSED);
    private final AtomicReference<String> stateReason = new AtomicReference<>("not started");
    final LongAdder bytes = new LongAdder();
    final LongAdder frames = new LongAdder();
    final LongAdder abandonedFrames = new LongAdder();
    final LongAdder connects = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder heartbeatTimeouts = new LongAdder();
    final LongAdder gaps = new LongAdder();
    final LongAdder gapMessages = new LongAdder();
    final LongAdder recoveries = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder payloadStreamsEvicted = new LongAdder();
    final LongAdder droppedDuringRecovery = new LongAdder();
    final LongAdder eventsPublished = new LongAdder();
    final LongAdder subscriptionFailures = new LongAdder();
    final LongAdder pauses = new LongAdder();
    private final Map<String, LongAdder> disconnectsByReason = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> parseErrorsByKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bookAnomaliesByKind = new ConcurrentHashMap<>();
    private final AtomicLong lastDataMillis = new AtomicLong();
    private final AtomicLong lastInboundMillis = new AtomicLong();
    private final AtomicLong lastRecoveryMillis = new AtomicLong();
    private final Recorder latency = new Recorder(MAX_TRACKED_LATENCY_NANOS, 3);
    final GapLog gapLog;

    public FeedMetrics(String source, String venue, String protocol) {
        this.source = source;
        this.venue = venue;
        this.protocol = protocol;
        this.gapLog = new GapLog(source);
    }

    /** The most recent gaps (transport and payload streams), newest first. */
    public java.util.List<GapRecord> recentGaps() {
        return gapLog.recent();
    }

    public String source() {
        return source;
    }

    public String venue() {
        return venue;
    }

    public String protocol() {
        return protocol;
    }

    public FeedState state() {
        return state.get();
    }

    public String stateReason() {
        return stateReason.get();
    }

    public BreakerState breaker() {
        return breaker.get();
    }

    void state(FeedState newState, String reason) {
        state.set(newState);
        stateReason.set(reason);
    }

    void breaker(BreakerState newState) {
        breaker.set(newState);
    }

    void disconnected(String reasonKind) {
        disconnectsByReason.computeIfAbsent(reasonKind, k -> new LongAdder()).increment();
    }

    public void parseError(String kind) {
        parseErrorsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void bookAnomalies(String kind, long count) {
        bookAnomaliesByKind.computeIfAbsent(kind, k -> new LongAdder()).add(count);
    }

    void inbound(long nowMillis, int count) {
        bytes.add(count);
        lastInboundMillis.set(nowMillis);
    }

    void data(long nowMillis) {
        lastDataMillis.set(nowMillis);
    }

    void recovered(long durationMillis) {
        recoveries.increment();
        lastRecoveryMillis.set(durationMillis);
    }

    void latency(long nanos) {
        latency.recordValue(Math.max(0, Math.min(nanos, MAX_TRACKED_LATENCY_NANOS)));
    }

    /** The latencies recorded since the last call (interval snapshot). */
    public Histogram takeLatencyInterval() {
        return latency.getIntervalHistogram();
    }

    public long lastDataMillis() {
        return lastDataMillis.get();
    }

    public long lastInboundMillis() {
        return lastInboundMillis.get();
    }

    public Map<String, Long> disconnectsByReason() {
        return snapshot(disconnectsByReason);
    }

    public Map<String, Long> parseErrorsByKind() {
        return snapshot(parseErrorsByKind);
    }

    /** Updates a book could not take as sent (a level it did not have, a full side), by kind; the frames were used. */
    public Map<String, Long> bookAnomaliesByKind() {
        return snapshot(bookAnomaliesByKind);
    }

    public long bytes() {
        return bytes.sum();
    }

    public long frames() {
        return frames.sum();
    }

    /** Frames a connection delivered after the feed had given up its attempt (a connect that outlived its timeout). */
    public long abandonedFrames() {
        return abandonedFrames.sum();
    }

    public long connects() {
        return connects.sum();
    }

    public long reconnects() {
        return reconnects.sum();
    }

    public long heartbeatTimeouts() {
        return heartbeatTimeouts.sum();
    }

    public long gaps() {
        return gaps.sum();
    }

    public long gapMessages() {
        return gapMessages.sum();
    }

    public long recoveries() {
        return recoveries.sum();
    }

    public long lastRecoveryMillis() {
        return lastRecoveryMillis.get();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    /** Payload sequence streams forgotten to stay within their limit; each one's next number started afresh. */
    public long payloadStreamsEvicted() {
        return payloadStreamsEvicted.sum();
    }

    public long droppedDuringRecovery() {
        return droppedDuringRecovery.sum();
    }

    public long eventsPublished() {
        return eventsPublished.sum();
    }

    public long subscriptionFailures() {
        return subscriptionFailures.sum();
    }

    public long pauses() {
        return pauses.sum();
    }

    /** A point-in-time view for monitoring and logs. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("source", source).put("venue", venue).put("protocol", protocol)
                .put("state", state().name()).put("reason", stateReason()).put("breaker", breaker().name())
                .put("bytes", bytes()).put("frames", frames())
                .put("abandonedFrames", abandonedFrames()).put("connects", connects())
                .put("reconnects", reconnects()).put("heartbeatTimeouts", heartbeatTimeouts())
                .put("gaps", gaps()).put("gapMessages", gapMessages()).put("recoveries", recoveries())
                .put("duplicates", duplicates()).put("payloadStreamsEvicted", payloadStreamsEvicted())
                .put("eventsPublished", eventsPublished())
                .put("subscriptionFailures", subscriptionFailures())
                .put("lastDataMillis", lastDataMillis()).put("lastInboundMillis", lastInboundMillis())
                .put("disconnects", new JsonObject(new java.util.HashMap<String, Object>(disconnectsByReason())))
                .put("parseErrors", new JsonObject(new java.util.HashMap<String, Object>(parseErrorsByKind())));
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counters.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }
}
