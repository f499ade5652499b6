package tickbus.feed;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.InstantSource;

/**
 * The context one connection attempt's connection reports through. While the engine waits for the connect, an End
 * of Session or a loss is kept in {@link #early()} for the engine to act on once the connect completes. Once the
 * engine abandons the attempt (timed out, failed, superseded, released, the feed stopping), every report is
 * ignored — its frames counted as abandoned — so a connection the engine gave up can never touch the engine's
 * sequence numbers, workers or state, whatever it still delivers. Used only on the feed's event loop.
 */
final class AttemptContext implements ConnectionContext {

    /** Where the attempt is, from the engine's point of view. */
    enum Stage {
        /** The connect is in flight: frames are processed, an end or a loss is kept for later. */
        CONNECTING,
        /** The engine holds the connection: every report reaches it. */
        CONNECTED,
        /** The engine gave the attempt up: every report is ignored. */
        ABANDONED
    }

    private final FeedVerticle engine;
    private final FeedPipeline pipeline;
    private final Vertx vertx;
    private final FeedSettings settings;
    private final InstantSource clock;
    private final FeedMetrics metrics;
    private final EarlyReports early = new EarlyReports();
    private Stage stage = Stage.CONNECTING;

    AttemptContext(FeedVerticle engine, FeedPipeline pipeline, Vertx vertx, FeedSettings settings, InstantSource clock,
            FeedMetrics metrics) {
        this.engine = engine;
        this.pipeline = pipeline;
        this.vertx = vertx;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The engine took the connection: from now on ends and losses reach it at once. */
    EarlyReports connected() {
        stage = Stage.CONNECTED;
        return early;
    }

    void abandon() {
        stage = Stage.ABANDONED;
    }

    /** What was reported while connecting. */
    EarlyReports early() {
        return early;
    }

    /** Whether the engine still stands by this attempt. */
    boolean current() {
        return stage != Stage.ABANDONED;
    }

    @Override
    public Vertx vertx() {
        return vertx;
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
    public long resumeSequence() {
        return pipeline.resumeSequence();
    }

    @Override
    public void bytesReceived(int count) {
        if (current()) {
            pipeline.bytesReceived(count);
        }
    }

    @Override
    public void frame(long firstSequence, long lastSequence, Buffer source, int offset, int length) {
        if (current()) {
            pipeline.frame(firstSequence, lastSequence, source, offset, length);
        } else {
            metrics.abandonedFrames.increment();
        }
    }

    @Override
    public void notice(Buffer source, int offset, int length) {
        if (current()) {
            pipeline.notice(source, offset, length);
        }
    }

    @Override
    public void endOfRead() {
        if (current()) {
            pipeline.flush();
        }
    }

    /** An action given by an abandoned connection never runs: none of what it handed over since was published. */
    @Override
    public void afterPublished(Runnable action) {
        if (current()) {
            pipeline.afterPublished(action);
        }
    }

    @Override
    public void retryAfter(long delayMillis) {
        if (current()) {
            engine.retryAfter(delayMillis);
        }
    }

    @Override
    public void subscriptionRefused(String instrument, String reason) {
        if (current()) {
            engine.subscriptionRefused(instrument, reason);
        }
    }

    @Override
    public void sequencesLost(long from, long to) {
        if (current()) {
            engine.sequencesLost(from, to);
        }
    }

    @Override
    public void connectionLost(String reason) {
        connectionLost(reason, "peer");
    }

    @Override
    public void connectionLost(String reason, String kind) {
        switch (stage) {
            case CONNECTING -> early.lost(reason, kind);
            case CONNECTED -> engine.connectionLost(reason, kind);
            case ABANDONED -> {
            }
        }
    }

    @Override
    public void endOfSession(String reason) {
        switch (stage) {
            case CONNECTING -> early.ended(reason);
            case CONNECTED -> engine.endOfSession(reason);
            case ABANDONED -> {
            }
        }
    }

    @Override
    public void sessionChanged(String reason, long nextSequence) {
        if (current()) {
            pipeline.sessionChanged(reason, nextSequence);
        }
    }
}
