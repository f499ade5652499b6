package tickbus.sim.itch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.feed.FeedClock;
import tickbus.normalize.itch.Itch50Normalizer;
import tickbus.protocol.soupbintcp.SoupBinTcp;

/**
 * A SoupBinTCP 4.0 server serving ITCH 5.0 on loopback, for the demo, the tests and the benchmarks: login
 * (credentials, session, requested sequence number), replay from any kept sequence number, Server Heartbeats, End
 * of Session, a new session on request, and the faults of {@link ItchSimFaults}. Messages come from an
 * {@link ItchMessageSource}, paced at {@code messagesPerSecond} or all prepared at start. Everything runs on the
 * server's own event-loop context; the public methods may be called from any thread.
 */
public final class ItchSimServer {

    private static final Logger LOG = LoggerFactory.getLogger(ItchSimServer.class);
    private static final long CHECK_INTERVAL_MILLIS = 50;
    private static final int PREPARE_STEP_MESSAGES = 50_000;

    private final Vertx vertx;
    private final ItchSimSettings settings;
    private final InstantSource clock;
    private final ContextInternal context;
    private final ItchSimFaults faults = new ItchSimFaults();
    private final List<ItchSimConnection> connections = new ArrayList<>();
    private final byte[] scratch = new byte[ItchMessageSource.MAX_MESSAGE_LENGTH];
    private final ItchSimStats stats = new ItchSimStats();
    private final AtomicLong sequenceMirror = new AtomicLong(1);
    private final AtomicLong streamBytesMirror = new AtomicLong();
    private ItchMessageSource source;
    private SequencedLog log;
    private volatile String session;
    private boolean sessionEnded;
    private long generated;
    private long midnightEpochNanos;
    private volatile Pacing pacing;
    private NetServer server;
    private long checkTimer = -1;
    private final ItchSimPacer pacer;

    /** The schedule of paced messages: message {@code firstSequence + i} is due at {@code startEpochNanos + i/rate}. */
    public record Pacing(long firstSequence, long startEpochNanos, long messagesPerSecond) {
    }

    private ItchSimServer(Vertx vertx, ItchSimSettings settings, ItchMessageSource source, InstantSource clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.source = source;
        this.clock = clock;
        this.context = ((VertxInternal) vertx).createEventLoopContext();
        this.session = settings.session();
        this.pacer = new ItchSimPacer(vertx, context, settings.pacingTickMicros());
    }

    /** Prepare the session and listen; completes when clients can connect. */
    public static Future<ItchSimServer> start(Vertx vertx, ItchSimSettings settings, ItchMessageSource source,
            InstantSource clock) {
        ItchSimServer simulator = new ItchSimServer(vertx, settings, source, clock);
        Promise<ItchSimServer> started = Promise.promise();
        simulator.context.runOnContext(v -> simulator.newLog()
                .compose(prepared -> simulator.listen())
                .map(simulator)
                .onComplete(started));
        return started.future();
    }

    public int port() {
        return server.actualPort();
    }

    public ItchSimFaults faults() {
        return faults;
    }

    public ItchSimStats stats() {
        return stats;
    }

    /** The current session's name. */
    public String session() {
        return session;
    }

    /** The sequence number the next message of the session will get. */
    public long nextSequence() {
        return sequenceMirror.get();
    }

    /** Bytes of Sequenced Data packets in the session so far (the offsets {@link ItchSimFaults} resets at). */
    public long streamBytes() {
        return streamBytesMirror.get();
    }

    /** The schedule of paced messages, or null when the messages were prepared at start. */
    public Pacing pacing() {
        return pacing;
    }

    /** Append messages to the session and send them to every logged-in client. */
    public Future<Void> publish(List<byte[]> messages) {
        return onContext(() -> {
            messages.forEach(message -> log.append(message, 0, message.length));
            published();
        });
    }

    /** Every connected client goes silent: nothing more is sent to it, not even heartbeats. */
    public Future<Void> silenceConnections() {
        return onContext(() -> connections.forEach(ItchSimConnection::silence));
    }

    /** End the session: clients receive what is left, then End of Session; later logins too. */
    public Future<Void> endSession() {
        return onContext(this::endSessionNow);
    }

