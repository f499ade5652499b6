package tickbus.protocol.fixml;

import java.util.ArrayList;
import java.util.List;

/** A decoded MarketDataIncrementalRefresh ({@code <MktDataInc>}); a flyweight valid only inside the callback. */
public final class MktDataInc {

    final EntryList entries = new EntryList();

    void clear() {
        entries.clear();
    }

    /** Position of the first entry in the server's update log; the entries follow one by one. */
    public long firstSequence() {
        return entries.get(0).sequence;
    }

    public int entryCount() {
        return entries.count();
    }

    public MdEntry entry(int index) {
        return entries.get(index);
    }

    /** Immutable copies of all entries. */
    public List<IncrementalEntry> toEntries() {
        List<IncrementalEntry> copies = new ArrayList<>(entries.count());
        for (int i = 0; i < entries.count(); i++) {
            copies.add(entries.get(i).toIncrementalEntry());
        }
        return copies;
    }
}
