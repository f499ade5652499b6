package tickbus.protocol;

/** Root of the typed errors raised by protocol codecs on malformed or hostile input. */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
