package tickbus.feed;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import tickbus.event.BreakerState;

/** The circuit breaker around a feed's connection attempts; its state changes are published as FeedStatus. */
final class FeedBreaker {

    /** Failures count towards opening the breaker for this long: consecutive failures, in practice. */
    private static final long FAILURES_ROLLING_WINDOW_MILLIS = 3_600_000;

    private FeedBreaker() {
    }

    /** {@code halfOpenProbe} runs when the breaker half-opens, to make the probing attempt. */
    static CircuitBreaker create(Vertx vertx, FeedSettings settings, FeedLifecycle lifecycle, Runnable halfOpenProbe) {
        FeedSettings.BreakerSettings options = settings.breaker();
        CircuitBreaker breaker = CircuitBreaker.create("feed-" + settings.source(), vertx, new CircuitBreakerOptions()
                .setMaxFailures(options.maxFailures())
                .setTimeout(options.attemptTimeoutMillis())
                .setResetTimeout(options.resetTimeoutMillis())
                .setFailuresRollingWindow(FAILURES_ROLLING_WINDOW_MILLIS));
        breaker.openHandler(v -> lifecycle.breaker(BreakerState.OPEN, "failures=" + options.maxFailures()
                + " consecutive connection attempts failed"));
        breaker.halfOpenHandler(v -> {
            lifecycle.breaker(BreakerState.HALF_OPEN, "probing after resetTimeoutMillis="
                    + options.resetTimeoutMillis());
            halfOpenProbe.run();
        });
        breaker.closeHandler(v -> lifecycle.breaker(BreakerState.CLOSED, "connection attempt succeeded"));
        return breaker;
    }

    /**
     * One connection attempt through the breaker. A connect the breaker timed out may still succeed later, when the
     * engine has gone on without it: that connection is aborted, or two would be alive at once (what it reported
     * meanwhile went to its abandoned {@link AttemptContext}).
     */
    static Future<FeedConnection> attempt(CircuitBreaker breaker, Supplier<Future<FeedConnection>> connect) {
        AtomicReference<Future<FeedConnection>> verdict = new AtomicReference<>();
        verdict.set(breaker.<FeedConnection>execute(promise -> connect.get().onComplete(promise)
                .onSuccess(late -> {
                    Future<FeedConnection> given = verdict.get();
                    if (given != null && given.failed()) {
                        late.abort();
                    }
                })));
        return verdict.get();
    }
}
