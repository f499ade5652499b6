package tickbus.sim.fixml;

import java.util.Set;
import tickbus.protocol.fixml.IncrementalEntry;
import tickbus.protocol.fixml.Snapshot;

/**
 * One update of the simulated server's log: an {@code Inc} entry or a whole {@code MktDataFull}. Its instrument is
 * named in polls by its symbol or by symbol-maturity ({@code USDCAN-20200618}).
 */
record LogEntry(String symbol, String qualified, IncrementalEntry increment, Snapshot snapshot) {

    static LogEntry of(IncrementalEntry increment) {
        return new LogEntry(increment.symbol(), qualify(increment.symbol(), increment.maturity()), increment, null);
    }

    static LogEntry of(Snapshot snapshot) {
        return new LogEntry(snapshot.symbol(), qualify(snapshot.symbol(), snapshot.maturity()), null, snapshot);
    }

    /** {@code filter} null means every instrument. */
    boolean matches(Set<String> filter) {
        return filter == null || filter.contains(symbol) || qualified != null && filter.contains(qualified);
    }

    private static String qualify(String symbol, String maturity) {
        return maturity == null ? null : symbol + "-" + maturity;
    }
}