    /** Start a new session named {@code name} with messages from {@code newSource}; clients are disconnected. */
    public Future<Void> startNewSession(String name, ItchMessageSource newSource) {
        if (name.isBlank() || name.length() > SoupBinTcp.SESSION_LENGTH) {
            throw new IllegalArgumentException("session name must be 1 to " + SoupBinTcp.SESSION_LENGTH
                    + " characters: name='" + name + "'");
        }
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> {
            List.copyOf(connections).forEach(ItchSimConnection::close);
            session = name;
            source = newSource;
            newLog().onComplete(started);
        });
        return started.future();
    }

    /** Drop every client connection (a FIN, not a reset). */
    public Future<Void> disconnectAll() {
        return onContext(() -> List.copyOf(connections).forEach(ItchSimConnection::close));
    }

    public Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> {
            vertx.cancelTimer(checkTimer);
            pacer.stop();
            List.copyOf(connections).forEach(ItchSimConnection::close);
            server.close().onComplete(closed);
        });
        return closed.future();
    }

    // ---- on the context ----

    SequencedLog log() {
        return log;
    }

    boolean sessionEnded() {
        return sessionEnded;
    }

    void login(ItchSimConnection connection, SoupBinTcp.LoginRequest request) {
        stats.loginRequests.add("session='" + request.requestedSession() + "' sequence="
                + request.requestedSequenceNumber());
        byte reject = faults.takeLoginRejection();
        if (reject == 0 && !settings.username().isEmpty() && (!settings.username().equals(request.username())
                || !settings.password().equals(request.password()))) {
            reject = SoupBinTcp.REJECT_REASON_NOT_AUTHORIZED;
        }
        if (reject == 0 && !request.requestedSession().isBlank() && !request.requestedSession().equals(session)) {
            reject = SoupBinTcp.REJECT_REASON_SESSION_NOT_AVAILABLE;
        }
        if (reject != 0) {
            stats.rejectedLogins.incrementAndGet();
            connection.rejected(reject);
            return;
        }
        long requested = request.requestedSequenceNumber();
        long start = requested == 0 ? log.nextSequence()
                : Math.max(log.firstSequence(), Math.min(requested, log.nextSequence()));
        if (requested > log.firstSequence()) {
            start = Math.max(log.firstSequence(), start - faults.takeDuplicates());
        }
        stats.logins.incrementAndGet();
        LOG.debug("itch-sim {}: login accepted, requested={}, start={}", session, requested, start);
        connection.accepted(session, start, log.offsetOf(start));
    }

    void clientHeartbeat() {
        stats.clientHeartbeats.incrementAndGet();
    }

    void resetCommitted() {
        stats.resets.incrementAndGet();
    }

    void closed(ItchSimConnection connection) {
        connections.remove(connection);
    }

    private Future<Void> listen() {
        server = vertx.createNetServer(new NetServerOptions().setHost(settings.host()).setPort(settings.port())
                .setTcpNoDelay(true));
        server.connectHandler(socket -> {
            stats.connections.incrementAndGet();
            connections.add(new ItchSimConnection(this, socket));
        });
        checkTimer = vertx.setPeriodic(CHECK_INTERVAL_MILLIS, id -> check());
        return server.listen().mapEmpty();
    }

    /** A fresh log for the current session: prepared in full, or paced from now on. */
    private Future<Void> newLog() {
        log = new SequencedLog(settings.retainedMessages());
        sessionEnded = false;
        generated = 0;
        midnightEpochNanos = Itch50Normalizer.midnightEpochNanos(
                LocalDate.ofInstant(clock.instant(), Itch50Normalizer.EXCHANGE_ZONE));
        published();
        pacer.stop();
        if (settings.messagesPerSecond() == 0) {
            pacing = null;
            Promise<Void> prepared = Promise.promise();
            prepare(prepared);
            return prepared.future();
        }
        pacing = new Pacing(log.nextSequence(), FeedClock.nanos(clock), settings.messagesPerSecond());
        pacer.start(this::pace);
        return Future.succeededFuture();
    }

    /** Prepare the whole session in steps, so the event loop is never held for long. */
    private void prepare(Promise<Void> prepared) {
        for (int i = 0; i < PREPARE_STEP_MESSAGES; i++) {
            if (!appendNext()) {
                published();
                prepared.complete();
                return;
            }
        }
        published();
        context.runOnContext(v -> prepare(prepared));
    }

    private void pace() {
        Pacing schedule = pacing;
        long elapsedNanos = FeedClock.nanos(clock) - schedule.startEpochNanos();
        long due = elapsedNanos / 1_000 * schedule.messagesPerSecond() / 1_000_000
                - (log.nextSequence() - schedule.firstSequence());
        for (long i = 0; i < due; i++) {
            if (!appendNext()) {
                pacer.stop();
                break;
            }
        }
        published();
    }

    /** Append the source's next message; false when the source is done (then End of Session, if configured). */
    private boolean appendNext() {
        boolean limitReached = settings.totalMessages() > 0 && generated >= settings.totalMessages();
        int length = sessionEnded || limitReached ? -1 : source.next(scratch, itchTimestampNanos());
        if (length < 0) {
            if (settings.endOfSessionWhenDone() && !sessionEnded) {
                endSessionNow();
            }
            return false;
        }
        log.append(scratch, 0, length);
        generated++;
        return true;
    }

    private void endSessionNow() {
        sessionEnded = true;
        published();
    }

    private void published() {
        sequenceMirror.set(log.nextSequence());
        streamBytesMirror.set(log.endOffset());
        for (ItchSimConnection connection : List.copyOf(connections)) {
            connection.pump();
        }
    }

    private void check() {
        long now = System.nanoTime();
        long heartbeatNanos = settings.heartbeatMillis() * 1_000_000;
        long clientTimeoutNanos = settings.clientTimeoutMillis() * 1_000_000;
        for (ItchSimConnection connection : List.copyOf(connections)) {
            connection.check(now, heartbeatNanos, clientTimeoutNanos);
        }
    }

    private long itchTimestampNanos() {
        return Math.max(0, FeedClock.nanos(clock) - midnightEpochNanos);
    }

    private Future<Void> onContext(Runnable action) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            action.run();
            done.complete();
        });
        return done.future();
    }
}
