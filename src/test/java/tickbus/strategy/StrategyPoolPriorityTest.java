package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The strategy pool's threads lower their own priority, as the kernel reports it; other threads keep theirs. */
class StrategyPoolPriorityTest {

    @BeforeEach
    void linuxOnly() {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "needs Linux /proc/thread-self");
    }

    @Test
    void aPoolThreadRunsUnderSchedIdleAfterItsFirstDelivery() throws Exception {
        int policy = onThread(StrategyPool.POOL_NAME + "-7", () -> {
            StrategyThreads.current();
            return ThreadPriority.policy();
        });
        assertEquals(ThreadPriority.SCHED_IDLE, policy);
    }

    @Test
    void otherThreadsKeepTheirPriority() throws Exception {
        int before = onThread("main-like", () -> ThreadPriority.policy() * 100 + ThreadPriority.current());
        int after = onThread("vert.x-eventloop-thread-0", () -> {
            StrategyThreads.current();
            return ThreadPriority.policy() * 100 + ThreadPriority.current();
        });
        assertEquals(before, after);
    }

    @Test
    void lowerCurrentThreadReportsWhatTheKernelSet() throws Exception {
        assertEquals(7, onThread("renice-probe", () -> ThreadPriority.lowerCurrentThread(7)));
        assertEquals(ThreadPriority.SCHED_IDLE, onThread("chrt-probe", ThreadPriority::idleCurrentThread));
    }

    /** Runs {@code task} on a fresh thread named {@code name}, so the test's own thread keeps its priority. */
    private static int onThread(String name, Callable<Integer> task) throws Exception {
        FutureTask<Integer> future = new FutureTask<>(task);
        Thread thread = new Thread(future, name);
        thread.start();
        return future.get(10, TimeUnit.SECONDS);
    }
}
