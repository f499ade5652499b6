package tickbus.event;

/** The state of a feed's connection circuit breaker. */
public enum BreakerState {
    CLOSED,
    OPEN,
    HALF_OPEN
}
