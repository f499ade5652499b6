package tickbus.feed;

/** The state of one upstream subscription key. */
public enum SubscriptionState {
    /** Wanted, not yet confirmed by the venue (or waiting for a connection or a retry). */
    PENDING,
    /** Confirmed by the venue. */
    ACTIVE,
    /** Gave up after the retries (or a permanent error); renewed demand tries again. */
    FAILED,
    /** Not wanted, and not subscribed upstream. */
    UNSUBSCRIBED
}
