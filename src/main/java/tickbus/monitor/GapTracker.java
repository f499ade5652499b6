package tickbus.monitor;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import tickbus.feed.FeedMetrics;
import tickbus.feed.GapRecord;

/** The recent gaps of every feed on this node, newest first, from each feed's structured gap log. */
final class GapTracker {

    static final int MAX_GAPS = 50;

    private final Collection<FeedMetrics> feeds;

    GapTracker(Collection<FeedMetrics> feeds) {
        this.feeds = feeds;
    }

    /** Newest first, at most {@link #MAX_GAPS}. */
    JsonArray toJson() {
        List<GapRecord> gaps = new ArrayList<>();
        feeds.forEach(feed -> gaps.addAll(feed.recentGaps()));
        gaps.sort(Comparator.comparingLong(GapRecord::openedMillis).reversed());
        JsonArray array = new JsonArray();
        gaps.stream().limit(MAX_GAPS).forEach(gap -> array.add(gap.toJson()));
        return array;
    }
}
