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
 * isolates the handler: an exception is logged with the strategy's name (at most once a second), counted, and the
 * subscription keeps receiving.
 */
final class SubscriptionReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionReceiver.class);

    private final Context context;
    private final MarketData.Delivery delivery;
    private final Handler<MarketEvent> handler;
    private final StrategyMetrics strategy;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final MarketEvent[] latest = new MarketEvent[EventKind.values().length];
    private boolean drainScheduled;
    private long duplicates;
    private long conflated;

    SubscriptionReceiver(Context context, MarketData.Delivery delivery, Handler<MarketEvent> handler,
            StrategyMetrics strategy) {
        this.context = context;
        this.delivery = delivery;
        this.handler = handler;
        this.strategy = strategy;
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
        StrategyThreads.Slot slot = StrategyThreads.current();
        StrategyMetrics previous = slot.enter(strategy);
        try {
            handler.handle(event);
            strategy.eventDelivered();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            long unreported = strategy.handlerFailed(System.nanoTime());
            if (unreported > 0) {
                LOG.error("strategy handler failed, the subscription keeps receiving: strategy={}, instrument={}, "
                        + "kind={}, seq={}, failures={}, sinceLastReport={}", strategy.name(), event.instrument(),
                        event.kind(), event.sequence(), strategy.handlerFailures(), unreported, e);
            }
        } finally {
            slot.exit(previous);
        }
    }

    long duplicatesDropped() {
        return duplicates;
    }

    long conflated() {
        return conflated;
    }
}
