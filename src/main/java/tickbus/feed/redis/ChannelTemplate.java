package tickbus.feed.redis;

import tickbus.protocol.redisjson.PayloadFormat;

/**
 * A per-instrument channel (pub/sub) or stream key, e.g. {@code md:{symbol}:trades} or
 * {@code trades-{venue}-{symbol}}, and the payload shape published on it.
 */
public record ChannelTemplate(String template, PayloadFormat payload) {

    static final String SYMBOL = "{symbol}";
    static final String VENUE = "{venue}";

    /** Why {@code template} is not a usable template, or null when it is. */
    static String problem(String template) {
        if (!template.contains(SYMBOL)) {
            return "value=\"" + template + "\"; expected a template containing {symbol}, e.g. md:{symbol}:trades";
        }
        String rest = template.replace(SYMBOL, "").replace(VENUE, "");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            return "value=\"" + template + "\"; expected only the placeholders {symbol} and {venue}";
        }
        return null;
    }

    /** The channel or key for {@code instrument} ({@code VENUE:SYMBOL}). */
    public String channelOf(String instrument) {
        int colon = instrument.indexOf(':');
        String venue = instrument.substring(0, Math.max(colon, 0));
        String symbol = instrument.substring(colon + 1);
        return template.replace(VENUE, venue).replace(SYMBOL, symbol);
    }
}
