package tickbus.event;

/** Where normalizers put the events they make. */
@FunctionalInterface
public interface EventSink {

    void accept(MarketEvent event);

    /**
     * Whether an event of {@code kind} for {@code instrument} would go anywhere, so a normalizer can skip building
     * one nobody wants. A sink may still drop what it accepts.
     */
    default boolean wants(String instrument, EventKind kind) {
        return true;
    }
}
