package tickbus.feed;

/** A subscribe or unsubscribe failed; transient failures are retried, permanent ones are not. */
public class SubscriptionException extends RuntimeException {

    private final boolean permanent;

    public SubscriptionException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
