package tickbus.feed.redis;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.Set;

/**
 * Tells Redis's error replies from transport failures. The client fails a command with an error {@link Response}
 * in both cases: for a reply Redis sent ({@code -WRONGTYPE ...}, {@code -ERR ...}: the command failed, the
 * connection is fine) and for what it made up itself when the socket closed or the bytes were not RESP
 * ({@code CONNECTION_CLOSED}, {@code ILLEGAL_STATE}: the connection is gone). Other I/O failures are plain
 * exceptions.
 */
final class RedisErrors {

    /** A command against a key holding the wrong kind of value. */
    static final String WRONG_TYPE = "WRONGTYPE";

    private static final Set<String> MADE_BY_THE_CLIENT = Set.of("CONNECTION_CLOSED", "ILLEGAL_STATE");

    private RedisErrors() {
    }

    /** Whether {@code failure} is an error reply sent by Redis (not a broken connection). */
    static boolean isErrorReply(Throwable failure) {
        return failure instanceof Response reply && reply.type() == ResponseType.ERROR
                && !MADE_BY_THE_CLIENT.contains(code(failure.getMessage()));
    }

    /** The error code: the first word of the error text ({@code WRONGTYPE}, {@code ERR}, ...). */
    static String code(String error) {
        if (error == null) {
            return "";
        }
        int space = error.indexOf(' ');
        return space < 0 ? error : error.substring(0, space);
    }
}
