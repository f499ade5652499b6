package tickbus.feed;

import tickbus.protocol.ProtocolException;

/**
 * Input a decoder counted and survived (a malformed ITCH message, an order the books do not know, a FIXML
 * instrument whose id another one has): raised from {@link FrameDecoder#decode} after the frame was handled and
 * its events put in the sink, so the parser worker counts it by {@link #kind()} in the feed's metrics and logs it.
 */
public final class InputProblem extends ProtocolException {

    private final String kind;

    public InputProblem(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** The message says what and where; a stack trace of the decoder would add nothing. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String kind() {
        return kind;
    }
}
