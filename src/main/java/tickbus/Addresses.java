package tickbus;

import tickbus.event.EventKind;

/** The only place event-bus addresses are built. */
public final class Addresses {

    public static final String MARKET_DATA_PREFIX = "md.";
    public static final String CONTROL_PREFIX = "tickbus.";
    public static final String DEMAND = "tickbus.demand";
    public static final String DEMAND_CHANGES = "tickbus.demand.changes";
    public static final String MONITOR_STATS = "tickbus.monitor.stats";
    public static final String MONITOR_PEEK = "tickbus.monitor.peek";
    public static final String FEED_STATUS_ALL = "tickbus.feed.status";
    /** Subscribers ask here for the current state of an instrument: {@code {"instrument", "replyAddress"}}. */
    public static final String SNAPSHOT_REQUESTS = "tickbus.snapshot.requests";
    /** Where a feed sends a snapshot: one address per subscription, followed by a UUID. */
    public static final String SNAPSHOT_REPLY_PREFIX = "tickbus.snapshot.reply.";
    /** What Vert.x names the reply address of a request: a sequence number locally, a UUID when clustered. */
    public static final String VERTX_REPLY_PREFIX = "__vertx.reply.";

    private Addresses() {
    }

    /** {@code md.<kind>.<instrument>}, e.g. {@code md.quote.XNAS:AAPL}. */
    public static String marketData(EventKind kind, String instrument) {
        return MARKET_DATA_PREFIX + kind.addressSegment() + "." + instrument;
    }

    /** {@code tickbus.feed.<source>.status}. */
    public static String feedStatus(String source) {
        return CONTROL_PREFIX + "feed." + source + ".status";
    }

    /** {@code tickbus.strategy.<name>}: where a strategy publishes what it computes. */
    public static String strategyOutput(String strategyName) {
        return CONTROL_PREFIX + "strategy." + strategyName;
    }

    /** {@code tickbus.snapshot.reply.<uuid>}: a fresh address for one subscription's snapshot. */
    public static String snapshotReply(java.util.UUID id) {
        return SNAPSHOT_REPLY_PREFIX + id;
    }

    /** {@code tickbus.monitor.peek.<instrument>}: the conflated per-instrument view for dashboards. */
    public static String monitorPeek(String instrument) {
        return MONITOR_PEEK + "." + instrument;
    }

    /** The market-data kind of an {@code md.*} address, or null when the address is not one. */
    public static EventKind kindOf(String address) {
        if (!address.startsWith(MARKET_DATA_PREFIX)) {
            return null;
        }
        int dot = address.indexOf('.', MARKET_DATA_PREFIX.length());
        if (dot < 0) {
            return null;
        }
        return EventKind.fromSegment(address.substring(MARKET_DATA_PREFIX.length(), dot));
    }

    /** The instrument of an {@code md.*} address, or null when the address is not one. */
    public static String instrumentOf(String address) {
        if (kindOf(address) == null) {
            return null;
        }
        String instrument = address.substring(address.indexOf('.', MARKET_DATA_PREFIX.length()) + 1);
        return instrument.isEmpty() ? null : instrument;
    }
}
