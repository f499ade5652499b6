package tickbus.protocol.fixml;

import com.ctc.wstx.exc.WstxLazyException;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import tickbus.event.Prices;
import tickbus.protocol.fixml.FixmlException.Reason;

/**
 * Decodes one FIXML document (a long-poll response, a file) and hands its messages to a listener in order.
 * Checks size and charset before parsing, then parses with a hardened streaming reader; any malformed or
 * hostile input ends in one {@link FixmlException}. Messages already delivered stay delivered, so a caller
 * that needs all-or-nothing buffers what the listener produced until {@code decode} returns.
 * Not thread-safe: one decoder per worker; it reuses its message objects.
 */
public final class FixmlDecoder {

    private final FixmlLimits limits;
    private final HardenedXmlInput input;
    private final XmlCursor cursor;
    private final MessageDecoder messages;
    private final EnvelopeDecoder envelope;
    private final DocumentText text = new DocumentText();

    public FixmlDecoder(FixmlLimits limits, int priceScale) {
        if (priceScale < 0 || priceScale > Prices.MAX_SCALE) {
            throw new IllegalArgumentException("price scale out of range: priceScale=" + priceScale + ", min=0, max="
                    + Prices.MAX_SCALE);
        }
        this.limits = limits;
        this.input = new HardenedXmlInput(limits);
        this.cursor = new XmlCursor(limits.maxElementDepth());
        this.messages = new MessageDecoder(cursor, priceScale, limits.maxEntriesPerMessage());
        this.envelope = new EnvelopeDecoder(cursor, messages);
    }

    public FixmlBatch decode(byte[] document, FixmlListener listener) {
        return decode(document, 0, document.length, null, listener);
    }

    /**
     * Decodes {@code document[offset, offset+length)}; {@code transportCharset} is the charset the transport
     * declared (e.g. HTTP {@code Content-Type}), or null.
     */
    public FixmlBatch decode(byte[] document, int offset, int length, String transportCharset,
            FixmlListener listener) {
        if (length > limits.maxDocumentBytes()) {
            throw new FixmlException(Reason.DOCUMENT_TOO_LARGE, "document exceeds max: length=" + length + ", max="
                    + limits.maxDocumentBytes());
        }
        DocumentCharset charset = DocumentCharset.detect(document, offset, length, transportCharset);
        XMLStreamReader2 reader = null;
        try {
            reader = open(document, offset, length, charset);
            cursor.reset(reader);
            return envelope.read(listener);
        } catch (XMLStreamException e) {
            throw XmlErrors.classify(e, cursor.where());
        } catch (WstxLazyException e) {
            throw XmlErrors.classify(e.getCause() instanceof XMLStreamException stream ? stream
                    : new XMLStreamException(e.getMessage()), cursor.where());
        } finally {
            cursor.reset(null);
            close(reader);
        }
    }

    private XMLStreamReader2 open(byte[] document, int offset, int length, DocumentCharset charset)
            throws XMLStreamException {
        text.decode(document, offset, length, charset);
        return input.open(text.chars(), 0, text.length());
    }

    private static void close(XMLStreamReader2 reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.closeCompletely();
        } catch (XMLStreamException e) {
            // closing an in-memory source cannot lose data; the decode result stands
        }
    }
}
