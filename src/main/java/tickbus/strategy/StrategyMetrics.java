package tickbus.strategy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one strategy did and suffered: events delivered to its handlers, handler failures, and blocked-thread
 * reports while one of its handlers ran. Mirrored to Micrometer ({@code tickbus_strategy_*_total{strategy}}) when
 * the node has a registry.
 */
public final class StrategyMetrics {

    private static final long FAILURE_LOG_INTERVAL_NANOS = 1_000_000_000L;

    private final String name;
    private final LongAdder delivered = new LongAdder();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong blockedReports = new AtomicLong();
    private final AtomicLong lastFailureLogNanos = new AtomicLong();
    private final AtomicLong failuresAtLastLog = new AtomicLong();
    private final Counter failureCounter;
    private final Counter blockedCounter;

    StrategyMetrics(String name, MeterRegistry registry) {
        this.name = name;
        this.failureCounter = registry == null ? null : Counter.builder("tickbus.strategy.handler.failures")
                .description("Exceptions thrown by a strategy's market-data handlers").tag("strategy", name)
                .register(registry);
        this.blockedCounter = registry == null ? null : Counter.builder("tickbus.strategy.blocked")
                .description("Blocked-thread reports while a strategy's handler was running").tag("strategy", name)
                .register(registry);
    }

    public String name() {
        return name;
    }

    public long delivered() {
        return delivered.sum();
    }

    public long handlerFailures() {
        return handlerFailures.get();
    }

    public long blockedReports() {
        return blockedReports.get();
    }

    void eventDelivered() {
        delivered.increment();
    }

    /** Counts a failure; returns how many failures to report now, or 0 when the log is rate-limited. */
    long handlerFailed(long nowNanos) {
        long failures = handlerFailures.incrementAndGet();
        if (failureCounter != null) {
            failureCounter.increment();
        }
        long last = lastFailureLogNanos.get();
        boolean due = failures == 1 || nowNanos - last >= FAILURE_LOG_INTERVAL_NANOS;
        if (due && lastFailureLogNanos.compareAndSet(last, nowNanos)) {
            return failures - failuresAtLastLog.getAndSet(failures);
        }
        return 0;
    }

    void blocked() {
        blockedReports.incrementAndGet();
        if (blockedCounter != null) {
            blockedCounter.increment();
        }
    }
}
