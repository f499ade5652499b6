package tickbus.normalize.redisjson;

import io.vertx.core.buffer.Buffer;
import java.util.Objects;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonDecoder;
import tickbus.protocol.redisjson.RedisJsonException;
import tickbus.protocol.redisjson.RedisJsonLimits;

/**
 * The pure decode-and-normalize stage of a Redis JSON feed, run on its parser worker: a payload becomes
 * events in the normalizer's sink, or is refused. A refused payload is counted by reason and kept in the
 * dead-letter log, then its {@link RedisJsonException} is rethrown so the engine counts it by kind; the next
 * payload decodes as if nothing happened. Not thread-safe: one per worker.
 */
public final class RedisJsonIngest {

    private final RedisJsonDecoder decoder;
    private final DeadLetterLog deadLetters;
    private long accepted;

    public RedisJsonIngest(RedisJsonLimits limits, int priceScale, int sizeScale, RedisJsonNormalizer normalizer,
            DeadLetterLog deadLetters) {
        this.decoder = new RedisJsonDecoder(limits, priceScale, sizeScale, normalizer);
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /** Decode and normalize one payload received on {@code channel} (a channel or stream key). */
    public void accept(String channel, PayloadFormat format, byte[] payload, int offset, int length,
            long receiveTimeNanos) {
        try {
            decoder.decode(format, channel, payload, offset, length, receiveTimeNanos);
            accepted++;
        } catch (RedisJsonException e) {
            deadLetters.add(receiveTimeNanos, channel, e, payload, offset, length);
            throw e;
        }
    }

    /** Decode and normalize {@code payload[offset, offset + length)}. */
    public void accept(String channel, PayloadFormat format, Buffer payload, int offset, int length,
            long receiveTimeNanos) {
        try {
            decoder.decode(format, channel, payload, offset, length, receiveTimeNanos);
            accepted++;
        } catch (RedisJsonException e) {
            deadLetters.add(receiveTimeNanos, channel, e, payload, offset, length);
            throw e;
        }
    }

    /** Payloads decoded into events (or dropped by the sequence check as duplicates). */
    public long accepted() {
        return accepted;
    }

    public DeadLetterLog deadLetters() {
        return deadLetters;
    }
}
