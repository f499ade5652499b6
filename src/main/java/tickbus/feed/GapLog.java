package tickbus.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent gaps of one feed, newest first, bounded. Thread-safe. */
final class GapLog {

    static final int CAPACITY = 50;

    private final String feed;
    private final Deque<GapRecord> gaps = new ArrayDeque<>();

    GapLog(String feed) {
        this.feed = feed;
    }

    synchronized void opened(String stream, long from, long to, long nowMillis) {
        add(new GapRecord(feed, stream, from, to, nowMillis, -1, false));
    }

    synchronized void lost(String stream, long from, long to, long nowMillis) {
        add(new GapRecord(feed, stream, from, to, nowMillis, -1, true));
    }

    synchronized void healed(String stream, long from, long to, long durationMillis) {
        for (GapRecord gap : gaps) {
            if (gap.stream().equals(stream) && gap.from() == from && gap.to() == to && !gap.recovered()) {
                gaps.remove(gap);
                gaps.addFirst(gap.healed(durationMillis));
                return;
            }
        }
    }

    synchronized List<GapRecord> recent() {
        return List.copyOf(gaps);
    }

    private void add(GapRecord gap) {
        gaps.addFirst(gap);
        while (gaps.size() > CAPACITY) {
            gaps.removeLast();
        }
    }
}
