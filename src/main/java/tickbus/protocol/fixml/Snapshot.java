package tickbus.protocol.fixml;

import java.util.List;
import java.util.Objects;

/**
 * An immutable {@code MktDataFull}: the whole state of one instrument. {@code sequence} is written as
 * ApplSeqNum ({@link Fixml#ABSENT} to omit it); {@code maturity} and {@code businessDate} may be null.
 */
public record Snapshot(long sequence, String symbol, String maturity, String businessDate,
        List<SnapshotEntry> entries) {

    public Snapshot {
        Objects.requireNonNull(symbol, "symbol");
        entries = List.copyOf(entries);
    }
}
