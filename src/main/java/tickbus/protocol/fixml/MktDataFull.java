package tickbus.protocol.fixml;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded MarketDataSnapshotFullRefresh ({@code <MktDataFull>}): the whole state of one instrument.
 * A flyweight valid only inside the callback.
 */
public final class MktDataFull {

    final EntryList entries = new EntryList();
    long sequence;
    String symbol;
    String maturity;
    String businessDate;

    void clear() {
        entries.clear();
        sequence = Fixml.ABSENT;
        symbol = null;
        maturity = null;
        businessDate = null;
    }

    /** The snapshot's position in the server's update log. */
    public long sequence() {
        return sequence;
    }

    /** Instrmt/@Sym. */
    public String symbol() {
        return symbol;
    }

    /** Instrmt/@MMY, or null. */
    public String maturity() {
        return maturity;
    }

    /** BizDt as written (YYYY-MM-DD), or null. */
    public String businessDate() {
        return businessDate;
    }

    public int entryCount() {
        return entries.count();
    }

    public MdEntry entry(int index) {
        return entries.get(index);
    }

    /** An immutable copy. */
    public Snapshot toSnapshot() {
        List<SnapshotEntry> copies = new ArrayList<>(entries.count());
        for (int i = 0; i < entries.count(); i++) {
            copies.add(entries.get(i).toSnapshotEntry());
        }
        return new Snapshot(sequence, symbol, maturity, businessDate, copies);
    }
}
