package tickbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeShutdownTest {

    private static final long SLOW_STOP_MILLIS = 3_000;

    /** Takes {@link #SLOW_STOP_MILLIS} to stop, as a feed whose upstream hangs takes its stop timeout. */
    static final class SlowToStop extends VerticleBase {
        @Override
        public Future<?> stop() {
            Promise<Void> stopped = Promise.promise();
            vertx.setTimer(SLOW_STOP_MILLIS, id -> stopped.complete());
            return stopped.future();
        }
    }

    @Test
    void verticlesStillStoppingWhenTheOrderlyPartEndsAreStoppedTogetherAndVertxCloses() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(vertx.deployVerticle(new SlowToStop()).await());
        }
        long started = System.nanoTime();

        NodeLauncher.shutDown(vertx, ids, 500).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(0, vertx.deploymentIDs().size());
        assertTrue(tookMillis < 4 * SLOW_STOP_MILLIS - SLOW_STOP_MILLIS / 2,
                "one at a time would take " + 4 * SLOW_STOP_MILLIS + " ms; took " + tookMillis + " ms");
    }

    @Test
    void verticlesThatStopPromptlyAreUndeployedInReverseOrderBeforeVertxCloses() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<String> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("venue", "feed", "strategy")) {
            ids.add(vertx.deployVerticle(new VerticleBase() {
                @Override
                public Future<?> stop() {
                    stopped.add(name);
                    return Future.succeededFuture();
                }
            }).await());
        }

        NodeLauncher.shutDown(vertx, ids, 10_000).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(List.of("strategy", "feed", "venue"), stopped);
        assertEquals(0, vertx.deploymentIDs().size());
    }
}
