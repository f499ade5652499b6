package tickbus.feed.http;

/**
 * The server answered a snapshot request with a status other than 200. With 429 or 503 it asks to be left alone
 * for a while: {@link #retryAfterMillis()} is its {@code Retry-After}, or {@link RetryAfter#NONE} when absent or
 * unreadable (and for every other status).
 */
final class SnapshotRefused extends RuntimeException {

    private final int status;
    private final long retryAfterMillis;

    SnapshotRefused(int status, long retryAfterMillis) {
        super("snapshot answered status=" + status + (asksToWait(status) ? ", retryAfterMillis="
                + (retryAfterMillis == RetryAfter.NONE ? "none (Retry-After absent or unreadable)" : retryAfterMillis)
                : ""), null, false, false);
        this.status = status;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** Whether {@code status} is one that may carry {@code Retry-After}: 429 Too Many Requests, 503. */
    static boolean asksToWait(int status) {
        return status == 429 || status == 503;
    }

    int status() {
        return status;
    }

    long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** The failure's counter label, as for polls: {@code status-NNN}. */
    String kind() {
        return "status-" + status;
    }
}
