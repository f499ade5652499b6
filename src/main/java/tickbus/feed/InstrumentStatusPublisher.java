package tickbus.feed;

import io.vertx.core.eventbus.EventBus;
import java.time.InstantSource;
import java.util.Set;
import tickbus.Addresses;
import tickbus.demand.DemandRegistry;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;

/** Publishes the engine's own data-health statuses (STALE, GAP, RECOVERED, ...) to instruments with demand. */
final class InstrumentStatusPublisher {

    private final FeedSettings settings;
    private final EventBus eventBus;
    private final DemandRegistry demand;
    private final InstantSource clock;

    InstrumentStatusPublisher(FeedSettings settings, EventBus eventBus, DemandRegistry demand, InstantSource clock) {
        this.settings = settings;
        this.eventBus = eventBus;
        this.demand = demand;
        this.clock = clock;
    }

    void publishToWanted(Set<String> instruments, InstrumentState state, long gapFrom, long gapTo, String reason,
            long sequence) {
        for (String instrument : instruments) {
            publish(instrument, state, gapFrom, gapTo, reason, sequence);
        }
    }

    void publish(String instrument, InstrumentState state, long gapFrom, long gapTo, String reason, long sequence) {
        if (!demand.isDemanded(instrument, EventKind.STATUS)) {
            return;
        }
        long now = FeedClock.nanos(clock);
        eventBus.publish(Addresses.marketData(EventKind.STATUS, instrument), new InstrumentStatus(instrument,
                settings.venue(), settings.source(), sequence, now, now, state, gapFrom, gapTo, reason));
    }
}
