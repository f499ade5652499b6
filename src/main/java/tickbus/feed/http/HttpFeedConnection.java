package tickbus.feed.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.feed.ConnectionContext;
import tickbus.feed.FeedClock;
import tickbus.feed.FeedConnection;

/**
 * One "connection" of the long-poll feed: an HTTP client with its pool and exactly one poll in flight. Each
 * answer is one frame for the engine, numbered by the positions it covers, so the engine's sequence validation
 * sees every position once; the next poll asks from the engine's last processed position. The connection is
 * established by its first answered poll; any failed poll ends it ({@code connectionLost}), and the engine
 * reconnects with backoff and its circuit breaker. A cursor the server no longer holds and a new server log are
 * recovered with snapshots ({@link SnapshotRecovery}). Used on the feed's event loop.
 */
final class HttpFeedConnection implements FeedConnection, SnapshotRecovery.Connection {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFeedConnection.class);

    private final HttpFeedProtocol protocol;
    private final ConnectionContext context;
    private final HttpFeedSettings settings;
    private final LongPollClient client;
    private final PolledInstruments instruments;
    private final SnapshotRecovery recovery;
    private final Promise<FeedConnection> established = Promise.promise();
    private final Set<String> awaitingSnapshot = new LinkedHashSet<>();
    private HttpExchange poll;
    private long connectTimer = -1;
    private long cursor;
    private boolean awaitAllSnapshots;
    private boolean connected;
    private boolean paused;
    private boolean closed;

    HttpFeedConnection(HttpFeedProtocol protocol, ConnectionContext context, LongPollClient client) {
        this.protocol = protocol;
        this.context = context;
        this.settings = protocol.httpSettings();
        this.client = client;
        this.recovery = new SnapshotRecovery(protocol, context, client, this);
        this.instruments = new PolledInstruments(protocol.followed(), client, recovery::snapshotsAppended,
                cause -> recovery.snapshotFailed("snapshot request for joining instruments", cause, false));
    }

    /** Sends the first poll (it does not wait: the server answers at once); completes when it was answered. */
    Future<FeedConnection> start() {
        long resume = context.resumeSequence();
        cursor = resume > 0 ? resume - 1 : 0;
        // The engine's breaker gives up on a connect after attemptTimeoutMillis without telling the connection.
        long deadline = context.settings().breaker().attemptTimeoutMillis();
        connectTimer = context.vertx().setTimer(deadline, id -> {
            connectTimer = -1;
            if (!connected && !closed) {
                lost("connect-timeout", "no poll answered within attemptTimeoutMillis=" + deadline);
            }
        });
        if (protocol.takeSnapshotsWanted()) {
            recovery.requestSnapshotsOfAll();
        }
        poll(0);
        return established.future();
    }

    // ---- polling ----

    private void poll(long waitMillis) {
        if (closed || paused || recovery.inProgress() || poll != null) {
            return;
        }
        long requested = cursor;
        int version = instruments.version();
        poll = client.poll(requested, polledParameter(), waitMillis);
        instruments.pollSent(version);
        poll.response().onComplete(result -> {
            poll = null;
            if (closed) {
                return;
            }
            if (result.succeeded()) {
                answered(requested, version, result.result());
            } else {
                pollFailed(requested, (HttpExchange.Failure) result.cause());
            }
        });
    }

    private void answered(long requested, int version, HttpExchange.Response response) {
        context.bytesReceived(Math.max(1, response.body().length()));
        switch (response.status()) {
            case 200 -> document(requested, version, response);
            case 410 -> recovery.cursorNotHeld(requested, response);
            case 429, 503 -> retryLater(requested, response);
            default -> lost("status-" + response.status(), "poll answered status=" + response.status() + ": cursor="
                    + requested);
        }
    }

    private void document(long requested, int version, HttpExchange.Response response) {
        ResponseRange range = ResponseRange.read(response);
        if (range == null) {
            lost("bad-headers", ResponseRange.problem(response) + ", cursor=" + requested);
            return;
        }
        if (!protocol.sameServerLog(range.log())) {
            recovery.serverLogChanged(range.log(), requested);
            return;
        }
        if (range.cursor() != requested) {
            lost("cursor-mismatch", "server answered cursor=" + range.cursor() + " to a poll from cursor=" + requested);
            return;
        }
        if (range.carriesPositions()) {
            ContentType type = ContentType.parse(response.header("Content-Type"));
            if (!type.isXml()) {
                contentFailed(range, "content-type", "response is not XML: contentType=\"" + type.mediaType()
                        + "\", expected application/xml, text/xml or */*+xml", response.body());
                return;
            }
            deliver(range, 0, type.charset(), response.body());
        } else {
            protocol.counters().heartbeatReceived();
        }
        protocol.documentSucceeded();
        instruments.answered(version);
        establish();
        pollNext();
    }

    /**
     * The next poll, once the answered one's connection is back in the pool (it is released after the response
     * handlers ran): polls then reuse one connection instead of alternating between two.
     */
    private void pollNext() {
        context.vertx().runOnContext(v -> poll(settings.timeouts().waitMillis()));
    }

    /** Hands the frame for positions {@code (cursor, next]} to the engine and moves to where the engine is. */
    private void deliver(ResponseRange range, int flags, String charset, Buffer payload) {
        int allFlags = flags | (awaitAllSnapshots ? FrameHeader.FLAG_AWAIT_ALL_SNAPSHOTS : 0);
        Buffer frame = FrameHeader.encode(allFlags, range.next(), charset, awaitingSnapshot, payload);
        context.frame(range.cursor() + 1, range.next(), frame, 0, frame.length());
        context.endOfRead();
        long resume = context.resumeSequence();
        if (resume == range.next() + 1) {
            awaitAllSnapshots = false;
            awaitingSnapshot.clear();
            protocol.counters().documentReceived();
        }
        cursor = Math.max(0, resume - 1);
    }

    private void pollFailed(long requested, HttpExchange.Failure failure) {
        HttpExchange.Response partial = failure.partial();
        if ("body-too-large".equals(failure.kind()) && partial != null && partial.status() == 200) {
            ResponseRange range = ResponseRange.read(partial);
            if (range != null && range.cursor() == requested && range.carriesPositions()
                    && protocol.sameServerLog(range.log())) {
                contentFailed(range, failure.kind(), failure.getMessage(), partial.body());
                return;
            }
        }
        lost(failure.kind(), "poll failed: " + failure.getMessage() + ", cursor=" + requested);
    }

    /**
     * A response that reached us whole enough to know its range but that cannot be used: retried by reconnecting,
     * and once it failed {@code maxDocumentAttempts} times at this cursor, quarantined and its range skipped.
     */
    private void contentFailed(ResponseRange range, String kind, String message, Buffer body) {
        int attempts = protocol.documentFailed(range.cursor());
        int maxAttempts = settings.quarantine().maxDocumentAttempts();
        if (attempts < maxAttempts) {
            lost(kind, message + "; attempt=" + attempts + ", maxDocumentAttempts=" + maxAttempts);
            return;
        }
        protocol.documentSucceeded();
        protocol.counters().failure(kind);
        String reason = "document quarantined: kind=" + kind + ", attempts=" + attempts + ", " + message;
        LOG.warn("feed {}: {}; positions {}..{} skipped", context.settings().source(), reason, range.cursor() + 1,
                range.next());
        QuarantineLog quarantine = protocol.quarantine();
        quarantine.add(FeedClock.nanos(context.clock()), range.cursor() + 1, range.next(), kind, message,
                body.length(), body.getBytes(0, Math.min(body.length(), quarantine.maxPrefixBytes())));
        deliver(range, FrameHeader.FLAG_QUARANTINED, null, Buffer.buffer(reason));
        establish();
        pollNext();
    }

    private void retryLater(long requested, HttpExchange.Response response) {
        long delay = client.retryAfterMillis(response);
        if (delay != RetryAfter.NONE) {
            context.retryAfter(delay);
        }
        lost("status-" + response.status(), "poll answered status=" + response.status() + ": cursor=" + requested
                + ", retryAfterMillis=" + delay);
    }

    // ---- recovery ----

    void requestSnapshotsOfAll() {
        recovery.requestSnapshotsOfAll();
    }

    @Override
    public long cursor() {
        return cursor;
    }

    @Override
    public String polledParameter() {
        return settings.followDemand() ? instruments.parameter() : null;
    }

    @Override
    public void resumeFrom(long snapshotCursor) {
        cursor = snapshotCursor;
        awaitAllSnapshots = true;
        poll(0);
    }

    // ---- demand ----

    @Override
    public Future<Void> subscribe(String instrument) {
        if (!settings.followDemand()) {
            return Future.succeededFuture();
        }
        String symbol = symbolOf(instrument);
        Future<Void> subscribed = instruments.subscribe(symbol);
        if (instruments.isJoining(symbol)) {
            awaitingSnapshot.add(instrument);
        }
        return subscribed;
    }

    /** A left instrument's book stops being updated: the decoder must not restate it until a snapshot. */
    @Override
    public Future<Void> unsubscribe(String instrument) {
        if (!settings.followDemand()) {
            return Future.succeededFuture();
        }
        awaitingSnapshot.add(instrument);
        return instruments.leave(symbolOf(instrument));
    }

    private String symbolOf(String instrument) {
        String prefix = context.settings().venue() + ":";
        return instrument.startsWith(prefix) ? instrument.substring(prefix.length()) : instrument;
    }

    // ---- life cycle ----

    private void establish() {
        if (!connected) {
            connected = true;
            cancelConnectTimer();
            established.complete(this);
        }
    }

    @Override
    public void lost(String kind, String message) {
        protocol.counters().failure(kind);
        shutDown(message);
        if (connected) {
            context.connectionLost(message);
        } else {
            established.tryFail(message);
        }
    }

    private Future<Void> shutDown(String reason) {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        cancelConnectTimer();
        if (poll != null) {
            poll.cancel(reason);
            poll = null;
        }
        instruments.failAll(reason);
        established.tryFail(reason);
        protocol.connectionClosed(this);
        return client.close();
    }

    private void cancelConnectTimer() {
        if (connectTimer >= 0) {
            context.vertx().cancelTimer(connectTimer);
            connectTimer = -1;
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        poll(settings.timeouts().waitMillis());
    }

    @Override
    public Future<Void> close() {
        return shutDown("connection closed");
    }

    @Override
    public void abort() {
        shutDown("connection aborted");
    }
}
