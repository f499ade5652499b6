package tickbus.monitor;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;
import tickbus.Addresses;

/**
 * A browser's request on {@code tickbus.monitor.peek}: {@code {"op":"peek","instrument":"XSIM:AAPL"}} for an
 * instrument's current view, or {@code {"op":"search","prefix":"XSIM:A"}} for known instruments. Anything else is
 * refused before it reaches the bus.
 */
record PeekRequest(Op op, String argument) {

    /** What the browser asks for. */
    enum Op {
        PEEK,
        SEARCH
    }

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9:._/-]{0,64}");
    private static final Set<String> PEEK_KEYS = Set.of("op", "instrument");
    private static final Set<String> SEARCH_KEYS = Set.of("op", "prefix");

    /** Parses and validates; the exception message names the field, the value and what was expected. */
    static PeekRequest parse(Object body) {
        if (!(body instanceof JsonObject json)) {
            throw new IllegalArgumentException("peek request body must be a JSON object: body=" + describe(body));
        }
        Object op = json.getValue("op");
        if ("peek".equals(op)) {
            requireOnly(json, PEEK_KEYS);
            return new PeekRequest(Op.PEEK, instrument(json.getValue("instrument")));
        }
        if ("search".equals(op)) {
            requireOnly(json, SEARCH_KEYS);
            Object prefix = json.getValue("prefix");
            if (!(prefix instanceof String text) || !PREFIX.matcher(text).matches()) {
                throw new IllegalArgumentException("invalid search prefix: prefix=" + describe(prefix)
                        + ", expected=0 to 64 of [A-Za-z0-9:._/-]");
            }
            return new PeekRequest(Op.SEARCH, text.toUpperCase(java.util.Locale.ROOT));
        }
        throw new IllegalArgumentException("unknown peek op: op=" + describe(op) + ", expected=peek|search");
    }

    /** Validates an instrument id ({@code VENUE:SYMBOL}). */
    static String instrument(Object value) {
        if (!(value instanceof String text) || !Addresses.isInstrumentId(text)) {
            throw new IllegalArgumentException("invalid instrument: instrument=" + describe(value)
                    + ", expected=VENUE:SYMBOL of at most " + Addresses.MAX_INSTRUMENT_ID_LENGTH + " characters");
        }
        return text;
    }

    private static void requireOnly(JsonObject json, Set<String> keys) {
        for (String key : json.fieldNames()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("unexpected field in peek request: field=" + describe(key)
                        + ", expected=" + keys);
            }
        }
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
