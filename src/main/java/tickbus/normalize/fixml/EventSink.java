package tickbus.normalize.fixml;

import tickbus.event.MarketEvent;

/** Receives the events a normalizer produces, in order. */
@FunctionalInterface
public interface EventSink {

    /** Receive one immutable event. */
    void accept(MarketEvent event);
}
