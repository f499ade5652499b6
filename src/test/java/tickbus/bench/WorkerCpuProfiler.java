package tickbus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per microsecond of CPU time spent by the benchmark's worker threads
 * ({@code -prof tickbus.bench.WorkerCpuProfiler}). On a shared machine the wall-clock score falls when other
 * processes take the cores; this figure is what one core does while it runs the benchmark.
 */
public class WorkerCpuProfiler implements InternalProfiler {

    private static final String WORKER_NAME_PART = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> cpuNanosBefore = Map.of();

    @Override
    public String getDescription() {
        return "ops per microsecond of the worker threads' CPU time";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuNanosBefore = workerCpuNanos();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long spentNanos = 0;
        for (Map.Entry<Long, Long> worker : workerCpuNanos().entrySet()) {
            spentNanos += worker.getValue() - cpuNanosBefore.getOrDefault(worker.getKey(), 0L);
        }
        double opsPerCpuMicro = spentNanos == 0 ? 0 : result.getMetadata().getMeasuredOps() * 1_000.0 / spentNanos;
        return List.of(new ScalarResult("cpu.ops", opsPerCpuMicro, "ops/cpu-us", AggregationPolicy.AVG));
    }

    private Map<Long, Long> workerCpuNanos() {
        Map<Long, Long> cpuNanos = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains(WORKER_NAME_PART)) {
                cpuNanos.put(thread.getId(), threads.getThreadCpuTime(thread.getId()));
            }
        }
        return cpuNanos;
    }
}
