package tickbus.normalize.itch;

import tickbus.event.MarketEvent;

/** Where a normalizer puts the events it creates, in order, on the normalizer's thread. */
@FunctionalInterface
public interface EventSink {

    /** Take one event. */
    void accept(MarketEvent event);
}
