package tickbus.feed;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tickbus.TickbusNode;
import tickbus.demand.DemandListener;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;

/**
 * One feed: one protocol connection, its parser workers, and the market-data session semantics every protocol
 * shares — reconnect with backoff and a circuit breaker, heartbeat watchdog, silence detection, sequence
 * validation with gap recovery, demand-driven subscriptions restored after every reconnect, and a graceful stop.
 */
public class FeedVerticle extends VerticleBase implements ConnectionContext {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeedVerticle.class);

    /** Failures count towards opening the breaker for this long: consecutive failures, in practice. */
    private static final long FAILURES_ROLLING_WINDOW_MILLIS = 3_600_000;

    private FeedSettings settings;
    private FeedProtocol protocol;
    private InstantSource clock;
    private TickbusNode node;
    private FeedMetrics metrics;
    private FeedLifecycle lifecycle;
    private ReconnectBackoff backoff;
    private CircuitBreaker breaker;
    private SubscriptionManager subscriptions;
    private InstrumentStatusPublisher statuses;
    private FrameDispatcher dispatcher;
    private DemandListener demandListener;
    private final SequenceValidator transportSequence = new SequenceValidator(0);
    private final List<ParserWorker> workers = new ArrayList<>();
    private final List<String> workerDeploymentIds = new ArrayList<>();
    private final DemandLinger linger = new DemandLinger();
    private FeedConnection connection;
    private long connectionGeneration;
    private long reconnectTimer = -1;
    private long watchdogTimer = -1;
    private long lastInboundMillis;
    private long lastDataMillis;
    private GapRecovery recovery;
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
        backoff = new ReconnectBackoff(settings.backoff(), bound -> ThreadLocalRandom.current().nextLong(bound + 1));
        breaker = createBreaker();
        subscriptions = new SubscriptionManager(vertx, settings.subscriptionRetry(), this::subscriptionChanged);
        return deployWorkers().onSuccess(v -> {
            dispatcher = new FrameDispatcher(protocol, workers, settings.maxBatchFrames(), this::pauseConnection,
                    () -> context.runOnContext(x -> resumeConnection()));
            watchDemand();
            vertx.eventBus().<io.vertx.core.json.JsonObject>consumer(tickbus.Addresses.SNAPSHOT_REQUESTS,
                    message -> snapshotRequested(message.body()));
            watchdogTimer = vertx.setPeriodic(settings.watchdogIntervalMillis(), id -> watchdog());
            connect("starting");
        });
    }

    /** The feed's counters; valid after start. */
    public FeedMetrics metrics() {
        return metrics;
    }

    private CircuitBreaker createBreaker() {
        FeedSettings.BreakerSettings options = settings.breaker();
        CircuitBreaker created = CircuitBreaker.create("feed-" + settings.source(), vertx, new CircuitBreakerOptions()
                .setMaxFailures(options.maxFailures())
                .setTimeout(options.attemptTimeoutMillis())
                .setResetTimeout(options.resetTimeoutMillis())
                .setFailuresRollingWindow(FAILURES_ROLLING_WINDOW_MILLIS));
        created.openHandler(v -> lifecycle.breaker(BreakerState.OPEN, "failures=" + options.maxFailures()
                + " consecutive connection attempts failed"));
        created.halfOpenHandler(v -> {
            lifecycle.breaker(BreakerState.HALF_OPEN, "probing after resetTimeoutMillis=" + options.resetTimeoutMillis());
            if (lifecycle.state() == FeedState.CIRCUIT_OPEN && !stopping) {
                connect("half-open probe");
            }
        });
        created.closeHandler(v -> lifecycle.breaker(BreakerState.CLOSED, "connection attempt succeeded"));
        return created;
    }

    /**
     * Workers are deployed from a fresh context, not as children: Vert.x undeploys children before it stops the
     * parent, and the feed must close its connection and hand over its last frames before its workers go.
     */
    private Future<Void> deployWorkers() {
        PayloadSequences payloadSequences = new PayloadSequences(metrics, this::payloadGap);
        Promise<Void> deployed = Promise.promise();
        ((VertxInternal) vertx).createEventLoopContext().runOnContext(v -> {
            List<Future<String>> deployments = new ArrayList<>();
            for (int shard = 0; shard < settings.workers(); shard++) {
                ParserWorker worker = new ParserWorker(protocol, settings, metrics, node.demand(), clock,
                        payloadSequences, shard);
                workers.add(worker);
                deployments.add(vertx.deployVerticle(worker, new DeploymentOptions()
                        .setThreadingModel(ThreadingModel.WORKER)
                        .setWorkerPoolName("tickbus-parser-" + settings.source())
                        .setWorkerPoolSize(settings.workers())));
            }
            Future.all(deployments).onSuccess(all -> workerDeploymentIds.addAll(all.list()))
                    .<Void>mapEmpty().onComplete(deployed);
        });
        return deployed.future();
    }

    private Future<Void> undeployWorkers() {
        List<Future<Void>> undeployments = new ArrayList<>();
        for (String id : workerDeploymentIds) {
            if (vertx.deploymentIDs().contains(id)) {
                undeployments.add(vertx.undeploy(id));
            }
        }
        return Future.join(undeployments).mapEmpty();
    }

    // ---- connecting ----

    private void connect(String reason) {
        reconnectTimer = -1;
        if (stopping || lifecycle.state() == FeedState.END_OF_SESSION) {
            return;
        }
        lifecycle.transition(FeedState.CONNECTING, reason);
        long generation = ++connectionGeneration;
        breaker.<FeedConnection>execute(promise -> protocol.connect(this).onComplete(promise))
                .onComplete(result -> {
                    if (generation != connectionGeneration || stopping) {
                        if (result.succeeded()) {
                            result.result().abort();
                        }
                    } else if (result.succeeded()) {
                        connected(result.result());
                    } else if (result.cause() instanceof OpenCircuitException) {
                        lifecycle.transition(FeedState.CIRCUIT_OPEN, "circuit open after " + settings.breaker().maxFailures()
                                + " consecutive failures; next probe in " + settings.breaker().resetTimeoutMillis() + " ms");
                    } else {
                        metrics.disconnected("connect-failed");
                        scheduleReconnect("connect failed: " + result.cause().getMessage());
                    }
                });
    }

    private void connected(FeedConnection newConnection) {
        connection = newConnection;
        metrics.connects.increment();
        long now = clock.millis();
        lastInboundMillis = now;
        lastDataMillis = now;
        FeedConnection current = newConnection;
        lifecycle.transition(FeedState.RECOVERING, "connected; restoring " + subscriptions.wanted().size()
                + " subscriptions");
        subscriptions.restore(newConnection).onSuccess(v -> {
            if (connection == current && !stopping) {
                goLiveUnlessRecovering("subscriptions restored: " + subscriptions.wanted().size());
            }
        });
    }

    private void goLiveUnlessRecovering(String reason) {
        if (recovery != null) {
            lifecycle.transition(FeedState.RECOVERING, "waiting for replay of " + recovery.describe());
            return;
        }
        lifecycle.transition(FeedState.LIVE, reason);
        backoff.healthy(clock.millis());
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.LIVE, 0, 0, reason, lastSequence());
    }

    private void scheduleReconnect(String reason) {
        if (stopping || lifecycle.state() == FeedState.END_OF_SESSION) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        metrics.reconnects.increment();
        lifecycle.transition(FeedState.BACKING_OFF, reason + "; retry in " + delay + " ms (attempt "
                + backoff.consecutiveFailures() + ")");
        reconnectTimer = vertx.setTimer(Math.max(1, delay), id -> connect("backoff elapsed"));
    }

    private void dropConnection(String reason, String kind) {
        if (connection == null) {
            return;
        }
        FeedConnection lost = connection;
        connection = null;
        connectionGeneration++;
        lost.abort();
        dispatcher.flush();
        subscriptions.disconnected();
        metrics.disconnected(kind);
        backoff.lost(clock.millis());
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.STALE, 0, 0, reason, lastSequence());
    }

    // ---- ConnectionContext: called by the protocol on this event loop ----

    @Override
    public io.vertx.core.Vertx vertx() {
        return vertx;
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public FeedSettings settings() {
        return settings;
    }

    @Override
    public long resumeSequence() {
        return transportSequence.expected();
    }

    @Override
    public void bytesReceived(int count) {
        lastInboundMillis = clock.millis();
        metrics.inbound(lastInboundMillis, count);
    }

    @Override
    public void frame(long sequence, Buffer source, int offset, int length) {
        long nowMillis = clock.millis();
        lastDataMillis = nowMillis;
        metrics.frames.increment();
        metrics.data(nowMillis);
        if (lifecycle.state() == FeedState.STALE) {
            lifecycle.transition(FeedState.LIVE, "data resumed");
            statuses.publishToWanted(subscriptions.wanted(), InstrumentState.LIVE, 0, 0, "data resumed", sequence);
        }
        if (sequence > 0 && !sequenceAccepted(sequence)) {
            return;
        }
        dispatcher.add(sequence, FeedClock.nanos(clock), source, offset, length);
    }

    private boolean sequenceAccepted(long sequence) {
        long expected = transportSequence.expected();
        switch (transportSequence.check(sequence)) {
            case ACCEPT:
                if (recovery != null && recovery.healedBy(transportSequence.expected())) {
                    recovered();
                }
                return true;
            case DUPLICATE:
                metrics.duplicates.increment();
                return false;
            default:
                return gap(expected, sequence);
        }
    }

    private boolean gap(long from, long sequence) {
        if (protocol.gapPolicy() == FeedProtocol.GapPolicy.ACCEPT_LOSS) {
            metrics.gaps.increment();
            metrics.gapMessages.add(sequence - from);
            transportSequence.skipTo(sequence);
            statuses.publishToWanted(subscriptions.wanted(), InstrumentState.GAP, from, sequence - 1,
                    "lost " + (sequence - from) + " messages; the source cannot replay", sequence);
            return true;
        }
        metrics.droppedDuringRecovery.increment();
        if (recovery == null) {
            startRecovery(from, sequence - 1);
        }
        recovery.dropped(sequence);
        return false;
    }

    private void startRecovery(long from, long to) {
        recovery = new GapRecovery(from, to, clock.millis());
        metrics.gaps.increment();
        metrics.gapMessages.add(to - from + 1);
        lifecycle.transition(FeedState.RECOVERING, "gap " + recovery.describe());
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.GAP, from, to,
                "missing " + (to - from + 1) + " messages; replay requested", from - 1);
        FeedConnection current = connection;
        if (current == null) {
            return;
        }
        current.replay(from).onFailure(e -> {
            if (connection == current) {
                dropConnection("replay unavailable, reconnecting from " + from + ": " + e.getMessage(), "gap-reconnect");
                scheduleReconnect("recovering gap " + recovery.describe() + " by reconnecting");
            }
        });
    }

    private void recovered() {
        GapRecovery healed = recovery;
        recovery = null;
        long duration = clock.millis() - healed.startedMillis();
        metrics.recovered(duration);
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.RECOVERED, healed.from(), healed.to(),
                "recovered in " + duration + " ms", healed.to());
        if (connection != null && lifecycle.state() == FeedState.RECOVERING) {
            goLiveUnlessRecovering("gap " + healed.describe() + " recovered in " + duration + " ms");
        }
    }

    private void payloadGap(String stream, String instrument, long from, long to) {
        statuses.publish(instrument, InstrumentState.GAP, from, to, "stream " + stream + " lost " + (to - from + 1)
                + " messages; the source cannot replay", to);
    }

    @Override
    public void endOfRead() {
        dispatcher.flush();
    }

    @Override
    public void connectionLost(String reason) {
        if (connection == null || stopping) {
            return;
        }
        dropConnection(reason, "peer");
        scheduleReconnect("connection lost: " + reason);
    }

    @Override
    public void endOfSession(String reason) {
        if (connection != null) {
            FeedConnection ended = connection;
            connection = null;
            connectionGeneration++;
            dispatcher.flush();
            subscriptions.disconnected();
            ended.close();
        }
        lifecycle.transition(FeedState.END_OF_SESSION, reason);
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.END_OF_SESSION, 0, 0, reason, lastSequence());
    }

    @Override
    public void sessionChanged(String reason, long nextSequence) {
        transportSequence.reset(nextSequence);
        recovery = null;
        dispatcher.reset();
        statuses.publishToWanted(subscriptions.wanted(), InstrumentState.RESET, 0, 0, reason, 0);
    }

    private long lastSequence() {
        return Math.max(0, transportSequence.expected() - 1);
    }

    // ---- watchdog ----

    private void watchdog() {
        if (connection == null) {
            return;
        }
        long now = clock.millis();
        connection.tick(now);
        long silentMillis = now - lastInboundMillis;
        if (silentMillis > settings.heartbeatTimeoutMillis()) {
            metrics.heartbeatTimeouts.increment();
            String reason = "heartbeat timeout: silentMillis=" + silentMillis + ", timeoutMillis="
                    + settings.heartbeatTimeoutMillis();
            dropConnection(reason, "heartbeat-timeout");
            scheduleReconnect(reason);
            return;
        }
        long mutedMillis = now - lastDataMillis;
        if (lifecycle.state() == FeedState.LIVE && mutedMillis > settings.silenceThresholdMillis()) {
            String reason = "no data for " + mutedMillis + " ms; silenceThresholdMillis="
                    + settings.silenceThresholdMillis();
            lifecycle.transition(FeedState.STALE, reason);
            statuses.publishToWanted(subscriptions.wanted(), InstrumentState.STALE, 0, 0, reason, lastSequence());
            if (settings.reconnectWhenSilent()) {
                dropConnection(reason, "silent");
                scheduleReconnect(reason);
            }
        }
        if (recovery != null && now - recovery.startedMillis() > settings.recoveryTimeoutMillis()) {
            String reason = "gap " + recovery.describe() + " not recovered within recoveryTimeoutMillis="
                    + settings.recoveryTimeoutMillis();
            recovery = recovery.restarted(now);
            dropConnection(reason, "recovery-timeout");
            scheduleReconnect(reason);
        }
    }

    // ---- back-pressure ----

    private void pauseConnection() {
        metrics.pauses.increment();
        if (connection != null) {
            connection.pause();
        }
    }

    private void resumeConnection() {
        dispatcher.resumed();
        if (connection != null) {
            connection.resume();
        }
    }

    // ---- demand and subscriptions ----

    private void watchDemand() {
        demandListener = (instrument, demanded) -> context.runOnContext(v -> demandChanged(instrument, demanded));
        node.demand().addListener(demandListener);
        for (String instrument : node.demand().demanded()) {
            demandChanged(instrument, true);
        }
    }

    private void demandChanged(String instrument, boolean demanded) {
        if (stopping || !settings.instruments().serves(instrument)) {
            return;
        }
        if (demanded) {
            linger.cancel(vertx, instrument);
            subscriptions.want(instrument);
        } else {
            linger.schedule(vertx, instrument, settings.releaseLingerMillis(), () -> {
                if (!node.demand().isDemanded(instrument)) {
                    subscriptions.unwant(instrument);
                }
            });
        }
    }

    private void snapshotRequested(io.vertx.core.json.JsonObject request) {
        String instrument = request.getString("instrument");
        String replyAddress = request.getString("replyAddress");
        if (instrument != null && replyAddress != null && settings.instruments().serves(instrument)) {
            workers.forEach(worker -> worker.snapshot(instrument, replyAddress));
        }
    }

    private void subscriptionChanged(String instrument, SubscriptionState state, String reason) {
        LOG.info("feed {}: subscription {} → {} ({})", settings.source(), instrument, state, reason);
        if (state == SubscriptionState.FAILED) {
            metrics.subscriptionFailures.increment();
            statuses.publish(instrument, InstrumentState.SUBSCRIPTION_FAILED, 0, 0, reason, lastSequence());
        }
    }

    /** The upstream subscription state of an instrument (for monitoring and tests). */
    public SubscriptionState subscriptionState(String instrument) {
        return subscriptions.state(instrument);
    }

    // ---- stopping ----

    @Override
    public Future<?> stop() {
        stopping = true;
        lifecycle.transition(FeedState.STOPPING, "stop requested");
        node.demand().removeListener(demandListener);
        vertx.cancelTimer(watchdogTimer);
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
        }
        linger.cancelAll(vertx);
        subscriptions.stop();
        breaker.close();
        FeedConnection closing = connection;
        connection = null;
        connectionGeneration++;
        Future<Void> closed = closing == null ? Future.succeededFuture() : closing.close()
                .timeout(settings.stopTimeoutMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .recover(e -> {
                    closing.abort();
                    return Future.succeededFuture();
                });
        return closed.compose(v -> {
            if (dispatcher != null) {
                dispatcher.flush();
            }
            return undeployWorkers();
        }).onComplete(v -> {
            lifecycle.transition(FeedState.STOPPED, "stopped");
            node.unregisterFeed(metrics);
        });
    }
}
