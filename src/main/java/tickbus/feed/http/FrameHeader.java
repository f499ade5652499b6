package tickbus.feed.http;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the connection puts before each document it hands to the engine, for the decoder on the worker: the last
 * log position the document covers (the engine passes the first), the charset the HTTP response declared, and
 * which instruments must wait for a snapshot before their book events are trusted.
 *
 * <pre>
 *  0       1               9       10            10+c    12+c
 *  +-------+---------------+-------+-------------+-------+----------------------------------+------------------+
 *  | flags | last position | c     | charset     | n     | n x (u16 length, UTF-8 id)       | payload          |
 *  | u8    | int64         | u8    | UTF-8       | u16   | instruments awaiting a snapshot  | document, or the |
 *  |       |               |       | (c=0: none) |       |                                  | quarantine reason|
 *  +-------+---------------+-------+-------------+-------+----------------------------------+------------------+
 * </pre>
 */
final class FrameHeader {

    /** The payload is no document but the reason the range was skipped. */
    static final int FLAG_QUARANTINED = 1;
    /** Every instrument waits for a snapshot (after a lost range or a new server log). */
    static final int FLAG_AWAIT_ALL_SNAPSHOTS = 2;

    private static final int MAX_CHARSET_CHARS = 64;
    private static final int FIXED_BYTES = 12;

    int flags;
    long lastPosition;
    String charset;
    final List<String> awaiting = new ArrayList<>();
    int payloadOffset;

    /** A frame: the header followed by {@code payload}. */
    static Buffer encode(int flags, long lastPosition, String charset, Collection<String> awaiting, Buffer payload) {
        byte[] charsetBytes = charset == null ? new byte[0] : cut(charset).getBytes(StandardCharsets.UTF_8);
        Buffer frame = Buffer.buffer(FIXED_BYTES + charsetBytes.length + 32 * awaiting.size() + payload.length());
        frame.appendByte((byte) flags).appendLong(lastPosition).appendByte((byte) charsetBytes.length)
                .appendBytes(charsetBytes).appendUnsignedShort(awaiting.size());
        for (String instrument : awaiting) {
            byte[] id = instrument.getBytes(StandardCharsets.UTF_8);
            frame.appendUnsignedShort(id.length).appendBytes(id);
        }
        return frame.appendBuffer(payload);
    }

    /** Reads the header of {@code frames[offset, offset + length)}; the payload starts at {@link #payloadOffset}. */
    void read(Buffer frames, int offset, int length) {
        int end = offset + length;
        int position = require(offset, FIXED_BYTES - 2, end);
        flags = frames.getUnsignedByte(offset);
        lastPosition = frames.getLong(offset + 1);
        int charsetLength = frames.getUnsignedByte(offset + 9);
        position = require(position, charsetLength, end);
        charset = charsetLength == 0 ? null : frames.getString(position - charsetLength, position, "UTF-8");
        position = require(position, 2, end);
        int count = frames.getUnsignedShort(position - 2);
        awaiting.clear();
        for (int i = 0; i < count; i++) {
            position = require(position, 2, end);
            int idLength = frames.getUnsignedShort(position - 2);
            position = require(position, idLength, end);
            awaiting.add(frames.getString(position - idLength, position, "UTF-8"));
        }
        payloadOffset = position;
    }

    boolean quarantined() {
        return (flags & FLAG_QUARANTINED) != 0;
    }

    boolean awaitAllSnapshots() {
        return (flags & FLAG_AWAIT_ALL_SNAPSHOTS) != 0;
    }

    private static int require(int position, int bytes, int end) {
        if (position + bytes > end) {
            throw new IllegalStateException("frame header truncated: needed=" + (position + bytes) + ", end=" + end);
        }
        return position + bytes;
    }

    private static String cut(String charset) {
        return charset.length() <= MAX_CHARSET_CHARS ? charset : charset.substring(0, MAX_CHARSET_CHARS) + "...";
    }
}
