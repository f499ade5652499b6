package tickbus.feed;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.demand.ServingFeed;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;

/**
 * One feed: one protocol connection, its parser workers, and the market-data session semantics every protocol
 * shares — reconnect with backoff and a circuit breaker, heartbeat watchdog, silence detection, sequence
 * validation with gap recovery, demand-driven subscriptions restored after every reconnect, and a graceful stop.
 */
public class FeedVerticle extends VerticleBase
        implements TransportSequencing.Listener, FeedWatchdog.Listener, FeedPipeline.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(FeedVerticle.class);

    private FeedSettings settings;
    private FeedProtocol protocol;
    private InstantSource clock;
    private TickbusNode node;
    private FeedMetrics metrics;
    private FeedLifecycle lifecycle;
    private ReconnectBackoff backoff;
    private CircuitBreaker breaker;
    private SubscriptionManager subscriptions;
    private DemandFollower demand;
    private InstrumentStatusPublisher statuses;
    private TransportSequencing sequencing;
    private FeedPipeline pipeline;
    private FeedConnection connection;
    private AttemptContext attempt;
    private long reconnectTimer = -1;
    private long retryAfterMillis;
    private FeedWatchdog watchdog;
    private long watchdogTimer = -1;
    private boolean stopping;

    /** Deployed by name: settings and protocol come from {@code config()}. */
    public FeedVerticle() {
    }

    /** Deployed as an instance, e.g. by tests with a fake protocol. */
    public FeedVerticle(FeedSettings settings, FeedProtocol protocol) {
        this.settings = settings;
        this.protocol = protocol;
    }

    @Override
    public Future<?> start() {
        if (settings == null) {
            settings = FeedSettings.fromJson(config(), "config");
            protocol = FeedProtocols.create(settings, "config");
        }
        node = TickbusNode.of(vertx);
        clock = node.clock();
        metrics = new FeedMetrics(settings.source(), settings.venue(), settings.protocol());
        node.registerFeed(metrics);
        lifecycle = new FeedLifecycle(settings, metrics, vertx.eventBus(), clock);
        statuses = new InstrumentStatusPublisher(settings, vertx.eventBus(), node.demand(), clock);
        sequencing = new TransportSequencing(protocol.firstSequence(), protocol.gapPolicy(), metrics, this);
        watchdog = new FeedWatchdog(settings, sequencing, this);
        backoff = new ReconnectBackoff(settings.backoff(), bound -> ThreadLocalRandom.current().nextLong(bound + 1));
        breaker = FeedBreaker.create(vertx, settings, lifecycle, () -> {
            if (lifecycle.state() == FeedState.CIRCUIT_OPEN && !stopping) {
                connect("half-open probe");
            }
        });
        subscriptions = new SubscriptionManager(vertx, settings.subscriptionRetry(), this::subscriptionChanged);
        demand = new DemandFollower(vertx, context, settings, node.demand(), subscriptions);
        pipeline = new FeedPipeline(vertx, context, settings, protocol, clock, metrics, sequencing, watchdog, this);
        return pipeline.deploy(node.demand())
                .onSuccess(v -> {
                    demand.start();
                    vertx.eventBus().<JsonObject>consumer(Addresses.SNAPSHOT_REQUESTS,
                            message -> snapshotRequested(message.body()));
                    watchdogTimer = vertx.setPeriodic(settings.watchdogIntervalMillis(), id -> checkSilence());
                    connect("starting");
                });
    }

    /** The feed's counters; valid after start. */
    public FeedMetrics metrics() {
        return metrics;
    }

    /** The upstream subscription state of an instrument (for monitoring and tests). */
    public SubscriptionState subscriptionState(String instrument) {
        return subscriptions.state(instrument);
    }

    // ---- connecting ----

    private void connect(String reason) {
        reconnectTimer = -1;
        if (stopping || lifecycle.state() == FeedState.END_OF_SESSION) {
            return;
        }
        lifecycle.transition(FeedState.CONNECTING, reason);
        abandonAttempt();
        AttemptContext current = new AttemptContext(this, pipeline, vertx, settings, clock, metrics);
        attempt = current;
        FeedBreaker.attempt(breaker, () -> protocol.connect(current)).onComplete(result -> {
            if (!current.current()) {
                if (result.succeeded()) {
                    result.result().abort();
                }
            } else if (result.succeeded()) {
                connected(result.result(), current.connected());
            } else if (result.cause() instanceof OpenCircuitException) {
                current.abandon();
                lifecycle.transition(FeedState.CIRCUIT_OPEN, "circuit open after "
                        + settings.breaker().maxFailures() + " consecutive failures; next probe in "
                        + settings.breaker().resetTimeoutMillis() + " ms");
            } else {
                current.abandon();
                metrics.disconnected("connect-failed");
                scheduleReconnect("connect failed: " + result.cause().getMessage());
            }
        });
    }

    /** The connection an attempt made is alive; {@code early} is what it reported while connecting. */
    private void connected(FeedConnection newConnection, EarlyReports early) {
        connection = newConnection;
        metrics.connects.increment();
        if (pipeline.paused()) {
            newConnection.pause();
        }
        if (early.endedReason() != null) {
            endOfSession(early.endedReason());
            return;
        }
        if (early.lostReason() != null) {
            drop("connection lost: " + early.lostReason(), early.lostKind());
            return;
        }
        watchdog.connected(clock.millis());
        lifecycle.transition(FeedState.RECOVERING, "connected; restoring " + subscriptions.wanted().size()
                + " subscriptions");
        if (early.gapFrom() > 0 && sequencing.recovery() != null) {
            requestReplay(newConnection, early.gapFrom());
            if (connection != newConnection) {
                return;
            }
        }
        subscriptions.restore(newConnection).onSuccess(v -> {
            if (connection == newConnection && !stopping) {
                goLive("subscriptions restored: " + subscriptions.wanted().size());
            }
        });
    }

    private void goLive(String reason) {
        GapRecovery open = sequencing.recovery();
        if (open != null) {
            lifecycle.transition(FeedState.RECOVERING, "waiting for replay of " + open.describe());
            return;
        }
        lifecycle.transition(FeedState.LIVE, reason);
        backoff.healthy(clock.millis());
        publishToWanted(InstrumentState.LIVE, 0, 0, reason);
    }

    private void scheduleReconnect(String reason) {
        if (stopping || lifecycle.state() == FeedState.END_OF_SESSION) {
            return;
        }
        long venueDelay = retryAfterMillis;
        retryAfterMillis = 0;
        long delay = Math.max(backoff.nextDelayMillis(), venueDelay);
        metrics.reconnects.increment();
        lifecycle.transition(FeedState.BACKING_OFF, reason + "; retry in " + delay + " ms (attempt "
                + backoff.consecutiveFailures() + (venueDelay > 0 ? ", retryAfterMillis=" + venueDelay : "") + ")");
        reconnectTimer = vertx.setTimer(Math.max(1, delay), id -> connect("backoff elapsed"));
    }

    /** Forget the connection (the caller closes or aborts it) and what depended on it. */
    private FeedConnection release() {
        FeedConnection released = connection;
        connection = null;
        abandonAttempt();
        pipeline.flush();
        subscriptions.disconnected();
        return released;
    }

    /** From here on, whatever the last attempt's connection still reports is ignored. */
    private void abandonAttempt() {
        if (attempt != null) {
            attempt.abandon();
        }
    }

    private void drop(String reason, String kind) {
        if (connection == null) {
            return;
        }
        release().abort();
        metrics.disconnected(kind);
        backoff.lost(clock.millis());
        publishToWanted(InstrumentState.STALE, 0, 0, reason);
        scheduleReconnect(reason);
    }

    // ---- ConnectionContext, through the current attempt's AttemptContext, on this event loop ----

    void retryAfter(long delayMillis) {
        retryAfterMillis = Math.max(retryAfterMillis, delayMillis);
    }

    void subscriptionRefused(String instrument, String reason) {
        subscriptions.refused(instrument, reason);
    }

    void sequencesLost(long from, long to) {
        LOG.warn("feed {}: the source will never send from={}, to={}", settings.source(), from, to);
        sequencing.lost(from, to, clock.millis());
    }

    void connectionLost(String reason, String kind) {
        drop("connection lost: " + reason, kind);
    }

    void endOfSession(String reason) {
        if (connection != null) {
            release().close();
        }
        lifecycle.transition(FeedState.END_OF_SESSION, reason);
        publishToWanted(InstrumentState.END_OF_SESSION, 0, 0, reason);
    }

    // ---- gaps ----

    @Override
    public void gapOpened(long from, long to) {
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.GAP, from, to,
                "missing " + (to - from + 1) + " messages; replay requested", from - 1);
        if (connection == null) {
            // Seen in the login's read (a source resuming later than asked): asked for once the connect completes.
            attempt.early().gap(from);
            return;
        }
        lifecycle.transition(FeedState.RECOVERING, "gap from=" + from + ", to=" + to);
        requestReplay(connection, from);
    }

    private void requestReplay(FeedConnection current, long from) {
        current.replay(from).onFailure(e -> {
            if (connection == current) {
                drop("replay unavailable (" + e.getMessage() + "); reconnecting from " + from, "gap-reconnect");
            }
        });
    }

    @Override
    public void lossAccepted(long from, long to) {
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.GAP, from, to,
                "lost " + (to - from + 1) + " messages; the source cannot replay", to + 1);
    }

    @Override
    public void gapHealed(GapRecovery healed, long durationMillis) {
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.RECOVERED, healed.from(), healed.to(),
                "recovered in " + durationMillis + " ms", healed.to());
        if (connection != null && lifecycle.state() == FeedState.RECOVERING) {
            goLive("gap " + healed.describe() + " recovered in " + durationMillis + " ms");
        }
    }

    private void publishToWanted(InstrumentState state, long gapFrom, long gapTo, String reason) {
        statuses.publishToWanted(subscriptions.wanted(), state, gapFrom, gapTo, reason, sequencing.lastProcessed());
    }

    // ---- watchdog ----

    private void checkSilence() {
        if (connection != null) {
            long nowMillis = clock.millis();
            connection.tick(nowMillis);
            watchdog.check(nowMillis, lifecycle.state() == FeedState.LIVE,
                    protocol.firehose() || subscriptions.anyWanted());
        }
    }

    @Override
    public void heartbeatTimedOut(String reason) {
        metrics.heartbeatTimeouts.increment();
        drop(reason, "heartbeat-timeout");
    }

    @Override
    public void dataStopped(String reason) {
        lifecycle.transition(FeedState.STALE, reason);
        publishToWanted(InstrumentState.STALE, 0, 0, reason);
        if (settings.reconnectWhenSilent()) {
            drop(reason, "silent");
        }
    }

    @Override
    public void recoveryOverdue(String reason) {
        drop(reason, "recovery-timeout");
    }

    // ---- data path, snapshots, subscriptions ----

    @Override
    public void dataArrived() {
        if (lifecycle.state() == FeedState.STALE) {
            lifecycle.transition(FeedState.LIVE, "data resumed");
            publishToWanted(InstrumentState.LIVE, 0, 0, "data resumed");
        }
    }

    @Override
    public void readingPaused() {
        if (connection != null) {
            connection.pause();
        }
    }

    @Override
    public void readingResumed() {
        if (connection != null) {
            connection.resume();
        }
    }

    private void snapshotRequested(JsonObject request) {
        String instrument = request.getString("instrument");
        String replyAddress = request.getString("replyAddress");
        if (instrument != null && replyAddress != null && settings.instruments().serves(instrument)) {
            node.demand().learn(request.getJsonObject("demand")).onComplete(v -> {
                // First, so that the subscriber knows whose departure would leave it without data.
                ServingFeed serving = new ServingFeed(node.demand().nodeId(), settings.source());
                vertx.eventBus().send(replyAddress, serving.toJson());
                pipeline.snapshot(instrument, replyAddress);
            });
        }
    }

    private void subscriptionChanged(String instrument, SubscriptionState state, String reason) {
        LOG.info("feed {}: subscription {} → {} ({})", settings.source(), instrument, state, reason);
        if (state == SubscriptionState.FAILED) {
            metrics.subscriptionFailures.increment();
            statuses.publish(instrument, InstrumentState.SUBSCRIPTION_FAILED, 0, 0, reason,
                    sequencing.lastProcessed());
        }
    }

    // ---- stopping ----

    @Override
    public Future<?> stop() {
        stopping = true;
        lifecycle.transition(FeedState.STOPPING, "stop requested");
        demand.stop();
        vertx.cancelTimer(watchdogTimer);
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
        }
        subscriptions.stop();
        breaker.close();
        FeedConnection closing = connection;
        connection = null;
        // Closed before the attempt is abandoned: a closing connection may wait for what it handed over to be
        // published (the stream checkpoint does), and an abandoned attempt's afterPublished never runs.
        Future<Void> closed = closing == null ? Future.succeededFuture() : closing.close()
                .timeout(settings.stopTimeoutMillis(), TimeUnit.MILLISECONDS)
                .recover(e -> {
                    closing.abort();
                    return Future.succeededFuture();
                });
        abandonAttempt();
        return closed.compose(v -> pipeline.undeploy()).onComplete(v -> {
            lifecycle.transition(FeedState.STOPPED, "stopped");
            node.unregisterFeed(metrics);
        });
    }
}
