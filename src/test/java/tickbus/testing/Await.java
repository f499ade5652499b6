package tickbus.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, re-checking it; never a fixed sleep. */
public final class Await {

    private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_DEADLINE, condition);
    }

    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        until(what, deadline, condition, () -> "");
    }

    /** As {@link #until(String, BooleanSupplier)}, adding {@code state} to the failure message. */
    public static void until(String what, Duration deadline, BooleanSupplier condition, Supplier<String> state) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline.toMillis() + " ms waiting for " + what
                        + describe(state.get()));
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static String describe(String state) {
        return state.isEmpty() ? "" : "; state: " + state;
    }

    /** Blocks on a Vert.x future with a deadline and returns its result. */
    public static <T> T result(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(DEFAULT_DEADLINE.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("future failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }
}
