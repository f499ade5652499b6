package tickbus.protocol.fixml;

import java.util.Arrays;

/** The reused, growable array of entries behind a message flyweight, bounded by the entry limit. */
final class EntryList {

    private static final int INITIAL_CAPACITY = 16;

    private MdEntry[] entries = new MdEntry[0];
    private int count;

    void clear() {
        count = 0;
    }

    int count() {
        return count;
    }

    MdEntry get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("entry index out of range: index=" + index + ", count=" + count);
        }
        return entries[index];
    }

    /** A reset entry appended at the end. */
    MdEntry add() {
        if (count == entries.length) {
            int capacity = Math.max(INITIAL_CAPACITY, entries.length * 2);
            entries = Arrays.copyOf(entries, capacity);
            for (int i = count; i < capacity; i++) {
                entries[i] = new MdEntry();
            }
        }
        MdEntry entry = entries[count++];
        entry.reset();
        return entry;
    }
}
