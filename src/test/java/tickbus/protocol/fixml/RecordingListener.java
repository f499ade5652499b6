package tickbus.protocol.fixml;

import java.util.ArrayList;
import java.util.List;

/** Keeps immutable copies of every message it receives, in order. */
final class RecordingListener implements FixmlListener {

    final List<Object> messages = new ArrayList<>();
    final List<IncrementalEntry> incEntries = new ArrayList<>();
    final List<Long> incSequences = new ArrayList<>();
    final List<Snapshot> snapshots = new ArrayList<>();

    @Override
    public void mktDataInc(MktDataInc message) {
        List<IncrementalEntry> entries = message.toEntries();
        messages.add(entries);
        incEntries.addAll(entries);
        for (int i = 0; i < message.entryCount(); i++) {
            incSequences.add(message.entry(i).sequence());
        }
    }

    @Override
    public void mktDataFull(MktDataFull message) {
        Snapshot snapshot = message.toSnapshot();
        messages.add(snapshot);
        snapshots.add(snapshot);
    }
}
