package tickbus.strategy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which strategy's handler each thread is running, so a blocked-thread report can name the strategy. Two volatile
 * writes per delivered event; read only by the blocked-thread checker.
 */
final class StrategyThreads {

    private static final Map<Thread, Slot> SLOTS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Slot> CURRENT = ThreadLocal.withInitial(() -> {
        Slot slot = new Slot();
        SLOTS.put(Thread.currentThread(), slot);
        StrategyPool.lowerPriorityOfPoolThread();
        return slot;
    });

    private StrategyThreads() {
    }

    /** This thread's slot; set it while a strategy handler runs. */
    static Slot current() {
        return CURRENT.get();
    }

    /** The strategy whose handler {@code thread} is running, or null. */
    static StrategyMetrics running(Thread thread) {
        Slot slot = SLOTS.get(thread);
        return slot == null ? null : slot.strategy;
    }

    /** One thread's running strategy. */
    static final class Slot {

        private volatile StrategyMetrics strategy;

        StrategyMetrics enter(StrategyMetrics entering) {
            StrategyMetrics previous = strategy;
            strategy = entering;
            return previous;
        }

        void exit(StrategyMetrics previous) {
            strategy = previous;
        }
    }
}
