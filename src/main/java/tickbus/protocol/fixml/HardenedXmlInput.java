package tickbus.protocol.fixml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.io.Stax2CharArraySource;

/**
 * A Woodstox factory set up for untrusted input: no DTD processing, no external entities, every resolver
 * refuses, and limits on depth, attributes, text, document size and entity expansion. Nothing it creates
 * can read a file or open a connection.
 */
final class HardenedXmlInput {

    private final WstxInputFactory factory = new WstxInputFactory();

    HardenedXmlInput(FixmlLimits limits) {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.RESOLVER, REFUSING_RESOLVER);
        factory.setProperty(WstxInputProperties.P_DTD_RESOLVER, REFUSING_RESOLVER);
        factory.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, REFUSING_RESOLVER);
        factory.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER, REFUSING_RESOLVER);
        factory.setProperty(WstxInputProperties.P_CACHE_DTDS, false);
        factory.setProperty(XMLInputFactory2.P_AUTO_CLOSE_INPUT, true);
        // Our own depth check reports first; Woodstox's is the backstop for paths that bypass it.
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxElementDepth() + 1);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributesPerElement());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxAttributeChars());
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextChars());
        factory.setProperty(WstxInputProperties.P_MAX_CHARACTERS, (long) limits.maxDocumentBytes());
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, limits.maxEntityExpansions());
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
    }

    XMLStreamReader2 open(char[] chars, int offset, int length) throws XMLStreamException {
        return reader(factory.createXMLStreamReader(new Stax2CharArraySource(chars, offset, length)));
    }

    private static XMLStreamReader2 reader(XMLStreamReader reader) {
        return (XMLStreamReader2) reader;
    }

    /** Raised (inside Woodstox) whenever the parser asks to resolve anything external. */
    static final class ExternalAccessRefused extends XMLStreamException {

        ExternalAccessRefused(String message) {
            super(message);
        }
    }

    private static final XMLResolver REFUSING_RESOLVER = (publicId, systemId, baseUri, namespace) -> {
        throw new ExternalAccessRefused("external access refused: publicId=" + publicId + ", systemId=" + systemId
                + ", name=" + namespace);
    };
}
