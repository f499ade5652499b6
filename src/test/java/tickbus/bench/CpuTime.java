package tickbus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Messages and the benchmark thread's CPU time, summed per iteration: {@code messages / cpuNanos} is the rate per
 * core even when other processes share the machine (wall-clock throughput then understates it).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long messages;
    public long cpuNanos;

    @Setup(Level.Iteration)
    public void reset() {
        messages = 0;
        cpuNanos = 0;
    }

    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void add(long messageCount, long startCpuNanos) {
        messages += messageCount;
        cpuNanos += now() - startCpuNanos;
    }
}
