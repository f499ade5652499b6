package tickbus.protocol.itch;

import tickbus.protocol.ProtocolException;

/** A malformed ITCH 5.0 message: empty, truncated, too long for its type, or outside its buffer. */
public class Itch50Exception extends ProtocolException {

    public Itch50Exception(String message) {
        super(message);
    }
}
