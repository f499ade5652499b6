package tickbus.feed.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.feed.ConnectionContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.SubscriptionException;

/**
 * Reads Redis Streams with {@code XREAD COUNT n BLOCK ms STREAMS keys... ids...}, one read in flight, each key
 * from the last id handed to the engine ({@link StreamOffsets}), so a reconnect or a restart resumes without loss
 * or repetition. Subscribing adds an instrument's keys to the next read (a read blocked in Redis is woken with
 * {@code CLIENT UNBLOCK} from the control connection); pausing simply issues no next read; closing ends the read
 * in flight with the socket. Only a broken connection is a lost one: an error reply to XREAD is a command error,
 * and a key overwritten with another type (WRONGTYPE) fails its instrument alone. Used only on the feed's event
 * loop.
 */
final class StreamConnection implements FeedConnection {

    private static final int UNBLOCK_ATTEMPTS = 20;
    private static final long UNBLOCK_RETRY_MILLIS = 5;
    private static final int ENTRY_OVERHEAD_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);

    /** One key being read, for one instrument. */
    private static final class Key {
        final String instrument;
        final ChannelTemplate template;
        final Buffer name;
        String lastId;

        Key(String instrument, ChannelTemplate template, String name, String lastId) {
            this.instrument = instrument;
            this.template = template;
            this.name = Buffer.buffer(name);
            this.lastId = lastId;
        }
    }

    /** What the reading connection is doing; the next XREAD is sent only from IDLE. */
    private enum Reader {
        IDLE,
        /** An XREAD is in flight (blocked in Redis, perhaps). */
        READING,
        /** An XREAD was refused with WRONGTYPE: the keys' types are being checked. */
        CHECKING_KEYS,
        /** An XREAD was refused otherwise: waiting before the next. */
        WAITING
    }

    private final ConnectionContext context;
    private final RedisSession session;
    private final RedisConnection connection;
    private final RedisFeedSettings settings;
    private final RedisFeedCounters counters;
    private final StreamOffsets offsets;
    private final StreamStarts starts;
    private final long clientId;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final List<Promise<Void>> awaitingRead = new ArrayList<>();
    private final StreamEntryFrames frames;
    private Reader reader = Reader.IDLE;
    private boolean unblocking;
    private boolean paused;
    private boolean closed;
    private long lastPingMillis;

    private StreamConnection(ConnectionContext context, RedisSession session, RedisFeedSettings settings,
            RedisFeedCounters counters, StreamOffsets offsets, long clientId) {
        this.context = context;
        this.session = session;
        this.connection = session.connection();
        this.settings = settings;
        this.counters = counters;
        this.offsets = offsets;
        this.starts = new StreamStarts(session, settings.stream(), offsets);
        this.clientId = clientId;
        this.frames = new StreamEntryFrames(context, settings.stream().payloadField(), counters);
        this.lastPingMillis = context.clock().millis();
    }

    /** Take over {@code session}: learn its client id (for CLIENT UNBLOCK) and wire the handlers. */
    static Future<FeedConnection> open(ConnectionContext context, RedisSession session, RedisFeedSettings settings,
            RedisFeedCounters counters, StreamOffsets offsets) {
        return session.connection().send(Request.cmd(Command.CLIENT).arg("ID")).map(id -> {
            StreamConnection streams = new StreamConnection(context, session, settings, counters, offsets,
                    id.toLong());
            streams.connection.endHandler(v -> streams.lost("redis closed the connection"))
                    .exceptionHandler(e -> streams.lost("redis connection failed: " + e.getMessage()));
            return streams;
        });
    }

    @Override
    public Future<Void> subscribe(String instrument) {
        List<Future<Key>> resolved = new ArrayList<>();
        for (ChannelTemplate template : settings.channels()) {
            String name = template.channelOf(instrument);
            resolved.add(starts.resolve(name).map(id -> new Key(instrument, template, name, id)));
        }
        return Future.all(resolved).compose(all -> {
            if (closed) {
                return Future.failedFuture(new SubscriptionException("connection closed: instrument=" + instrument,
                        false));
            }
            for (Future<Key> key : resolved) {
                keys.put(key.result().name.toString(), key.result());
            }
            Promise<Void> included = Promise.promise();
            awaitingRead.add(included);
            if (paused) {
                included.complete();
            } else if (reader == Reader.READING) {
                unblock(UNBLOCK_ATTEMPTS);
            } else {
                readNext();
            }
            return included.future();
        });
    }

    @Override
    public Future<Void> unsubscribe(String instrument) {
        settings.channels().forEach(template -> keys.remove(template.channelOf(instrument)));
        return Future.succeededFuture();
    }

    private void readNext() {
        if (closed || paused || reader != Reader.IDLE || keys.isEmpty()) {
            return;
        }
        Request read = Request.cmd(Command.XREAD).arg("COUNT").arg(settings.stream().batchCount())
                .arg("BLOCK").arg(settings.stream().blockMillis()).arg("STREAMS");
        keys.keySet().forEach(read::arg);
        keys.values().forEach(key -> read.arg(key.lastId));
        reader = Reader.READING;
        connection.send(read).onComplete(result -> {
            reader = Reader.IDLE;
            unblocking = false;
            if (closed) {
                return;
            }
            if (result.succeeded()) {
                delivered(result.result());
                readNext();
            } else if (RedisErrors.isErrorReply(result.cause())) {
                refused(result.cause().getMessage());
            } else {
                lost("XREAD failed: " + result.cause().getMessage());
            }
        });
        awaitingRead.forEach(Promise::tryComplete);
        awaitingRead.clear();
    }

    /**
     * Redis answered the XREAD with an error: the connection is fine, the command is not. WRONGTYPE means a key
     * now holds something other than a stream: those keys are found (TYPE on the control connection) and their
     * instruments refused, and the others are read on. Any other error, or a WRONGTYPE whose key changed back
     * meanwhile, is retried after {@code blockMillis}, the pace of an idle read.
     */
    private void refused(String error) {
        counters.streamErrorReplies.increment();
        if (!RedisErrors.WRONG_TYPE.equals(RedisErrors.code(error))) {
            LOG.warn("feed {}: XREAD refused by redis: error=\"{}\", keys={}; retrying in {} ms",
                    context.settings().source(), error, keys.size(), settings.stream().blockMillis());
            retryLater();
            return;
        }
        reader = Reader.CHECKING_KEYS;
        starts.notStreams(List.copyOf(keys.keySet())).onComplete(result -> {
            reader = Reader.IDLE;
            if (closed) {
                return;
            }
            if (result.failed()) {
                lost("TYPE check after WRONGTYPE failed: " + result.cause().getMessage());
            } else if (result.result().isEmpty()) {
                retryLater();
            } else {
                result.result().forEach(this::notAStream);
                readNext();
            }
        });
    }

    /** Stops reading every key of the instrument of {@code name} and fails its subscription for good. */
    private void notAStream(String name, String type) {
        Key key = keys.get(name);
        if (key == null) {
            return;
        }
        counters.wrongTypeKeys.increment();
        String reason = StreamStarts.notAStream(name, type);
        LOG.warn("feed {}: {}; instrument={} no longer read", context.settings().source(), reason, key.instrument);
        unsubscribe(key.instrument);
        context.subscriptionRefused(key.instrument, reason);
    }

    private void retryLater() {
        reader = Reader.WAITING;
        context.vertx().setTimer(settings.stream().blockMillis(), id -> {
            reader = Reader.IDLE;
            readNext();
        });
    }

    private void delivered(Response reply) {
        counters.streamReads.increment();
        context.bytesReceived(ENTRY_OVERHEAD_BYTES);
        if (reply == null) {
            return;
        }
        Map<String, String> readIds = new HashMap<>();
        if (reply.isMap()) {
            for (String name : reply.getKeys()) {
                entries(name, reply.get(name), readIds);
            }
        } else {
            for (Response keyAndEntries : reply) {
                entries(keyAndEntries.get(0).toString(), keyAndEntries.get(1), readIds);
            }
        }
        context.endOfRead();
        context.afterPublished(() -> {
            readIds.forEach(offsets::published);
            offsets.batchDone();
        });
    }

    private void entries(String name, Response entries, Map<String, String> readIds) {
        Key key = keys.get(name);
        if (key == null || entries == null) {
            counters.unexpectedPushes.increment();
            return;
        }
        Response last = null;
        for (Response entry : entries) {
            frames.deliver(key.template.payload(), key.name, entry);
            last = entry;
        }
        frames.reportCounts();
        if (last != null) {
            key.lastId = last.get(0).toString();
        }
        offsets.delivered(name, key.lastId);
        readIds.put(name, key.lastId);
    }

    private void unblock(int attemptsLeft) {
        boolean firstAttemptWhileUnblocking = unblocking && attemptsLeft == UNBLOCK_ATTEMPTS;
        if (firstAttemptWhileUnblocking || reader != Reader.READING || closed) {
            return;
        }
        unblocking = true;
        session.control(Request.cmd(Command.CLIENT).arg("UNBLOCK").arg(clientId)).onComplete(result -> {
            boolean woken = result.succeeded() && result.result() != null && result.result().toLong() == 1;
            if (!woken && reader == Reader.READING && attemptsLeft > 1) {
                context.vertx().setTimer(UNBLOCK_RETRY_MILLIS, id -> unblock(attemptsLeft - 1));
            }
        });
    }

    @Override
    public void tick(long nowMillis) {
        if (closed || reader == Reader.READING || nowMillis - lastPingMillis < settings.pingIntervalMillis()) {
            return;
        }
        lastPingMillis = nowMillis;
        counters.pingsSent.increment();
        connection.send(Request.cmd(Command.PING)).onSuccess(pong -> {
            counters.pongs.increment();
            context.bytesReceived(ENTRY_OVERHEAD_BYTES);
        });
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        readNext();
    }

    private void lost(String reason) {
        if (!closed) {
            closed = true;
            failAwaiting(reason);
            context.connectionLost(reason);
        }
    }

    private void failAwaiting(String reason) {
        awaitingRead.forEach(promise -> promise.tryFail(new SubscriptionException(reason, false)));
        awaitingRead.clear();
    }

    @Override
    public Future<Void> close() {
        closed = true;
        failAwaiting("closing");
        // The checkpoint written last covers every entry read: wait until their events are published.
        Promise<Void> published = Promise.promise();
        context.afterPublished(published::complete);
        return session.close().transform(closedSession -> published.future()).compose(v -> offsets.flush());
    }

    @Override
    public void abort() {
        closed = true;
        failAwaiting("aborted");
        session.close();
        offsets.flush();
    }
}
