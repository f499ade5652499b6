package tickbus.strategy;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;

/**
 * Receives one subscription's events: drops duplicates by (kind, source, sequence), conflates when asked, and
 * isolates the handler (an exception is logged and counted, the subscription keeps receiving).
 */
final class SubscriptionReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionReceiver.class);

    private final Context context;
    private final MarketData.Delivery delivery;
    private final Handler<MarketEvent> handler;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final MarketEvent[] latest = new MarketEvent[EventKind.values().length];
    private boolean drainScheduled;
    private long duplicates;
    private long conflated;
    private long handlerFailures;

    SubscriptionReceiver(Context context, MarketData.Delivery delivery, Handler<MarketEvent> handler) {
        this.context = context;
        this.delivery = delivery;
        this.handler = handler;
    }

    void receive(MarketEvent event) {
        if (event instanceof InstrumentStatus status) {
            if (status.state() == InstrumentState.RESET) {
                lastSequence.clear();
            }
            deliver(event);
            return;
        }
        String key = event.kind().ordinal() + "|" + event.source();
        Long last = lastSequence.get(key);
        if (last != null && event.sequence() <= last) {
            duplicates++;
            return;
        }
        lastSequence.put(key, event.sequence());
        if (delivery == MarketData.Delivery.EVERY) {
            deliver(event);
            return;
        }
        int slot = event.kind().ordinal();
        if (latest[slot] != null) {
            conflated++;
        }
        latest[slot] = event;
        if (!drainScheduled) {
            drainScheduled = true;
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        drainScheduled = false;
        for (int slot = 0; slot < latest.length; slot++) {
            MarketEvent event = latest[slot];
            if (event != null) {
                latest[slot] = null;
                deliver(event);
            }
        }
    }

    private void deliver(MarketEvent event) {
        try {
            handler.handle(event);
        } catch (RuntimeException e) {
            handlerFailures++;
            LOG.error("strategy handler failed (the subscription keeps receiving): instrument={}, kind={}, failures={}",
                    event.instrument(), event.kind(), handlerFailures, e);
        }
    }

    long duplicatesDropped() {
        return duplicates;
    }

    long conflated() {
        return conflated;
    }
}
