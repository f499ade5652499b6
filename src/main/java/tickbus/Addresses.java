package tickbus;

import java.util.regex.Pattern;
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

    /** The longest instrument id a bridge client may name: venue, colon, symbol. */
    public static final int MAX_INSTRUMENT_ID_LENGTH = 64;
    /** {@code VENUE:SYMBOL}, the only instrument ids a bridge client may name (peek requests, registrations). */
    public static final Pattern INSTRUMENT_ID = Pattern.compile("[A-Z0-9]{1,16}:[A-Za-z0-9._/-]{1,47}");

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

    /** Whether {@code instrument} is a {@code VENUE:SYMBOL} id a bridge client may name ({@link #INSTRUMENT_ID}). */
    public static boolean isInstrumentId(String instrument) {
        return instrument != null && INSTRUMENT_ID.matcher(instrument).matches();
    }

    /** The instrument of a {@code tickbus.monitor.peek.<instrument>} address, unchecked; null for another address. */
    public static String peekedInstrumentOf(String address) {
        String prefix = MONITOR_PEEK + ".";
        return address.startsWith(prefix) ? address.substring(prefix.length()) : null;
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

    /** The instrument of an {@code md.*} address, unchecked (see {@link #isInstrumentId}); null for another address. */
    public static String instrumentOf(String address) {
        if (kindOf(address) == null) {
            return null;
        }
        String instrument = address.substring(address.indexOf('.', MARKET_DATA_PREFIX.length()) + 1);
        return instrument.isEmpty() ? null : instrument;
    }
}
