package tickbus.sim.fixml;

/**
 * A fault the simulated server commits on one poll. Status faults answer at once; body faults take the answer
 * the poll would have got and damage it.
 *
 * @param retryAfter the {@code Retry-After} value of a 429 or 503 (seconds or an HTTP-date), or null
 * @param body what {@link Kind#REPLACE_BODY} serves instead of the real document
 * @param contentType its {@code Content-Type}, or null to send none
 * @param chunkBytes, intervalMillis how {@link Kind#NEVER_ENDING_BODY} trickles
 */
public record SimFault(Kind kind, String retryAfter, byte[] body, String contentType, int chunkBytes,
        long intervalMillis) {

    /** What goes wrong. */
    public enum Kind {
        /** 500 Internal Server Error. */
        SERVER_ERROR,
        /** 429 Too Many Requests with {@code Retry-After}. */
        TOO_MANY_REQUESTS,
        /** 503 Service Unavailable with {@code Retry-After}. */
        SERVICE_UNAVAILABLE,
        /** Headers and half the body, then silence with the connection left open. */
        STALL_MID_BODY,
        /** Headers and half the body, then a TCP reset. */
        CONNECTION_RESET,
        /** Headers and a body that never ends. */
        NEVER_ENDING_BODY,
        /** The poll's range with these bytes as its document (hostile XML, say); waits for a non-empty range. */
        REPLACE_BODY
    }

    public static SimFault serverError() {
        return new SimFault(Kind.SERVER_ERROR, null, null, null, 0, 0);
    }

    public static SimFault tooManyRequests(String retryAfter) {
        return new SimFault(Kind.TOO_MANY_REQUESTS, retryAfter, null, null, 0, 0);
    }

    public static SimFault serviceUnavailable(String retryAfter) {
        return new SimFault(Kind.SERVICE_UNAVAILABLE, retryAfter, null, null, 0, 0);
    }

    public static SimFault stallMidBody() {
        return new SimFault(Kind.STALL_MID_BODY, null, null, null, 0, 0);
    }

    public static SimFault connectionReset() {
        return new SimFault(Kind.CONNECTION_RESET, null, null, null, 0, 0);
    }

    /** Writes {@code chunkBytes} of filler every {@code intervalMillis} until the client gives up. */
    public static SimFault neverEndingBody(int chunkBytes, long intervalMillis) {
        return new SimFault(Kind.NEVER_ENDING_BODY, null, null, null, chunkBytes, intervalMillis);
    }

    public static SimFault replaceBody(byte[] body, String contentType) {
        return new SimFault(Kind.REPLACE_BODY, null, body.clone(), contentType, 0, 0);
    }

    boolean isStatus() {
        return kind == Kind.SERVER_ERROR || kind == Kind.TOO_MANY_REQUESTS || kind == Kind.SERVICE_UNAVAILABLE;
    }

    int status() {
        return switch (kind) {
            case SERVER_ERROR -> 500;
            case TOO_MANY_REQUESTS -> 429;
            case SERVICE_UNAVAILABLE -> 503;
            default -> 200;
        };
    }
}
