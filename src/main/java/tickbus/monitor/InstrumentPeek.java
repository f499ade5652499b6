package tickbus.monitor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;

/** One instrument's view for the dashboard: top of book, the last trades, the status; and whether it changed. */
final class InstrumentPeek {

    private final String instrument;
    private final int maxTrades;
    private final Deque<JsonObject> trades = new ArrayDeque<>();
    private JsonObject quote;
    private JsonObject status;
    private long updates;
    private boolean changed;

    InstrumentPeek(String instrument, int maxTrades) {
        this.instrument = instrument;
        this.maxTrades = maxTrades;
    }

    void accept(MarketEvent event) {
        if (event instanceof Quote q) {
            quote = q.toJson();
        } else if (event instanceof Trade t) {
            trades.addFirst(t.toJson());
            while (trades.size() > maxTrades) {
                trades.removeLast();
            }
        } else if (event instanceof InstrumentStatus s) {
            status = s.toJson();
        } else {
            return;
        }
        updates++;
        changed = true;
    }

    /** Whether something arrived since the last call. */
    boolean takeChanged() {
        boolean result = changed;
        changed = false;
        return result;
    }

    JsonObject toJson() {
        return new JsonObject().put("instrument", instrument).put("updates", updates).put("quote", quote)
                .put("trades", new JsonArray(new java.util.ArrayList<>(trades))).put("status", status);
    }
}
