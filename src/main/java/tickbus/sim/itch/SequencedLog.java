package tickbus.sim.itch;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.ArrayDeque;
import java.util.Arrays;
import tickbus.protocol.soupbintcp.SoupBinTcp;

/**
 * The messages of one SoupBinTCP session, kept as the Sequenced Data packets the server sends: the stream offset
 * of every message is known (faults can cut the stream at an exact byte), and any range is written as is. Kept in
 * chunks of {@value #MESSAGES_PER_CHUNK} messages; past the retention limit the oldest chunk is dropped, and a
 * login asking for older messages starts at the oldest one kept. Used on the simulator's event loop only.
 *
 * <pre>
 *  stream offset 0                                        endOffset()
 *  | len | 'S' | message 1 | len | 'S' | message 2 | ... |
 * </pre>
 */
final class SequencedLog {

    static final int MESSAGES_PER_CHUNK = 1 << 16;
    private static final int INITIAL_CHUNK_BYTES = 64 * 1024;

    private final int retainedChunks;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private long nextSequence = 1;
    private long endOffset;

    /** The packets of {@link #MESSAGES_PER_CHUNK} consecutive messages. */
    private static final class Chunk {
        final long firstSequence;
        final long baseOffset;
        final int[] starts = new int[MESSAGES_PER_CHUNK];
        byte[] bytes = new byte[INITIAL_CHUNK_BYTES];
        int length;
        int count;

        Chunk(long firstSequence, long baseOffset) {
            this.firstSequence = firstSequence;
            this.baseOffset = baseOffset;
        }
    }

    SequencedLog(long retainedMessages) {
        this.retainedChunks = (int) Math.max(2, (retainedMessages + MESSAGES_PER_CHUNK - 1) / MESSAGES_PER_CHUNK);
    }

    /** Append one message; returns its sequence number. */
    long append(byte[] message, int offset, int length) {
        Chunk chunk = chunks.peekLast();
        if (chunk == null || chunk.count == MESSAGES_PER_CHUNK) {
            chunk = new Chunk(nextSequence, endOffset);
            chunks.addLast(chunk);
            if (chunks.size() > retainedChunks) {
                chunks.removeFirst();
            }
        }
        int packetLength = SoupBinTcp.HEADER_LENGTH + length;
        if (chunk.length + packetLength > chunk.bytes.length) {
            chunk.bytes = Arrays.copyOf(chunk.bytes, Math.max(chunk.bytes.length * 2, chunk.length + packetLength));
        }
        chunk.starts[chunk.count++] = chunk.length;
        chunk.length += SoupBinTcp.writePacket(chunk.bytes, chunk.length, SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA,
                message, offset, length);
        endOffset += packetLength;
        return nextSequence++;
    }

    /** The sequence number the next message will get. */
    long nextSequence() {
        return nextSequence;
    }

    /** The oldest message still kept. */
    long firstSequence() {
        Chunk first = chunks.peekFirst();
        return first == null ? nextSequence : first.firstSequence;
    }

    /** Bytes of the whole stream so far, dropped chunks included. */
    long endOffset() {
        return endOffset;
    }

    /** Where message {@code sequence} starts in the stream; {@link #nextSequence()} gives the end. */
    long offsetOf(long sequence) {
        if (sequence < firstSequence() || sequence > nextSequence) {
            throw new IllegalArgumentException("sequence not kept: sequence=" + sequence + ", first="
                    + firstSequence() + ", next=" + nextSequence);
        }
        if (sequence == nextSequence) {
            return endOffset;
        }
        Chunk chunk = chunkOfSequence(sequence);
        return chunk.baseOffset + chunk.starts[(int) (sequence - chunk.firstSequence)];
    }

    /**
     * The stream bytes from {@code from} up to {@code to}, but not past the end of the chunk holding {@code from};
     * null when {@code from} was dropped. The bytes are shared, not copied: written packets never change.
     */
    Buffer slice(long from, long to) {
        for (Chunk chunk : chunks) {
            long chunkEnd = chunk.baseOffset + chunk.length;
            if (from >= chunk.baseOffset && from < chunkEnd) {
                int start = (int) (from - chunk.baseOffset);
                int end = (int) (Math.min(to, chunkEnd) - chunk.baseOffset);
                return BufferInternal.buffer(Unpooled.wrappedBuffer(chunk.bytes, start, end - start));
            }
        }
        return null;
    }

    private Chunk chunkOfSequence(long sequence) {
        for (Chunk chunk : chunks) {
            if (sequence < chunk.firstSequence + chunk.count) {
                return chunk;
            }
        }
        throw new IllegalStateException("no chunk holds the sequence: sequence=" + sequence);
    }
}
