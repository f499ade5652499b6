package tickbus.sim.fixml;

import java.util.Arrays;
import java.util.List;
import tickbus.protocol.fixml.IncrementalEntry;
import tickbus.protocol.fixml.Snapshot;
import tickbus.protocol.fixml.FixmlWriter;

/**
 * Writes a poll's answer: one {@code Batch} whose consecutive {@code Inc} updates share a {@code MktDataInc}
 * (its {@code ApplSeqNum} the first one's position) and whose snapshots are {@code MktDataFull}s at their
 * positions. Not thread-safe.
 */
final class BatchRenderer {

    /** Keeps each message well inside the decoders' entry limit. */
    private static final int MAX_ENTRIES_PER_MESSAGE = 1_000;

    private final FixmlWriter writer;

    BatchRenderer(int priceScale) {
        this.writer = new FixmlWriter(priceScale);
    }

    byte[] render(UpdateLog.Selection selection) {
        writer.startBatch(selection.cursor(), selection.next());
        long[] positions = selection.positions();
        LogEntry[] entries = selection.entries();
        int index = 0;
        while (index < selection.count()) {
            Snapshot snapshot = entries[index].snapshot();
            if (snapshot != null) {
                writer.mktDataFull(new Snapshot(positions[index], snapshot.symbol(), snapshot.maturity(),
                        snapshot.businessDate(), snapshot.entries()));
                index++;
                continue;
            }
            int end = index + 1;
            while (end < selection.count() && end - index < MAX_ENTRIES_PER_MESSAGE && entries[end].increment() != null
                    && positions[end] == positions[end - 1] + 1) {
                end++;
            }
            writer.mktDataInc(positions[index], increments(entries, index, end));
            index = end;
        }
        return writer.finish();
    }

    private static List<IncrementalEntry> increments(LogEntry[] entries, int from, int to) {
        return Arrays.stream(entries, from, to).map(LogEntry::increment).toList();
    }
}
