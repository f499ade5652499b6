package tickbus.feed;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.demand.DemandRegistry;
import tickbus.event.EventKind;
import tickbus.event.EventSink;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.protocol.ProtocolException;

/**
 * A WORKER verticle that decodes and normalizes one shard of a feed's frames, in order, and publishes the
 * resulting events for instruments somebody wants.
 */
final class ParserWorker extends VerticleBase implements DecoderContext, EventSink, PayloadSequences.GapListener {

    private static final Logger LOG = LoggerFactory.getLogger(ParserWorker.class);
    private static final long ERROR_LOG_INTERVAL_MILLIS = 10_000;
    /** Frames announced to the decoder ({@link FrameDecoder#prefetch}) before the first of them is decoded. */
    private static final int PREFETCH_FRAMES = 8;
    /** Events of a batch held back and published together, at most. */
    private static final int MAX_HELD_EVENTS = 512;

    private final FeedProtocol protocol;
    private final FeedSettings settings;
    private final FeedMetrics metrics;
    private final DemandRegistry demand;
    private final InstantSource clock;
    private final PayloadSequences payloadSequences;
    private final int shard;
    private final Map<String, String[]> addresses = new HashMap<>();
    /** Instruments sent a snapshot since the last reset (those published to are the keys of addresses). */
    private final Set<String> snapshotted = new HashSet<>();
    private final int[] groupPositions = new int[PREFETCH_FRAMES];
    private EventBus eventBus;
    private InstrumentStatusPublisher statuses;
    private FrameDecoder decoder;
    private long lastErrorLogMillis;
    /** Published since the batch began; added to the metrics once per batch, not with an atomic per event. */
    private long eventsInBatch;
    /**
     * A batch's events, published together when it ends (or when {@link #MAX_HELD_EVENTS} are held): a consumer's
     * event loop is then woken once for a run of events instead of once per event, and this thread makes one wake-up
     * call instead of one per event. Order is kept.
     */
    private final String[] heldAddresses = new String[MAX_HELD_EVENTS];
    private final MarketEvent[] heldEvents = new MarketEvent[MAX_HELD_EVENTS];
    private int held;
    private boolean inBatch;

    ParserWorker(FeedProtocol protocol, FeedSettings settings, FeedMetrics metrics, DemandRegistry demand,
            InstantSource clock, PayloadSequences payloadSequences, int shard) {
        this.protocol = protocol;
        this.settings = settings;
        this.metrics = metrics;
        this.demand = demand;
        this.clock = clock;
        this.payloadSequences = payloadSequences;
        this.shard = shard;
    }

    @Override
    public Future<?> start() {
        eventBus = vertx.eventBus();
        statuses = new InstrumentStatusPublisher(settings, eventBus, demand, clock);
        decoder = protocol.newDecoder(this);
        return Future.succeededFuture();
    }

    /** Queue a batch for this worker; {@code done} runs on the worker after it was processed. */
    void submit(FrameBatch batch, Runnable done) {
        context.runOnContext(v -> {
            try {
                process(batch);
            } finally {
                done.run();
            }
        });
    }

    /** Send the decoder's current state of {@code instrument} to {@code replyAddress}, in stream order. */
    void snapshot(String instrument, String replyAddress) {
        context.runOnContext(v -> decoder.snapshot(instrument, event -> {
            snapshotted.add(event.instrument());
            eventBus.send(replyAddress, event);
        }));
    }

