package tickbus.protocol;

/** Malformed or hostile input in a protocol; one subclass per protocol. The message names field, value, limit. */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, bounded label for counting errors by kind (a metric label). */
    public String kind() {
        return "malformed";
    }
}
