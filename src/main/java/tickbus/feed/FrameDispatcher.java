package tickbus.feed;

import io.vertx.core.buffer.Buffer;
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

    private final FeedProtocol protocol;
    private final List<ParserWorker> workers;
    private final int maxBatchFrames;
    private final Runnable pause;
    private final Runnable resume;
    private final Buffer[] pending;
    private final int[] pendingFrames;
    private final AtomicInteger inFlight = new AtomicInteger();
    private boolean paused;

    FrameDispatcher(FeedProtocol protocol, List<ParserWorker> workers, int maxBatchFrames, Runnable pause,
            Runnable resume) {
        this.protocol = protocol;
        this.workers = List.copyOf(workers);
        this.maxBatchFrames = maxBatchFrames;
        this.pause = pause;
        this.resume = resume;
        this.pending = new Buffer[workers.size()];
        this.pendingFrames = new int[workers.size()];
    }

    void add(long sequence, long receiveTimeNanos, Buffer source, int offset, int length) {
        int shard = workers.size() == 1 ? 0 : protocol.shardOf(source, offset, length, workers.size());
        Buffer batch = pending[shard];
        if (batch == null) {
            batch = Buffer.buffer(length > LARGE_FRAME_BYTES ? length + FrameBatch.HEADER_BYTES : Math.max(256, length * 16));
            pending[shard] = batch;
        }
        batch.appendInt(length).appendLong(sequence).appendLong(receiveTimeNanos)
                .appendBuffer(source, offset, length);
        if (++pendingFrames[shard] >= maxBatchFrames) {
            flush(shard);
        }
    }

    void flush() {
        for (int shard = 0; shard < pending.length; shard++) {
            flush(shard);
        }
    }

    /** Ask every worker, in order after what it already has, to drop its state. */
    void reset() {
        flush();
        for (ParserWorker worker : workers) {
            submit(worker, FrameBatch.resetMarker());
        }
    }

    int batchesInFlight() {
        return inFlight.get();
    }

    private void flush(int shard) {
        if (pendingFrames[shard] == 0) {
            return;
        }
        FrameBatch batch = new FrameBatch(pending[shard], pendingFrames[shard], false);
        pending[shard] = null;
        pendingFrames[shard] = 0;
        submit(workers.get(shard), batch);
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
