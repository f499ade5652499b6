package tickbus.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per second of process CPU time (benchmark, JIT and GC threads together), which stays meaningful
 * on a machine shared with other work where wall-clock throughput does not. Use with {@code -f 1 -t 1}:
 * {@code -prof tickbus.bench.ProcessCpuTimeProfiler}.
 */
public class ProcessCpuTimeProfiler implements InternalProfiler {

    private static final double NANOS_PER_SECOND = 1e9;

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startCpuNanos;

    @Override
    public String getDescription() {
        return "operations per second of process CPU time";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpuNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - startCpuNanos;
        long operations = result.getMetadata().getMeasuredOps();
        double perCpuSecond = cpuNanos == 0 ? 0 : operations * NANOS_PER_SECOND / cpuNanos;
        return List.of(new ScalarResult("ops-per-cpu-second", perCpuSecond, "ops/cpu-s", AggregationPolicy.AVG));
    }
}
