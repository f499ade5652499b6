package tickbus.strategy;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strategies of one node: their metrics by name, and the blocked-thread handler that names the strategy whose
 * handler was running on a blocked thread (it replaces Vert.x's default handler and logs the same warning).
 */
public final class Strategies {

    private static final Logger LOG = LoggerFactory.getLogger(Strategies.class);
    private static final Map<Vertx, Strategies> NODES = new ConcurrentHashMap<>();

    private final Map<String, StrategyMetrics> metrics = new ConcurrentHashMap<>();
    private final AtomicLong blockedReports = new AtomicLong();
    private final MeterRegistry registry;

    private Strategies(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The strategies of {@code vertx}, created (and the blocked-thread handler installed) on first use. */
    public static Strategies of(Vertx vertx) {
        return NODES.computeIfAbsent(vertx, Strategies::install);
    }

    private static Strategies install(Vertx vertx) {
        Strategies strategies = new Strategies(BackendRegistries.getDefaultNow());
        VertxInternal internal = (VertxInternal) vertx;
        internal.blockedThreadChecker().setThreadBlockedHandler(strategies::threadBlocked);
        internal.addCloseHook(completion -> {
            NODES.remove(vertx);
            completion.succeed();
        });
        return strategies;
    }

    /** The metrics of the strategy called {@code name}; one object per name on this node. */
    public StrategyMetrics metrics(String name) {
        return metrics.computeIfAbsent(name, key -> new StrategyMetrics(key, registry));
    }

    public Collection<StrategyMetrics> all() {
        return List.copyOf(metrics.values());
    }

    /** Every blocked-thread report on this node, whoever was running. */
    public long blockedReports() {
        return blockedReports.get();
    }

    private void threadBlocked(BlockedThreadEvent event) {
        blockedReports.incrementAndGet();
        Thread thread = event.thread();
        long blockedMillis = TimeUnit.NANOSECONDS.toMillis(event.duration());
        long limitMillis = TimeUnit.NANOSECONDS.toMillis(event.maxExecTime());
        StrategyMetrics strategy = StrategyThreads.running(thread);
        VertxException stackTrace = null;
        if (event.duration() > event.warningExceptionTime()) {
            stackTrace = new VertxException("Thread blocked");
            stackTrace.setStackTrace(thread.getStackTrace());
        }
        if (strategy == null) {
            LOG.warn("Thread {} has been blocked for {} ms, time limit is {} ms", thread, blockedMillis, limitMillis,
                    stackTrace);
            return;
        }
        strategy.blocked();
        LOG.warn("strategy is blocking its thread: strategy={}, thread={}, blockedMillis={}, limitMillis={}, "
                + "reports={}", strategy.name(), thread.getName(), blockedMillis, limitMillis, strategy.blockedReports(),
                stackTrace);
    }
}
