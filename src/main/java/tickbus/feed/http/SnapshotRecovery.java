package tickbus.feed.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.feed.ConnectionContext;

/**
 * The snapshot requests of one connection and the recovery they serve. When the server no longer holds the cursor
 * or its log changed, snapshots of every polled instrument are appended to its log and polling resumes from just
 * before them (the engine reports the positions skipped as a GAP); no poll is sent meanwhile
 * ({@link #inProgress()}). After a quarantine the snapshots of every instrument are requested and the cursor stays.
 * Answers that arrive once the connection is closed are ignored. Used on the feed's event loop.
 */
final class SnapshotRecovery {

    // The connection's warnings keep one logger, so what filters on it still sees them.
    private static final Logger LOG = LoggerFactory.getLogger(HttpFeedConnection.class);

    /** What recovery needs of its connection. */
    interface Connection {

        boolean isOpen();

        /** The cursor the next poll asks from. */
        long cursor();

        /** The {@code instruments} parameter naming every polled instrument, or null for every instrument. */
        String polledParameter();

        /** Snapshots of every polled instrument follow {@code cursor}: poll from there, every book awaiting one. */
        void resumeFrom(long cursor);

        /** The connection is over: counted as {@code kind}, released, and the engine told (or the connect failed). */
        void lost(String kind, String message);
    }

    private final HttpFeedProtocol protocol;
    private final ConnectionContext context;
    private final LongPollClient client;
    private final Connection connection;
    private final CoalescedRequest snapshotsOfAll = new CoalescedRequest();
    private boolean recovering;

    SnapshotRecovery(HttpFeedProtocol protocol, ConnectionContext context, LongPollClient client,
            Connection connection) {
        this.protocol = protocol;
        this.context = context;
        this.client = client;
        this.connection = connection;
    }

    /** Whether a recovery's snapshot request is in flight: polls wait for it. */
    boolean inProgress() {
        return recovering;
    }

    /** A poll from {@code requested} was answered 410: the server no longer holds that cursor. */
    void cursorNotHeld(long requested, HttpExchange.Response response) {
        String log = response.header(FixmlLongPoll.HEADER_LOG);
        if (!ResponseRange.validLog(log)) {
            connection.lost("bad-headers", ResponseRange.problem(response) + ", status=410, cursor=" + requested);
            return;
        }
        if (!protocol.sameServerLog(log)) {
            serverLogChanged(log, requested);
            return;
        }
        protocol.counters().failure("cursor-not-held");
        recover("cursor=" + requested + " no longer held by the server: oldest="
                + response.header(FixmlLongPoll.HEADER_OLDEST) + ", head="
                + response.header(FixmlLongPoll.HEADER_HEAD));
    }

    /** A response came from {@code log}, not the known one: what the old log held after {@code requested} is lost. */
    void serverLogChanged(String log, long requested) {
        String previous = protocol.serverLog();
        protocol.serverLog(log);
        protocol.counters().failure("log-changed");
        String reason = "server log changed: from=" + previous + ", to=" + log + "; what the old log held after cursor="
                + requested + " is lost";
        context.sessionChanged(reason, 1);
        recover(reason);
    }

    private void recover(String reason) {
        LOG.warn("feed {}: {}; requesting snapshots", context.settings().source(), reason);
        recovering = true;
        client.snapshot(connection.polledParameter()).onComplete(result -> {
            recovering = false;
            if (!connection.isOpen()) {
                return;
            }
            if (result.failed()) {
                snapshotFailed("snapshot request while recovering", result.cause(), true);
                return;
            }
            ResponseRange range = result.result();
            if (!protocol.sameServerLog(range.log())) {
                serverLogChanged(range.log(), connection.cursor());
                return;
            }
            long resume = context.resumeSequence();
            if (resume > 0 && range.cursor() + 1 < resume) {
                context.sessionChanged("server log went back: snapshotCursor=" + range.cursor() + ", processed="
                        + (resume - 1), range.cursor() + 1);
            }
            connection.resumeFrom(range.cursor());
        });
    }

    /**
     * A worker quarantined a document: every book waits for a snapshot, so ask for them (the cursor stays). One
     * request at a time: asked for again meanwhile, it is sent once more after (the one in flight may have been
     * appended before the range lost since), however many documents were quarantined.
     */
    void requestSnapshotsOfAll() {
        if (!snapshotsOfAll.start()) {
            return;
        }
        client.snapshot(connection.polledParameter()).onComplete(result -> {
            boolean again = snapshotsOfAll.finished();
            if (!connection.isOpen()) {
                // What was asked for meanwhile, or not appended, was never served: the next connection asks.
                if (again || result.failed()) {
                    protocol.snapshotsWanted();
                }
                return;
            }
            if (result.failed()) {
                protocol.snapshotsWanted();
                snapshotFailed("snapshot request", result.cause(), true);
            } else if (!protocol.sameServerLog(result.result().log())) {
                serverLogChanged(result.result().log(), connection.cursor());
            } else if (again) {
                requestSnapshotsOfAll();
            }
        });
    }

    /** Snapshots requested for joining instruments were appended at {@code range}. */
    void snapshotsAppended(ResponseRange range) {
        if (connection.isOpen() && !protocol.sameServerLog(range.log())) {
            serverLogChanged(range.log(), connection.cursor());
        }
    }

    /**
     * A snapshot request failed: counted as {@code snapshot-failed}, and as {@code status-NNN} when the server
     * answered a status. A 429 or 503 ends the connection and its {@code Retry-After} holds the next attempt back,
     * so no request of this feed reaches the server before then; other failures end it when
     * {@code endConnection}.
     */
    void snapshotFailed(String request, Throwable cause, boolean endConnection) {
        if (!connection.isOpen()) {
            return;
        }
        String message = request + " failed: " + cause.getMessage();
        if (!(cause instanceof SnapshotRefused refused)) {
            if (endConnection) {
                connection.lost("snapshot-failed", message);
            } else {
                protocol.counters().failure("snapshot-failed");
            }
            return;
        }
        protocol.counters().failure("snapshot-failed");
        if (!SnapshotRefused.asksToWait(refused.status()) && !endConnection) {
            protocol.counters().failure(refused.kind());
            return;
        }
        if (refused.retryAfterMillis() != RetryAfter.NONE) {
            context.retryAfter(refused.retryAfterMillis());
        }
        connection.lost(refused.kind(), message);
    }
}
