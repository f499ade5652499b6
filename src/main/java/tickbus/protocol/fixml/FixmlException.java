package tickbus.protocol.fixml;

import tickbus.protocol.ProtocolException;

/** A FIXML document was rejected; {@link #reason()} says why, so callers can count rejections by kind. */
public final class FixmlException extends ProtocolException {

    /** Why a document was rejected. */
    public enum Reason {
        /** The document is larger than the configured maximum. */
        DOCUMENT_TOO_LARGE,
        /** Charset missing where required, wrong, unsupported, or the bytes are not valid in it. */
        BAD_ENCODING,
        /** The document has a DOCTYPE; DTDs are never processed. */
        DTD_FORBIDDEN,
        /** An entity reference other than the five predefined ones, or an external entity. */
        ENTITY_FORBIDDEN,
        /** Elements nested deeper than the configured maximum. */
        DEPTH_EXCEEDED,
        /** An element has more attributes than the configured maximum. */
        TOO_MANY_ATTRIBUTES,
        /** An attribute value is longer than the configured maximum. */
        ATTRIBUTE_TOO_LONG,
        /** A text node is longer than the configured maximum. */
        TEXT_TOO_LONG,
        /** The document ends before its root element closes. */
        TRUNCATED,
        /** Not well-formed XML. */
        MALFORMED,
        /** The root element is not {@code FIXML}. */
        WRONG_ROOT,
        /** A field is missing, has a bad format or a value outside its range. */
        BAD_FIELD,
        /** A price has more significant decimals than the configured scale. */
        PRICE_PRECISION,
        /** Message sequence numbers go backwards or fall outside the batch's cursor range. */
        BAD_SEQUENCE,
        /** A message has more entries than the configured maximum. */
        TOO_MANY_ENTRIES
    }

    private final Reason reason;

    public FixmlException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FixmlException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String kind() {
        return "fixml-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
