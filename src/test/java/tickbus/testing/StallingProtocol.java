package tickbus.testing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tickbus.feed.ConnectionContext;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FrameDecoder;

/** A real protocol whose parser workers can be stalled: a slow consumer behind the feed, made certain. */
public final class StallingProtocol implements FeedProtocol {

    private final FeedProtocol protocol;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public StallingProtocol(FeedProtocol protocol) {
        this.protocol = protocol;
    }

    /** Every decode from now on waits until {@link #release()}. */
    public void stall() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    @Override
    public Future<FeedConnection> connect(ConnectionContext context) {
        return protocol.connect(context);
    }

    @Override
    public FrameDecoder newDecoder(DecoderContext context) {
        FrameDecoder decoder = protocol.newDecoder(context);
        return (long sequence, long receiveTimeNanos, Buffer frames, int offset, int length) -> {
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the stalled worker");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            decoder.decode(sequence, receiveTimeNanos, frames, offset, length);
        };
    }

    @Override
    public long firstSequence() {
        return protocol.firstSequence();
    }

    @Override
    public boolean firehose() {
        return protocol.firehose();
    }

    @Override
    public GapPolicy gapPolicy() {
        return protocol.gapPolicy();
    }

    @Override
    public int shardOf(Buffer frames, int offset, int length, int shards) {
        return protocol.shardOf(frames, offset, length, shards);
    }
}
