package tickbus.protocol;

/** The root of every protocol's bad-input error; each protocol has its own subclass. */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
