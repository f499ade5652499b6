package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tickbus.TickbusNode;
import tickbus.testing.Await;
import tickbus.testing.FakeProtocol;
import tickbus.testing.FeedHarness;

/**
 * The data path alone, on a real event loop with real parser workers: what it tells its listener, in which order,
 * and what reaches the workers.
 */
class FeedPipelineTest {

    private static final Buffer FRAME = Buffer.buffer(new byte[] {1});

    /** Every call of either listener, in order. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Long> decoded = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch releaseWorker = new CountDownLatch(1);
    private volatile boolean holdWorker;

    @Test
    void eachFrameIsReportedAsDataBeforeItsNumberIsValidatedAndOnlyNumbersInOrderReachTheWorkers() {
        try (FeedHarness harness = new FeedHarness()) {
            Context context = harness.vertx.getOrCreateContext();
            FeedPipeline pipeline = deploy(harness, context, 4096);

            long resumeSequence = on(context, () -> {
                for (long sequence : new long[] {1, 2, 2, 5}) {
                    pipeline.frame(sequence, sequence, FRAME, 0, 1);
                }
                return pipeline.resumeSequence();
            });
            published(context, pipeline);

            assertEquals(List.of("data", "data", "data", "data", "gap from=3, to=4"), events);
            assertEquals(List.of(1L, 2L), decoded);
            assertEquals(3, resumeSequence);
        }
    }

    @Test
    void workersFallingBehindPauseTheReadingOnceAndCatchingUpResumesItOnTheEventLoop() {
        try (FeedHarness harness = new FeedHarness()) {
            Context context = harness.vertx.getOrCreateContext();
            FeedPipeline pipeline = deploy(harness, context, 1);
            holdWorker = true;

            boolean paused = on(context, () -> {
                for (long sequence = 1; sequence <= 100; sequence++) {
                    pipeline.frame(sequence, sequence, FRAME, 0, 1);
                }
                return pipeline.paused();
            });
            releaseWorker.countDown();
            published(context, pipeline);

            assertTrue(paused);
            assertEquals(List.of("paused", "resumed"), events.stream().filter(event -> !event.equals("data")).toList());
            assertEquals(100, decoded.size());
            assertFalse(on(context, pipeline::paused));
        }
    }

    private FeedPipeline deploy(FeedHarness harness, Context context, int maxBatchFrames) {
        FeedSettings settings = harness.settings(new JsonObject().put("maxBatchFrames", maxBatchFrames));
        FakeProtocol protocol = new FakeProtocol(0, decoderContext -> (sequence, receiveTimeNanos, frames, offset,
                length) -> {
            if (holdWorker) {
                await(releaseWorker);
            }
            decoded.add(sequence);
        });
        TickbusNode node = TickbusNode.of(harness.vertx);
        FeedMetrics metrics = new FeedMetrics(settings.source(), settings.venue(), settings.protocol());
        RecordingEngine engine = new RecordingEngine(context);
        TransportSequencing sequencing = new TransportSequencing(protocol.firstSequence(), protocol.gapPolicy(),
                metrics, engine);
        FeedWatchdog watchdog = new FeedWatchdog(settings, sequencing, engine);
        FeedPipeline pipeline = new FeedPipeline(harness.vertx, context, settings, protocol, harness.clock, metrics,
                sequencing, watchdog, engine);
        Await.result(inContext(context, () -> pipeline.deploy(node.demand())));
        return pipeline;
    }

    /** Waits until every frame handed over so far is decoded, then for the undeploy of the workers. */
    private static void published(Context context, FeedPipeline pipeline) {
        Await.result(inContext(context, () -> {
            Promise<Void> done = Promise.promise();
            pipeline.afterPublished(done::complete);
            return done.future();
        }));
        Await.result(inContext(context, pipeline::undeploy));
    }

    private static <T> T on(Context context, Supplier<T> action) {
        return Await.result(inContext(context, () -> Future.succeededFuture(action.get())));
    }

    private static <T> Future<T> inContext(Context context, Supplier<Future<T>> action) {
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(result));
        return result.future();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands in for the feed: records what the data path, its sequencing and its watchdog tell it. */
    private final class RecordingEngine
            implements FeedPipeline.Listener, TransportSequencing.Listener, FeedWatchdog.Listener {

        private final Context context;

        RecordingEngine(Context context) {
            this.context = context;
        }

        @Override
        public void dataArrived() {
            events.add("data");
        }

        @Override
        public void readingPaused() {
            events.add("paused");
        }

        @Override
        public void readingResumed() {
            events.add(Vertx.currentContext() == context ? "resumed" : "resumed off the event loop");
        }

        @Override
        public void gapOpened(long from, long to) {
            events.add("gap from=" + from + ", to=" + to);
        }

        @Override
        public void lossAccepted(long from, long to) {
            events.add("loss from=" + from + ", to=" + to);
        }

        @Override
        public void gapHealed(GapRecovery healed, long durationMillis) {
            events.add("healed " + healed.describe());
        }

        @Override
        public void heartbeatTimedOut(String reason) {
            events.add(reason);
        }

        @Override
        public void dataStopped(String reason) {
            events.add(reason);
        }

        @Override
        public void recoveryOverdue(String reason) {
            events.add(reason);
        }
    }
}
