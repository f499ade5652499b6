package tickbus.strategy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import java.util.concurrent.TimeUnit;

/**
 * The worker pool that descriptor entries with {@code "worker": true} run on. A strategy there cannot stall an
 * event loop (ingestion, bridges, other event-loop verticles), and the blocked-thread checker reports one of its
 * threads after {@link #MAX_EXECUTE_MILLIS}, the event loops' own limit, instead of the default 60 s.
 */
public final class StrategyPool {

    public static final String POOL_NAME = "tickbus-strategies";
    public static final int POOL_SIZE = 8;
    public static final long MAX_EXECUTE_MILLIS = 2_000;

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
}
