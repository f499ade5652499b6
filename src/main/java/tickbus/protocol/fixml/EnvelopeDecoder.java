package tickbus.protocol.fixml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import tickbus.protocol.fixml.FixmlException.Reason;

/**
 * Reads the document structure: the {@code FIXML} root, an optional {@code Batch} envelope with its cursors,
 * and the messages, giving every update its position in the server's log and checking that positions rise
 * and stay within the envelope's cursor range. Unknown elements are skipped.
 */
final class EnvelopeDecoder {

    private final XmlCursor cursor;
    private final MessageDecoder messages;
    private final MktDataInc inc = new MktDataInc();
    private final MktDataFull full = new MktDataFull();
    private long batchCursor;
    private long batchNext;
    private long position;
    private int messageCount;
    private int entryCount;
    private boolean batchSeen;

    EnvelopeDecoder(XmlCursor cursor, MessageDecoder messages) {
        this.cursor = cursor;
        this.messages = messages;
    }

    FixmlBatch read(FixmlListener listener) throws XMLStreamException {
        batchCursor = Fixml.ABSENT;
        batchNext = Fixml.ABSENT;
        position = 0;
        messageCount = 0;
        entryCount = 0;
        batchSeen = false;
        if (cursor.nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw new FixmlException(Reason.MALFORMED, "document has no root element" + cursor.where());
        }
        checkRoot();
        readChildren(listener, true);
        if (cursor.nextTag() != XMLStreamConstants.END_DOCUMENT) {
            throw new FixmlException(Reason.MALFORMED, "content after the root element" + cursor.where());
        }
        return new FixmlBatch(batchCursor, batchNext, position, messageCount, entryCount);
    }

    private void checkRoot() {
        String name = cursor.localName();
        String namespace = cursor.reader().getNamespaceURI();
        boolean knownNamespace = namespace == null || namespace.isEmpty() || Fixml.NAMESPACE.equals(namespace);
        if (!Fixml.ELEMENT_ROOT.equals(name) || !knownNamespace) {
            throw new FixmlException(Reason.WRONG_ROOT, "root element is not FIXML 5.0 SP2: root=" + name
                    + ", namespace=" + (namespace == null ? "" : namespace) + ", expected=" + Fixml.ELEMENT_ROOT
                    + " in no namespace or " + Fixml.NAMESPACE + cursor.where());
        }
    }

    private void readChildren(FixmlListener listener, boolean batchAllowed) throws XMLStreamException {
        while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (cursor.localName()) {
                case Fixml.ELEMENT_MKT_DATA_INC -> readMktDataInc(listener);
                case Fixml.ELEMENT_MKT_DATA_FULL -> readMktDataFull(listener);
                case Fixml.ELEMENT_BATCH -> {
                    if (!batchAllowed || batchSeen || messageCount > 0) {
                        throw new FixmlException(Reason.BAD_FIELD, "unexpected Batch: element=Batch, max=1, "
                                + "only directly under FIXML and before any message" + cursor.where());
                    }
                    batchSeen = true;
                    readBatchCursors();
                    readChildren(listener, false);
                }
                default -> cursor.skipElement();
            }
        }
    }

    private void readBatchCursors() throws XMLStreamException {
        for (int i = 0; i < cursor.attributeCount(); i++) {
            String name = cursor.attributeName(i);
            if (Fixml.ATTRIBUTE_CURSOR.equals(name)) {
                batchCursor = FieldParser.unsignedLong(cursor.attribute(i), name);
            } else if (Fixml.ATTRIBUTE_NEXT.equals(name)) {
                batchNext = FieldParser.unsignedLong(cursor.attribute(i), name);
            }
        }
        if ((batchCursor == Fixml.ABSENT) != (batchNext == Fixml.ABSENT)) {
            throw new FixmlException(Reason.BAD_FIELD, "Batch needs both cursors or neither: cursor="
                    + batchCursor + ", next=" + batchNext + cursor.where());
        }
        if (batchNext < batchCursor) {
            throw new FixmlException(Reason.BAD_SEQUENCE, "Batch next cursor before cursor: cursor=" + batchCursor
                    + ", next=" + batchNext + cursor.where());
        }
        position = Math.max(batchCursor, 0);
    }

    private void readMktDataInc(FixmlListener listener) throws XMLStreamException {
        long applSeqNum = messages.readMktDataInc(inc);
        int count = inc.entries.count();
        long first = claimPositions(applSeqNum, count);
        for (int i = 0; i < count; i++) {
            inc.entries.get(i).sequence = first + i;
        }
        messageCount++;
        entryCount += count;
        listener.mktDataInc(inc);
    }

    private void readMktDataFull(FixmlListener listener) throws XMLStreamException {
        messages.readMktDataFull(full);
        full.sequence = claimPositions(full.sequence, 1);
        messageCount++;
        entryCount += full.entries.count();
        listener.mktDataFull(full);
    }

    /** Positions {@code first..first+count-1} for a message, checked against the previous one and the batch. */
    private long claimPositions(long applSeqNum, int count) {
        long first = applSeqNum == Fixml.ABSENT ? position + 1 : applSeqNum;
        if (first <= position) {
            throw new FixmlException(Reason.BAD_SEQUENCE, "message sequence not after the previous: field="
                    + Fixml.ATTRIBUTE_APPL_SEQ_NUM + ", value=" + first + ", min=" + (position + 1) + cursor.where());
        }
        long last = first + count - 1;
        if (batchNext != Fixml.ABSENT && last > batchNext) {
            throw new FixmlException(Reason.BAD_SEQUENCE, "message sequence beyond the batch's next cursor: field="
                    + Fixml.ATTRIBUTE_APPL_SEQ_NUM + ", value=" + first + ", last=" + last + ", next=" + batchNext
                    + cursor.where());
        }
        position = last;
        return first;
    }
}
