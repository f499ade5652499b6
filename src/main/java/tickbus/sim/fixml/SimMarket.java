package tickbus.sim.fixml;

import java.util.List;
import java.util.Set;

/** Where the simulated server's snapshots come from: the current state of its instruments. */
interface SimMarket {

    /** A {@code MktDataFull} of every instrument that matches {@code filter} (null: all), in a stable order. */
    List<LogEntry> snapshots(Set<String> filter);
}
