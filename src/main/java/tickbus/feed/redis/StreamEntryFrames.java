package tickbus.feed.redis;

import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Response;
import tickbus.feed.ConnectionContext;
import tickbus.protocol.redisjson.PayloadFormat;

/**
 * Turns one stream entry ({@code [id, [field, value, ...]]}) into a {@link RedisFrames} frame: an entry whose only
 * field is the payload field carries its JSON there; any other entry is passed field by field (cryptofeed's
 * stream layout) and becomes a JSON object on the worker. Used only on the feed's event loop.
 */
final class StreamEntryFrames {

    private static final int ENTRY_OVERHEAD_BYTES = 16;

    private final ConnectionContext context;
    private final Buffer payloadField;
    private final RedisFeedCounters counters;
    private final Buffer frame = Buffer.buffer(1024);
    /** Bytes and entries handed over since {@link #reportCounts()}: counted once per key and read, not per entry. */
    private long bytes;
    private long entries;

    StreamEntryFrames(ConnectionContext context, String payloadField, RedisFeedCounters counters) {
        this.context = context;
        this.payloadField = Buffer.buffer(payloadField);
        this.counters = counters;
    }

    /** Hand the entry to the engine. Its id is read in place: a String only for a key's last entry of a read. */
    void deliver(PayloadFormat format, Buffer key, Response entry) {
        Response fields = entry.get(1);
        entries++;
        long sequence = RedisFrames.entrySequence(entry.get(0).toBuffer());
        int length;
        if (fields == null || fields.size() == 0) {
            length = RedisFrames.writeHeader(frame, format, true, sequence, key);
        } else if (fields.size() == 2 && fields.get(0).toBuffer().equals(payloadField)) {
            Buffer payload = fields.get(1).toBuffer();
            int position = RedisFrames.writeHeader(frame, format, false, sequence, key);
            frame.setBuffer(position, payload);
            length = position + payload.length();
        } else {
            length = RedisFrames.writeHeader(frame, format, true, sequence, key);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                Buffer name = fields.get(i).toBuffer();
                if (name.length() > RedisFrames.MAX_FIELD_NAME_BYTES) {
                    counters.oversizedNames.increment();
                    continue;
                }
                length = RedisFrames.writeField(frame, length, name, fields.get(i + 1).toBuffer());
            }
        }
        bytes += length + ENTRY_OVERHEAD_BYTES;
        context.frame(0, frame, 0, length);
    }

    /** Report the entries and bytes delivered since the last report to the counters and the engine. */
    void reportCounts() {
        counters.streamEntries.add(entries);
        entries = 0;
        RedisFrames.bytesReceived(context, bytes);
        bytes = 0;
    }
}
