package tickbus.feed.http;

/**
 * The transport's own account of a response, from its headers: which server log it comes from and the positions
 * {@code (cursor, next]} it covers. Read on the event loop, so the next poll can be sent without parsing the body.
 */
record ResponseRange(String log, long cursor, long next) {

    private static final int MAX_LOG_CHARS = 128;
    private static final int MAX_POSITION_DIGITS = 18;

    /** The range, or null when a header is missing or malformed (see {@link #problem}). */
    static ResponseRange read(HttpExchange.Response response) {
        String log = response.header(FixmlLongPoll.HEADER_LOG);
        long cursor = position(response.header(FixmlLongPoll.HEADER_CURSOR));
        long next = position(response.header(FixmlLongPoll.HEADER_NEXT));
        if (!validLog(log) || cursor < 0 || next < cursor) {
            return null;
        }
        return new ResponseRange(log, cursor, next);
    }

    /** Why {@link #read} returned null. */
    static String problem(HttpExchange.Response response) {
        return "bad transport headers: " + FixmlLongPoll.HEADER_LOG + "=" + quoted(response, FixmlLongPoll.HEADER_LOG)
                + ", " + FixmlLongPoll.HEADER_CURSOR + "=" + quoted(response, FixmlLongPoll.HEADER_CURSOR) + ", "
                + FixmlLongPoll.HEADER_NEXT + "=" + quoted(response, FixmlLongPoll.HEADER_NEXT)
                + "; expected a log id of 1 to " + MAX_LOG_CHARS + " visible ASCII chars and 0 <= cursor <= next";
    }

    boolean carriesPositions() {
        return next > cursor;
    }

    static boolean validLog(String log) {
        if (log == null || log.isEmpty() || log.length() > MAX_LOG_CHARS) {
            return false;
        }
        return log.chars().allMatch(c -> c > ' ' && c < 127);
    }

    /** A non-negative decimal position, or -1. */
    static long position(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_POSITION_DIGITS) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }

    private static String quoted(HttpExchange.Response response, String name) {
        String value = response.header(name);
        if (value == null) {
            return "absent";
        }
        return "\"" + (value.length() <= MAX_LOG_CHARS ? value : value.substring(0, MAX_LOG_CHARS) + "...") + "\"";
    }
}
