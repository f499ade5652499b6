package tickbus.monitor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;

/**
 * The recent gaps of every feed, with their sequence ranges and how long recovery took, read from the feeds'
 * status transitions: {@code → RECOVERING (gap from=F, to=T)} opens one and
 * {@code → LIVE (gap from=F, to=T recovered in N ms)} closes it.
 */
final class GapTracker {

    static final int MAX_GAPS = 50;
    private static final Pattern GAP = Pattern.compile("gap from=(\\d+), to=(\\d+)");
    private static final Pattern RECOVERED = Pattern.compile("recovered in (\\d+) ms");

    private final Deque<Gap> gaps = new ArrayDeque<>();

    private static final class Gap {
        final String feed;
        final long from;
        final long to;
        final long openedMillis;
        long recoveryMillis = -1;

        Gap(String feed, long from, long to, long openedMillis) {
            this.feed = feed;
            this.from = from;
            this.to = to;
            this.openedMillis = openedMillis;
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject().put("feed", feed).put("from", from).put("to", to)
                    .put("messages", to - from + 1).put("openedMillis", openedMillis);
            return recoveryMillis < 0 ? json.put("recovered", false)
                    : json.put("recovered", true).put("recoveryMillis", recoveryMillis);
        }
    }

    synchronized void status(FeedStatus status) {
        Matcher gap = GAP.matcher(status.reason());
        if (!gap.find()) {
            return;
        }
        long from = Long.parseLong(gap.group(1));
        long to = Long.parseLong(gap.group(2));
        if (status.state() == FeedState.RECOVERING && find(status.source(), from, to) == null) {
            gaps.addFirst(new Gap(status.source(), from, to, status.receiveTimeNanos() / 1_000_000));
            while (gaps.size() > MAX_GAPS) {
                gaps.removeLast();
            }
            return;
        }
        Matcher recovered = RECOVERED.matcher(status.reason());
        Gap open = find(status.source(), from, to);
        if (open != null && recovered.find()) {
            open.recoveryMillis = Long.parseLong(recovered.group(1));
        }
    }

    /** Newest first. */
    synchronized JsonArray toJson() {
        JsonArray array = new JsonArray();
        gaps.forEach(gap -> array.add(gap.toJson()));
        return array;
    }

    private Gap find(String feed, long from, long to) {
        for (Gap gap : gaps) {
            if (gap.feed.equals(feed) && gap.from == from && gap.to == to) {
                return gap;
            }
        }
        return null;
    }
}
