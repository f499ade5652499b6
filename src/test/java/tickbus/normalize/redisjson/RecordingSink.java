package tickbus.normalize.redisjson;

import java.util.ArrayList;
import java.util.List;
import tickbus.event.EventSink;
import tickbus.event.MarketEvent;

/** Keeps every event it is given, in order. */
final class RecordingSink implements EventSink {

    final List<MarketEvent> events = new ArrayList<>();

    @Override
    public void accept(MarketEvent event) {
        events.add(event);
    }

    MarketEvent last() {
        return events.get(events.size() - 1);
    }
}
