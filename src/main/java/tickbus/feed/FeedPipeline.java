package tickbus.feed;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.InstantSource;
import tickbus.demand.DemandRegistry;

/**
 * A feed's data path, from the bytes and frames its connection reads to the events its parser workers publish in
 * stream order: liveness and data times for the watchdog, transport sequence validation, batching to the workers,
 * and back-pressure when they fall behind. What the feed's state does about it is the listener's. Used on the
 * feed's event loop.
 */
final class FeedPipeline {

    /** What the feed does about the data path, on the feed's event loop. */
    interface Listener {

        /** A data frame arrived, before its sequence number is validated. */
        void dataArrived();

        /** The workers fell behind: the connection should stop reading. */
        void readingPaused();

        /** The workers caught up: the connection may read again. */
        void readingResumed();
    }

    private final Context context;
    private final FeedSettings settings;
    private final FeedProtocol protocol;
    private final InstantSource clock;
    private final FeedMetrics metrics;
    private final TransportSequencing sequencing;
    private final FeedWatchdog watchdog;
    private final Listener listener;
    private final ParserWorkers workers;
    private final PayloadSequences payloadSequences;
    private FrameDispatcher dispatcher;

    FeedPipeline(Vertx vertx, Context context, FeedSettings settings, FeedProtocol protocol, InstantSource clock,
            FeedMetrics metrics, TransportSequencing sequencing, FeedWatchdog watchdog, Listener listener) {
        this.context = context;
        this.settings = settings;
        this.protocol = protocol;
        this.clock = clock;
        this.metrics = metrics;
        this.sequencing = sequencing;
        this.watchdog = watchdog;
        this.listener = listener;
        this.workers = new ParserWorkers(vertx);
        this.payloadSequences = new PayloadSequences(metrics, clock);
    }

    /** Deploys the parser workers; frames are accepted once it succeeds. */
    Future<Void> deploy(DemandRegistry demand) {
        return workers.deploy(settings.workers(), "tickbus-parser-" + settings.source(),
                shard -> new ParserWorker(protocol, settings, metrics, demand, clock, payloadSequences, shard))
                .onSuccess(v -> dispatcher = new FrameDispatcher(protocol, workers.list(), settings.maxBatchFrames(),
                        this::pause, () -> context.runOnContext(x -> resume())));
    }

    /** Whether back-pressure holds the reading: a new connection starts paused. */
    boolean paused() {
        return dispatcher.paused();
    }

    /** The next transport sequence number expected. */
    long resumeSequence() {
        return sequencing.expected();
    }

    void bytesReceived(int count) {
        long nowMillis = clock.millis();
        watchdog.inbound(nowMillis);
        metrics.inbound(nowMillis, count);
    }

    /** As {@link ConnectionContext#frame(long, long, Buffer, int, int)}; a gap goes to the sequencing's listener. */
    void frame(long firstSequence, long lastSequence, Buffer source, int offset, int length) {
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        watchdog.data(nowMillis);
        metrics.frames.increment();
        metrics.data(nowMillis);
        listener.dataArrived();
        if (firstSequence > 0 && !sequencing.accept(firstSequence, lastSequence, nowMillis)) {
            return;
        }
        dispatcher.add(firstSequence, FeedClock.nanos(now), source, offset, length);
    }

    /** As {@link ConnectionContext#notice(Buffer, int, int)}: in stream order, but no data for the watchdog. */
    void notice(Buffer source, int offset, int length) {
        dispatcher.add(0, FeedClock.nanos(clock.instant()), source, offset, length);
    }

    /** Hands the frames gathered so far to the workers. */
    void flush() {
        dispatcher.flush();
    }

    /** Runs {@code action} on the feed's event loop once every frame handed over so far is published. */
    void afterPublished(Runnable action) {
        dispatcher.afterProcessed(() -> context.runOnContext(v -> action.run()));
    }

    /** A new upstream session: validation restarts at {@code nextSequence}, the decoders drop their state. */
    void sessionChanged(String reason, long nextSequence) {
        sequencing.reset(nextSequence);
        payloadSequences.clear();
        // Published by the workers in stream order: from here, the old session's queued events would follow it.
        dispatcher.reset(reason, sequencing.lastProcessed());
    }

    /** Each worker sends what it holds of {@code instrument} to {@code replyAddress}. */
    void snapshot(String instrument, String replyAddress) {
        workers.list().forEach(worker -> worker.snapshot(instrument, replyAddress));
    }

    /** Hands over what is gathered, then undeploys the workers once they have processed it. */
    Future<Void> undeploy() {
        if (dispatcher != null) {
            dispatcher.flush();
        }
        return workers.undeploy();
    }

    private void pause() {
        metrics.pauses.increment();
        watchdog.readingPaused();
        listener.readingPaused();
    }

    private void resume() {
        dispatcher.resumed();
        watchdog.readingResumed(clock.millis());
        listener.readingResumed();
    }
}
