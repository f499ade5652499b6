package tickbus.strategy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool that descriptor entries with {@code "worker": true} run on. A strategy there cannot stall an
 * event loop (ingestion, bridges, other event-loop verticles), and the blocked-thread checker reports one of its
 * threads after {@link #MAX_EXECUTE_MILLIS}, the event loops' own limit, instead of the default 60 s.
 *
 * <p>On Linux the pool's threads run under {@code SCHED_IDLE} (falling back to niceness {@link #FALLBACK_NICE} where
 * {@code chrt} is missing): when strategies and ingestion want more CPU than the machine has, the kernel gives it to
 * ingestion and preempts a strategy the moment an ingestion thread wakes, so a strategy that burns CPU (throwing on
 * every event, say) slows strategies, not the feeds. Idle CPU is still theirs; on a node that ingestion saturates
 * they fall behind (bounded queues, {@code GAP} statuses) instead. {@code -Dtickbus.strategyPriority=normal} keeps
 * them at normal priority.
 */
public final class StrategyPool {

    public static final String POOL_NAME = "tickbus-strategies";
    public static final int POOL_SIZE = 8;
    public static final long MAX_EXECUTE_MILLIS = 2_000;
    static final int FALLBACK_NICE = 19;
    static final boolean LOWERED = !"normal".equals(System.getProperty("tickbus.strategyPriority", "idle"));

    private static final Logger LOG = LoggerFactory.getLogger(StrategyPool.class);
    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private StrategyPool() {
    }

    /** {@code options} moved onto the strategy pool when they ask for a worker; unchanged otherwise. */
    public static DeploymentOptions apply(DeploymentOptions options) {
        if (options.getThreadingModel() != ThreadingModel.WORKER || options.getWorkerPoolName() != null) {
            return options;
        }
        return options.setWorkerPoolName(POOL_NAME).setWorkerPoolSize(POOL_SIZE)
                .setMaxWorkerExecuteTime(MAX_EXECUTE_MILLIS).setMaxWorkerExecuteTimeUnit(TimeUnit.MILLISECONDS);
    }

    /**
     * Lowers the calling thread's priority when it is one of the pool's threads; once per thread, before its first
     * delivery. A failure (not Linux, neither {@code chrt} nor {@code renice}) is logged once and leaves the priority.
     */
    static void lowerPriorityOfPoolThread() {
        Thread thread = Thread.currentThread();
        if (!LOWERED || !thread.getName().startsWith(POOL_NAME + "-")) {
            return;
        }
        String applied;
        try {
            applied = ThreadPriority.idleCurrentThread() == ThreadPriority.SCHED_IDLE ? "SCHED_IDLE" : null;
        } catch (IOException | RuntimeException idleFailed) {
            applied = null;
        }
        try {
            if (applied == null) {
                applied = "niceness " + ThreadPriority.lowerCurrentThread(FALLBACK_NICE);
            }
            if (REPORTED.compareAndSet(false, true)) {
                LOG.info("strategy pool threads run under {} so that ingestion wins the CPU when both want more than "
                        + "the machine has (-Dtickbus.strategyPriority=normal to keep normal priority)", applied);
            }
        } catch (IOException | RuntimeException e) {
            if (REPORTED.compareAndSet(false, true)) {
                LOG.warn("strategy pool threads keep normal priority, so a CPU-hungry strategy competes with "
                        + "ingestion: could not lower the priority of {}: {}", thread.getName(), e.toString());
            }
        }
    }
}
