package tickbus.feed.http;

/**
 * FIXML over long-polled HTTP: the requests, parameters and headers shared by the feed and the simulator.
 * The document and its cursor rules are in {@code tickbus.protocol.fixml}; this class adds the transport.
 *
 * <pre>
 *  GET  {base}/updates?cursor=N&amp;instruments=A,B&amp;waitMillis=W
 *       200  Tickbus-Log: L   Tickbus-Cursor: N   Tickbus-Next: M     body: &lt;FIXML&gt;&lt;Batch cursor="N" next="M"&gt;
 *            updates at positions (N, M] for the instruments asked for; M = N and no messages is the heartbeat
 *            sent after W ms without updates
 *       410  Tickbus-Log: L   Tickbus-Oldest: O   Tickbus-Head: H     the log no longer (or never) held N
 *       429 / 503  Retry-After: seconds or HTTP-date
 *  POST {base}/snapshot?instruments=A,B
 *       200  Tickbus-Log: L   Tickbus-Cursor: C   Tickbus-Next: D     a MktDataFull per instrument appended to
 *            the log at positions (C, D]; polls deliver them in order with the updates
 * </pre>
 *
 * Without {@code instruments} a request concerns every instrument; with an empty value, none. The server's
 * log is identified by {@code Tickbus-Log}: positions are comparable only within one log.
 */
public final class FixmlLongPoll {

    public static final String PATH_UPDATES = "/updates";
    public static final String PATH_SNAPSHOT = "/snapshot";

    public static final String PARAM_CURSOR = "cursor";
    public static final String PARAM_INSTRUMENTS = "instruments";
    public static final String PARAM_WAIT_MILLIS = "waitMillis";

    /** Identity of the server's update log; changes when the server loses its log (restart without state). */
    public static final String HEADER_LOG = "Tickbus-Log";
    /** The cursor a response answers (the poll's own), or the position before appended snapshots. */
    public static final String HEADER_CURSOR = "Tickbus-Cursor";
    /** The cursor to poll from next: every position the response covers is in (cursor, next]. */
    public static final String HEADER_NEXT = "Tickbus-Next";
    /** 410: the oldest position the log still holds. */
    public static final String HEADER_OLDEST = "Tickbus-Oldest";
    /** 410: the newest position in the log. */
    public static final String HEADER_HEAD = "Tickbus-Head";
    public static final String HEADER_RETRY_AFTER = "Retry-After";

    public static final String CONTENT_TYPE_XML = "application/xml";

    /** Separates instruments in the {@code instruments} parameter. */
    public static final char INSTRUMENT_SEPARATOR = ',';

    private FixmlLongPoll() {
    }
}
