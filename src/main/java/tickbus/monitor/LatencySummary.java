package tickbus.monitor;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** Pipeline latency (receipt → bus) over one interval: count and percentiles in nanoseconds. */
record LatencySummary(long count, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos) {

    static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    static LatencySummary of(Histogram interval) {
        if (interval.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(interval.getTotalCount(), interval.getValueAtPercentile(50),
                interval.getValueAtPercentile(99), interval.getValueAtPercentile(99.9), interval.getMaxValue());
    }

    JsonObject toJson() {
        return new JsonObject().put("count", count).put("p50Micros", micros(p50Nanos))
                .put("p99Micros", micros(p99Nanos)).put("p999Micros", micros(p999Nanos))
                .put("maxMicros", micros(maxNanos));
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}
