package tickbus.feed.http;

/**
 * A request sent at most once at a time: asked for while one is in flight, it is sent once more when that one
 * is answered, however often it was asked for meanwhile. Used on one event loop.
 */
final class CoalescedRequest {

    private boolean inFlight;
    private boolean askedAgain;

    /** Whether to send the request now; false when one is in flight (it will be sent again after). */
    boolean start() {
        if (inFlight) {
            askedAgain = true;
            return false;
        }
        inFlight = true;
        return true;
    }

    /** The request in flight was answered; returns whether it was asked for meanwhile and must be sent again. */
    boolean finished() {
        inFlight = false;
        boolean again = askedAgain;
        askedAgain = false;
        return again;
    }
}
