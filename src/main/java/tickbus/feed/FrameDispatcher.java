package tickbus.feed;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gathers frames on the event loop into one batch per worker shard and hands each batch over in one task,
 * never one task per frame. Bounds the batches in flight: past the high-water mark it pauses the
 * connection, and resumes it when the workers have caught up.
 */
final class FrameDispatcher {

    private static final int MAX_BATCHES_IN_FLIGHT = 64;
    private static final int RESUME_AT_BATCHES_IN_FLIGHT = 16;
    /** A frame this large (a long-poll document, say) gets a batch of its own size, not room for 16 like it. */
    private static final int LARGE_FRAME_BYTES = 64 * 1024;
    private static final int MIN_BATCH_BYTES = 256;
    /** Batches are sized after the last one, up to this; a larger one grows as it fills. */
    private static final int MAX_INITIAL_BATCH_BYTES = 1 << 20;

    private final FeedProtocol protocol;
    private final List<ParserWorker> workers;
    private final int maxBatchFrames;
    private final Runnable pause;
    private final Runnable resume;
    private final byte[][] pending;
    private final int[] pendingBytes;
    private final int[] pendingFrames;
    private final int[] nextBatchBytes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private boolean paused;
    private Buffer lastSource;
    private int lastSourceLength;
    private byte[] lastSourceArray;
    private int lastSourceBase;

    FrameDispatcher(FeedProtocol protocol, List<ParserWorker> workers, int maxBatchFrames, Runnable pause,
            Runnable resume) {
        this.protocol = protocol;
        this.workers = List.copyOf(workers);
        this.maxBatchFrames = maxBatchFrames;
        this.pause = pause;
        this.resume = resume;
        this.pending = new byte[workers.size()][];
        this.pendingBytes = new int[workers.size()];
        this.pendingFrames = new int[workers.size()];
        this.nextBatchBytes = new int[workers.size()];
        Arrays.fill(nextBatchBytes, MIN_BATCH_BYTES);
    }

    void add(long sequence, long receiveTimeNanos, Buffer source, int offset, int length) {
        int shard = workers.size() == 1 ? 0 : protocol.shardOf(source, offset, length, workers.size());
        if (shard != FeedProtocol.ALL_SHARDS) {
            add(shard, sequence, receiveTimeNanos, source, offset, length);
            return;
        }
        for (int each = 0; each < workers.size(); each++) {
            add(each, sequence, receiveTimeNanos, source, offset, length);
        }
    }

    private void add(int shard, long sequence, long receiveTimeNanos, Buffer source, int offset, int length) {
        int needed = FrameBatch.HEADER_BYTES + length;
        byte[] batch = pending[shard];
        int position = pendingBytes[shard];
        if (batch == null || batch.length - position < needed) {
            batch = room(shard, needed);
        }
        FrameBatch.writeHeader(batch, position, length, sequence, receiveTimeNanos);
        copy(source, offset, batch, position + FrameBatch.HEADER_BYTES, length);
        pendingBytes[shard] = position + needed;
        if (++pendingFrames[shard] >= maxBatchFrames) {
            flush(shard);
        }
    }

    void flush() {
        for (int shard = 0; shard < pending.length; shard++) {
            flush(shard);
        }
    }

    /**
     * The upstream session changed: every worker, in order after the frames it already has, drops its state and
     * tells the wanted instruments it served with a {@code RESET} status, before any frame of the new session.
     */
    void reset(String reason, long sequence) {
        flush();
        for (ParserWorker worker : workers) {
            worker.reset(reason, sequence);
        }
    }

    /** Run {@code action} on a worker once every worker has processed the frames handed over until now. */
    void afterProcessed(Runnable action) {
        flush();
        AtomicInteger remaining = new AtomicInteger(workers.size());
        for (ParserWorker worker : workers) {
            worker.afterQueued(() -> {
                if (remaining.decrementAndGet() == 0) {
                    action.run();
                }
            });
        }
    }

    int batchesInFlight() {
        return inFlight.get();
    }

    private void flush(int shard) {
        if (pendingFrames[shard] == 0) {
            return;
        }
        int length = pendingBytes[shard];
        FrameBatch batch = new FrameBatch(pending[shard], length, pendingFrames[shard]);
        // The next batch starts at the size this one reached, so a steady stream rarely grows one.
        nextBatchBytes[shard] = Math.min(MAX_INITIAL_BATCH_BYTES, Math.max(MIN_BATCH_BYTES, length));
        pending[shard] = null;
        pendingBytes[shard] = 0;
        pendingFrames[shard] = 0;
        submit(workers.get(shard), batch);
    }

    /** A batch array with room for {@code needed} more bytes: the pending one grown, or a new one. */
    private byte[] room(int shard, int needed) {
        byte[] batch = pending[shard];
        int used = pendingBytes[shard];
        int capacity;
        if (batch == null) {
            capacity = needed > LARGE_FRAME_BYTES ? needed : Math.max(nextBatchBytes[shard], needed * 16);
        } else {
            capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) batch.length * 2, (long) used + needed));
        }
        byte[] grown = new byte[capacity];
        if (used > 0) {
            System.arraycopy(batch, 0, grown, 0, used);
        }
        pending[shard] = grown;
        return grown;
    }

    /**
     * Copy a frame straight from the source's backing array when it has one (every socket read does). Finding the
     * array costs an allocation ({@code getByteBuf()} slices), so it is remembered while the source is the same
     * buffer with the same length: a buffer only moves to a larger array when it grows.
     */
    private void copy(Buffer source, int offset, byte[] to, int toOffset, int length) {
        int sourceLength = source.length();
        if (source != lastSource || sourceLength != lastSourceLength) {
            adoptSource(source, sourceLength);
        }
        if (lastSourceArray != null && offset >= 0 && length <= sourceLength - offset) {
            System.arraycopy(lastSourceArray, lastSourceBase + offset, to, toOffset, length);
        } else {
            source.getBytes(offset, offset + length, to, toOffset);
        }
    }

    private void adoptSource(Buffer source, int sourceLength) {
        lastSource = source;
        lastSourceLength = sourceLength;
        ByteBuf bytes = source instanceof BufferInternal internal ? internal.getByteBuf() : null;
        // The slice starts at the reader index; only when that is 0 do buffer indexes match the slice's.
        boolean direct = bytes != null && bytes.hasArray() && bytes.readableBytes() == sourceLength;
        lastSourceArray = direct ? bytes.array() : null;
        lastSourceBase = lastSourceArray != null ? bytes.arrayOffset() : 0;
    }

    private void submit(ParserWorker worker, FrameBatch batch) {
        if (inFlight.incrementAndGet() >= MAX_BATCHES_IN_FLIGHT && !paused) {
            paused = true;
            pause.run();
        }
        worker.submit(batch, this::batchDone);
    }

    /** Runs on the worker; the resume hops back to the feed's event loop through {@code resume}. */
    private void batchDone() {
        if (inFlight.decrementAndGet() == RESUME_AT_BATCHES_IN_FLIGHT) {
            resume.run();
        }
    }

    /** Called on the event loop by the resume hop. */
    void resumed() {
        paused = false;
    }

    boolean paused() {
        return paused;
    }
}
