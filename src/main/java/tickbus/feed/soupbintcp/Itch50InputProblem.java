package tickbus.feed.soupbintcp;

import tickbus.protocol.ProtocolException;

/**
 * ITCH input the normalizer counted and survived (a malformed message, an unknown type, an order the books do not
 * know): raised after the message was handled, so the parser worker counts it by {@link #kind()} in the feed's
 * metrics. The book has already been marked SUSPECT where it applies.
 */
final class Itch50InputProblem extends ProtocolException {

    private final String kind;

    Itch50InputProblem(String kind, String message) {
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
