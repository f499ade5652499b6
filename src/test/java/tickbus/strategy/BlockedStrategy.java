package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import tickbus.testing.Await;

/** A strategy context held busy while events arrive, as a strategy stuck in its handler would be. */
final class BlockedStrategy {

    private BlockedStrategy() {
    }

    /** Runs {@code arrivals} while {@code context} is busy, then lets it go and waits until {@code done}. */
    static void whileBlocked(Context context, Runnable arrivals, String what, BooleanSupplier done)
            throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        context.runOnContext(v -> {
            blocked.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(blocked.await(20, TimeUnit.SECONDS), "strategy context never ran");
        arrivals.run();
        release.countDown();
        Await.until(what, done);
    }
}
