package tickbus.protocol.fixml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import tickbus.protocol.fixml.FixmlException.Reason;

/**
 * Walks a Woodstox reader element by element, keeping the depth, enforcing the depth limit and refusing
 * DTDs and entity references wherever they appear. Text, comments and processing instructions are skipped
 * (Woodstox still bounds their length).
 */
final class XmlCursor {

    private final int maxDepth;
    private final AttributeValue value = new AttributeValue();
    private XMLStreamReader2 reader;
    private int depth;

    XmlCursor(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    void reset(XMLStreamReader2 streamReader) {
        this.reader = streamReader;
        this.depth = 0;
    }

    XMLStreamReader2 reader() {
        return reader;
    }

    /** Advances to the next start tag, end tag or the end of the document and returns which. */
    int nextTag() throws XMLStreamException {
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > maxDepth) {
                        throw new FixmlException(Reason.DEPTH_EXCEEDED, "element depth exceeds max: depth=" + depth
                                + ", max=" + maxDepth + ", element=" + reader.getLocalName() + where());
                    }
                    return event;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    return event;
                }
                case XMLStreamConstants.END_DOCUMENT -> {
                    return event;
                }
                case XMLStreamConstants.DTD -> throw new FixmlException(Reason.DTD_FORBIDDEN,
                        "DOCTYPE forbidden: doctype=" + FieldParser.shown(reader.getText()) + where());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new FixmlException(Reason.ENTITY_FORBIDDEN,
                        "entity reference forbidden: name=" + reader.getLocalName() + where());
                default -> {
                    // text, whitespace, comments and processing instructions carry nothing FIXML needs
                }
            }
        }
    }

    /** Skips the element whose start tag was just read, with everything inside it. */
    void skipElement() throws XMLStreamException {
        int target = depth - 1;
        while (depth > target) {
            nextTag();
        }
    }

    String localName() {
        return reader.getLocalName();
    }

    int attributeCount() {
        return reader.getAttributeCount();
    }

    String attributeName(int index) {
        return reader.getAttributeLocalName(index);
    }

    /** The value of attribute {@code index}, as a window valid until the next call. */
    AttributeValue attribute(int index) throws XMLStreamException {
        reader.getAttributeAs(index, value);
        return value;
    }

    /** {@code ", line=L, column=C"} for messages. */
    String where() {
        Location location = reader == null ? null : reader.getLocation();
        return location == null ? "" : ", line=" + location.getLineNumber() + ", column=" + location.getColumnNumber();
    }
}
