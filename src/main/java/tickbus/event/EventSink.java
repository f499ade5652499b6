package tickbus.event;

/** Where normalizers put the events they make. */
@FunctionalInterface
public interface EventSink {

    void accept(MarketEvent event);
}