    /** Run {@code action} on this worker after the batches already submitted (their events published). */
    void afterQueued(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    /**
     * In stream order after the batches already submitted: drop the decoder's state, and send {@code RESET} to the
     * wanted instruments this worker published to or sent a snapshot since the last reset (with several workers,
     * the one that serves an instrument; an instrument nobody served holds nothing to discard).
     */
    void reset(String reason, long sequence) {
        context.runOnContext(v -> {
            decoder.reset();
            Set<String> served = new HashSet<>(addresses.keySet());
            served.addAll(snapshotted);
            addresses.clear();
            snapshotted.clear();
            statuses.publishToWanted(served, InstrumentState.RESET, 0, 0, reason, sequence);
        });
    }

    private void process(FrameBatch batch) {
        byte[] bytes = batch.bytes();
        Buffer frames = batch.buffer();
        inBatch = true;
        try {
            decodeFrames(batch, bytes, frames);
        } finally {
            inBatch = false;
            publishHeld();
        }
        if (eventsInBatch > 0) {
            metrics.eventsPublished.add(eventsInBatch);
            eventsInBatch = 0;
        }
    }

    private void decodeFrames(FrameBatch batch, byte[] bytes, Buffer frames) {
        int position = 0;
        for (int remaining = batch.frameCount(); remaining > 0; remaining -= PREFETCH_FRAMES) {
            int group = Math.min(PREFETCH_FRAMES, remaining);
            int next = position;
            for (int i = 0; i < group; i++) {
                groupPositions[i] = next;
                int length = FrameBatch.frameLength(bytes, next);
                decoder.prefetch(frames, next + FrameBatch.HEADER_BYTES, length);
                next += FrameBatch.HEADER_BYTES + length;
            }
            for (int i = 0; i < group; i++) {
                int at = groupPositions[i];
                decodeOne(FrameBatch.sequence(bytes, at), FrameBatch.receiveTimeNanos(bytes, at), frames,
                        at + FrameBatch.HEADER_BYTES, FrameBatch.frameLength(bytes, at));
            }
            position = next;
        }
        decoder.endOfBatch();
    }

    private void decodeOne(long sequence, long receiveTimeNanos, Buffer bytes, int offset, int length) {
        try {
            decoder.decode(sequence, receiveTimeNanos, bytes, offset, length);
        } catch (ProtocolException e) {
            metrics.parseError(e.kind());
            logError(sequence, e);
        } catch (RuntimeException e) {
            metrics.parseError("internal");
            logError(sequence, e);
        }
    }

    private void logError(long sequence, RuntimeException e) {
        long now = clock.millis();
        if (now - lastErrorLogMillis >= ERROR_LOG_INTERVAL_MILLIS) {
            lastErrorLogMillis = now;
            LOG.warn("feed {}: frame rejected (logged at most every {} ms; all are counted): sequence={}, error={}",
                    settings.source(), ERROR_LOG_INTERVAL_MILLIS, sequence, e.toString());
        }
    }

    @Override
    public void accept(MarketEvent event) {
        if (!demand.isDemanded(event.instrument(), event.kind())) {
            return;
        }
        String[] byKind = addresses.computeIfAbsent(event.instrument(), ParserWorker::addressesOf);
        String address = byKind[event.kind().ordinal()];
        eventsInBatch++;
        if (!inBatch) {
            eventBus.publish(address, event);
            metrics.latency(FeedClock.nanos(clock) - event.receiveTimeNanos());
            return;
        }
        if (held == MAX_HELD_EVENTS) {
            publishHeld();
        }
        heldAddresses[held] = address;
        heldEvents[held++] = event;
    }

    private void publishHeld() {
        if (held == 0) {
            return;
        }
        int count = held;
        // Emptied first: should a publish throw, the next batch must not publish these again.
        held = 0;
        long now = FeedClock.nanos(clock);
        for (int i = 0; i < count; i++) {
            MarketEvent event = heldEvents[i];
            heldEvents[i] = null;
            eventBus.publish(heldAddresses[i], event);
            metrics.latency(now - event.receiveTimeNanos());
        }
    }

    @Override
    public boolean wants(String instrument, EventKind kind) {
        return demand.isDemanded(instrument, kind);
    }

    private static String[] addressesOf(String instrument) {
        EventKind[] kinds = EventKind.values();
        String[] result = new String[kinds.length];
        for (EventKind kind : kinds) {
            result[kind.ordinal()] = Addresses.marketData(kind, instrument);
        }
        return result;
    }

    @Override
    public FeedSettings settings() {
        return settings;
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public EventSink sink() {
        return this;
    }

    @Override
    public boolean wanted(String instrument) {
        return demand.isAnyKindDemanded(instrument);
    }

    @Override
    public SequenceValidator.Verdict sequence(String stream, long sequence, Collection<String> instruments) {
        return payloadSequences.check(stream, sequence, instruments, this);
    }

    @Override
    public void sequenceRestarted(String stream, long firstSequence) {
        payloadSequences.restart(stream, firstSequence);
    }

    @Override
    public void sequenceForgotten(String stream) {
        payloadSequences.forget(stream);
    }

    /** Published like an event, so it follows the events before the gap and precedes the one after it. */
    @Override
    public void payloadGap(String stream, Collection<String> instruments, long from, long to) {
        long now = FeedClock.nanos(clock);
        String reason = "stream " + stream + " lost " + (to - from + 1) + " messages; the source cannot replay";
        for (String instrument : instruments) {
            accept(new InstrumentStatus(instrument, settings.venue(), settings.source(), to, now, now,
                    InstrumentState.GAP, from, to, reason));
        }
    }

    @Override
    public void bookAnomalies(String kind, long count) {
        metrics.bookAnomalies(kind, count);
    }

    @Override
    public int shard() {
        return shard;
    }
}
