package tickbus.protocol.soupbintcp;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The counters of one SoupBinTCP endpoint. Written only by the thread that owns the endpoint; other threads
 * may read slightly stale values.
 */
public final class SoupBinTcpCounters {

    private static final SoupBinTcpCounter[] COUNTERS = SoupBinTcpCounter.values();

    private final long[] values = new long[COUNTERS.length];

    public long get(SoupBinTcpCounter counter) {
        return values[counter.ordinal()];
    }

    void increment(SoupBinTcpCounter counter) {
        values[counter.ordinal()]++;
    }

    void add(SoupBinTcpCounter counter, long delta) {
        values[counter.ordinal()] += delta;
    }

    /** Counts an error and returns it, for {@code throw counters.count(error)}. */
    SoupBinTcpException count(SoupBinTcpException error) {
        increment(SoupBinTcpCounter.of(error.reason()));
        return error;
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "SoupBinTcpCounters{", "}");
        for (SoupBinTcpCounter counter : COUNTERS) {
            if (values[counter.ordinal()] != 0) {
                text.add(counter.name().toLowerCase(Locale.ROOT) + "=" + values[counter.ordinal()]);
            }
        }
        return text.toString();
    }
}
