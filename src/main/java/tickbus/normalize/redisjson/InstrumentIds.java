package tickbus.normalize.redisjson;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code VENUE:SYMBOL} ids, built once per pair and reused. Bounded: past {@link #MAX_CACHED} pairs an id is
 * built per call, so a publisher inventing symbols cannot grow memory.
 */
final class InstrumentIds {

    static final int MAX_CACHED = 100_000;

    private final Map<String, Map<String, String>> byVenue = new HashMap<>();
    private String lastVenue;
    private Map<String, String> lastSymbols;
    private int cached;

    String of(String venue, String symbol) {
        Map<String, String> symbols = venue.equals(lastVenue) ? lastSymbols : byVenue.get(venue);
        if (symbols == null) {
            if (cached >= MAX_CACHED) {
                return venue + ":" + symbol;
            }
            symbols = new HashMap<>();
            byVenue.put(venue, symbols);
        }
        lastVenue = venue;
        lastSymbols = symbols;
        String id = symbols.get(symbol);
        if (id == null) {
            id = venue + ":" + symbol;
            if (cached < MAX_CACHED) {
                symbols.put(symbol, id);
                cached++;
            }
        }
        return id;
    }
}
