package tickbus.protocol.fixml;

import com.ctc.wstx.exc.WstxEOFException;
import javax.xml.stream.XMLStreamException;
import tickbus.protocol.fixml.FixmlException.Reason;

/** Maps Woodstox's errors to a {@link Reason}; the limit messages are Woodstox 7.x's own wording. */
final class XmlErrors {

    private XmlErrors() {
    }

    static FixmlException classify(XMLStreamException error, String where) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String detail = message.replace('\n', ' ').strip();
        return new FixmlException(reasonOf(error, message), describe(error, message, detail) + where, error);
    }

    private static Reason reasonOf(XMLStreamException error, String message) {
        if (hasCause(error, HardenedXmlInput.ExternalAccessRefused.class)) {
            return Reason.ENTITY_FORBIDDEN;
        }
        if (error instanceof WstxEOFException) {
            return Reason.TRUNCATED;
        }
        if (message.startsWith("Maximum Element Depth limit")) {
            return Reason.DEPTH_EXCEEDED;
        }
        if (message.startsWith("Attribute limit")) {
            return Reason.TOO_MANY_ATTRIBUTES;
        }
        if (message.startsWith("Maximum attribute size limit")) {
            return Reason.ATTRIBUTE_TOO_LONG;
        }
        if (message.startsWith("Text size limit")) {
            return Reason.TEXT_TOO_LONG;
        }
        if (message.startsWith("Maximum document characters limit")) {
            return Reason.DOCUMENT_TOO_LARGE;
        }
        if (message.startsWith("Maximum entity expansion") || message.startsWith("Undeclared general entity")
                || message.startsWith("Undeclared parameter entity")) {
            return Reason.ENTITY_FORBIDDEN;
        }
        return Reason.MALFORMED;
    }

    private static String describe(XMLStreamException error, String message, String detail) {
        return switch (reasonOf(error, message)) {
            case TRUNCATED -> "document truncated: detail=" + detail;
            case ENTITY_FORBIDDEN -> "entity forbidden (only &amp; &lt; &gt; &quot; &apos; are allowed): detail="
                    + detail;
            case MALFORMED -> "not well-formed XML: detail=" + detail;
            default -> "limit exceeded: detail=" + detail;
        };
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause instanceof XMLStreamException stream && stream.getNestedException() != null
                    && type.isInstance(stream.getNestedException())) {
                return true;
            }
        }
        return false;
    }
}
