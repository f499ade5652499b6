package tickbus.feed.soupbintcp;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLongArray;
import tickbus.protocol.soupbintcp.SoupBinTcpCounter;
import tickbus.protocol.soupbintcp.SoupBinTcpCounters;

/** The SoupBinTCP counters of a feed's connections, added up as each connection ends. Thread-safe reads. */
public final class SessionTotals {

    private static final SoupBinTcpCounter[] COUNTERS = SoupBinTcpCounter.values();

    private final AtomicLongArray values = new AtomicLongArray(COUNTERS.length);

    public long get(SoupBinTcpCounter counter) {
        return values.get(counter.ordinal());
    }

    void add(SoupBinTcpCounters connection) {
        for (SoupBinTcpCounter counter : COUNTERS) {
            values.addAndGet(counter.ordinal(), connection.get(counter));
        }
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "SessionTotals{", "}");
        for (SoupBinTcpCounter counter : COUNTERS) {
            long value = values.get(counter.ordinal());
            if (value != 0) {
                text.add(counter.name().toLowerCase(Locale.ROOT) + "=" + value);
            }
        }
        return text.toString();
    }
}
