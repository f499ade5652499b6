package tickbus.feed.redis;

import java.net.ConnectException;
import java.util.Locale;
import tickbus.protocol.ProtocolException;

/**
 * The session with Redis could not be established or broke: the peer is unreachable, does not speak RESP, refuses
 * the credentials, or does not answer in time. {@link #kind()} is a bounded label for counting.
 */
public final class RedisSessionException extends ProtocolException {

    /** Why the session failed. */
    public enum Kind {
        /** Nothing listens at the endpoint, or the TCP connection could not be made. */
        REFUSED,
        /** The handshake (HELLO, AUTH, SELECT, PING) did not complete within connectTimeoutMillis. */
        TIMEOUT,
        /** The peer sent bytes that are not RESP. */
        PROTOCOL,
        /** The peer speaks RESP but answered a command with something no Redis sends. */
        UNEXPECTED_REPLY,
        /** The credentials or the ACL were refused. */
        AUTH,
        /** Any other I/O failure. */
        IO;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    public RedisSessionException(Kind kind, String message, Throwable cause) {
        super("redis session failed: kind=" + kind.label() + ", " + message, cause);
        this.kind = kind;
    }

    public Kind sessionKind() {
        return kind;
    }

    @Override
    public String kind() {
        return kind.label();
    }

    /** The typed form of a failure of the Redis client while connecting to {@code endpoint}. */
    static RedisSessionException classify(Throwable failure, String endpoint) {
        if (failure instanceof RedisSessionException typed) {
            return typed;
        }
        String text = String.valueOf(failure.getMessage());
        String upper = text.toUpperCase(Locale.ROOT);
        Kind kind;
        if (failure instanceof ConnectException || upper.contains("CONNECTION REFUSED")) {
            kind = Kind.REFUSED;
        } else if (upper.startsWith("WRONGPASS") || upper.startsWith("NOAUTH") || upper.startsWith("NOPERM")
                || upper.contains("AUTH") && upper.startsWith("ERR")) {
            kind = Kind.AUTH;
        } else if (upper.startsWith("ILLEGAL_STATE") || upper.contains("RESP")) {
            kind = Kind.PROTOCOL;
        } else {
            kind = Kind.IO;
        }
        return new RedisSessionException(kind, "endpoint=" + endpoint + ", cause=" + text, failure);
    }
}
