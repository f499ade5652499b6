package tickbus.feed.redis;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tickbus.feed.ConnectionContext;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedSettings;
import tickbus.feed.FrameDecoder;
import tickbus.protocol.redisjson.DeadLetterLog;

/**
 * JSON market data from Redis, on the feed engine: pub/sub channels and patterns ({@link PubSubConnection}), or
 * streams ({@link StreamConnection}), decoded on the parser workers ({@link RedisFrameDecoder}). Frames carry no
 * transport sequence; publisher sequence numbers inside tickbus payloads are validated per channel, and a gap is
 * reported as lost, never replayed: pub/sub cannot resend.
 */
public final class RedisFeedProtocol implements FeedProtocol {

    private final FeedSettings feedSettings;
    private final RedisFeedSettings settings;
    private final RedisFeedCounters counters = new RedisFeedCounters();
    private final List<DeadLetterLog> deadLetters = new CopyOnWriteArrayList<>();
    private StreamOffsets offsets;

    public RedisFeedProtocol(FeedSettings feedSettings, RedisFeedSettings settings) {
        this.feedSettings = feedSettings;
        this.settings = settings;
    }

    @Override
    public Future<FeedConnection> connect(ConnectionContext context) {
        return RedisSession.open(context.vertx(), settings)
                .compose(session -> open(context, session).onFailure(e -> session.close()))
                .recover(e -> {
                    RedisSessionException typed = RedisSessionException.classify(e, settings.connectionString());
                    counters.connectFailed(typed.kind());
                    return Future.failedFuture(typed);
                });
    }

    private Future<FeedConnection> open(ConnectionContext context, RedisSession session) {
        if (settings.mode() == RedisFeedSettings.Mode.PUBSUB) {
            return PubSubConnection.open(context, session, settings, counters);
        }
        if (offsets == null) {
            offsets = new StreamOffsets(context.vertx(), feedSettings.source(), settings.stream(), counters);
        }
        return StreamConnection.open(context, session, settings, counters, offsets);
    }

    @Override
    public FrameDecoder newDecoder(DecoderContext context) {
        RedisFeedSettings.DeadLetterSettings bounds = settings.deadLetter();
        DeadLetterLog log = new DeadLetterLog(bounds.maxEntries(), bounds.maxBytes(), bounds.maxPrefixBytes());
        deadLetters.add(log);
        return new RedisFrameDecoder(context, settings, counters, log);
    }

    /** Payload gaps cannot be replayed by Redis: they are counted, published as GAP, and skipped. */
    @Override
    public GapPolicy gapPolicy() {
        return GapPolicy.ACCEPT_LOSS;
    }

    /** Shards by channel (or stream key), so each channel's sequence numbers are checked in order on one worker. */
    @Override
    public int shardOf(Buffer frames, int offset, int length, int shards) {
        int channelLength = RedisFrames.channelLength(frames, offset);
        int hash = 0;
        for (int i = 0; i < channelLength; i++) {
            hash = 31 * hash + frames.getByte(offset + RedisFrames.HEADER_BYTES + i);
        }
        return Math.floorMod(hash ^ (hash >>> 16), shards);
    }

    public RedisFeedSettings settings() {
        return settings;
    }

    public RedisFeedCounters counters() {
        return counters;
    }

    /** Refused payloads kept by every worker, oldest first. */
    public List<DeadLetterLog.Entry> deadLetters() {
        List<DeadLetterLog.Entry> entries = new ArrayList<>();
        deadLetters.forEach(log -> entries.addAll(log.entries()));
        entries.sort(Comparator.comparingLong(DeadLetterLog.Entry::timeNanos));
        return entries;
    }

    /** Refused payloads counted by every worker, by reason label. */
    public java.util.Map<String, Long> rejectedByReason() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        deadLetters.forEach(log -> log.rejectedByReason().forEach((reason, count) ->
                counts.merge(reason.label(), count, Long::sum)));
        return counts;
    }
}
