package tickbus.protocol.fixml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import tickbus.protocol.fixml.FixmlException.Reason;

/**
 * Reads the contents of one {@code MktDataInc} or {@code MktDataFull} element into its reused flyweight.
 * The cursor is on the message's start tag when called and on its end tag when done.
 */
final class MessageDecoder {

    private static final int MAX_SYMBOLS = 65_536;

    private final XmlCursor cursor;
    private final int priceScale;
    private final int maxEntries;
    private final SymbolTable symbols = new SymbolTable(MAX_SYMBOLS);
    private final UtcTimestampParser timestamps = new UtcTimestampParser();
    private String instrumentSymbol;
    private String instrumentMaturity;

    MessageDecoder(XmlCursor cursor, int priceScale, int maxEntries) {
        this.cursor = cursor;
        this.priceScale = priceScale;
        this.maxEntries = maxEntries;
    }

    /** Fills {@code message} and returns its ApplSeqNum, or {@link Fixml#ABSENT}. */
    long readMktDataInc(MktDataInc message) throws XMLStreamException {
        message.clear();
        long applSeqNum = readApplSeqNum();
        while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (Fixml.ELEMENT_INC.equals(cursor.localName())) {
                readInc(addEntry(message.entries, Fixml.ELEMENT_MKT_DATA_INC));
            } else {
                cursor.skipElement();
            }
        }
        if (message.entries.count() == 0) {
            throw new FixmlException(Reason.BAD_FIELD, "message has no entries: element=MktDataInc, min=1"
                    + cursor.where());
        }
        return applSeqNum;
    }

    /** Fills {@code message}, leaving its sequence {@link Fixml#ABSENT} unless ApplSeqNum gave one. */
    void readMktDataFull(MktDataFull message) throws XMLStreamException {
        message.clear();
        for (int i = 0, count = cursor.attributeCount(); i < count; i++) {
            switch (cursor.attributeName(i)) {
                case Fixml.ATTRIBUTE_APPL_SEQ_NUM -> message.sequence = FieldParser.unsignedLong(cursor.attribute(i),
                        Fixml.ATTRIBUTE_APPL_SEQ_NUM);
                case Fixml.ATTRIBUTE_BUSINESS_DATE -> message.businessDate = identifier(cursor.attribute(i),
                        Fixml.ATTRIBUTE_BUSINESS_DATE);
                default -> {
                    // attributes tickbus does not use
                }
            }
        }
        while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (cursor.localName()) {
                case Fixml.ELEMENT_INSTRUMENT -> {
                    readInstrument();
                    message.symbol = instrumentSymbol;
                    message.maturity = instrumentMaturity;
                }
                case Fixml.ELEMENT_FULL -> readFull(addEntry(message.entries, Fixml.ELEMENT_MKT_DATA_FULL));
                default -> cursor.skipElement();
            }
        }
        if (message.symbol == null) {
            throw new FixmlException(Reason.BAD_FIELD, "missing field: field=Instrmt/@Sym, element=MktDataFull"
                    + cursor.where());
        }
    }

    private long readApplSeqNum() throws XMLStreamException {
        for (int i = 0, count = cursor.attributeCount(); i < count; i++) {
            if (Fixml.ATTRIBUTE_APPL_SEQ_NUM.equals(cursor.attributeName(i))) {
                return FieldParser.unsignedLong(cursor.attribute(i), Fixml.ATTRIBUTE_APPL_SEQ_NUM);
            }
        }
        return Fixml.ABSENT;
    }

    private MdEntry addEntry(EntryList entries, String element) {
        if (entries.count() >= maxEntries) {
            throw new FixmlException(Reason.TOO_MANY_ENTRIES, "entries exceed max: element=" + element
                    + ", max=" + maxEntries + cursor.where());
        }
        return entries.add();
    }

    private void readInc(MdEntry entry) throws XMLStreamException {
        for (int i = 0, count = cursor.attributeCount(); i < count; i++) {
            String name = cursor.attributeName(i);
            switch (name) {
                case Fixml.ATTRIBUTE_UPDATE_ACTION -> entry.action = updateAction(cursor.attribute(i));
                case Fixml.ATTRIBUTE_REPORT_SEQUENCE -> entry.reportSequence = FieldParser.unsignedLong(
                        cursor.attribute(i), name);
                case Fixml.ATTRIBUTE_TRANSACT_TIME -> {
                    entry.transactTimeNanos = timestamps.parseNanos(cursor.attribute(i), name);
                    entry.hasTransactTime = true;
                }
                case Fixml.ATTRIBUTE_TRADE_ID -> entry.tradeId = tradeId(cursor.attribute(i));
                case Fixml.ATTRIBUTE_AGGRESSOR_SIDE -> entry.aggressor = aggressor(cursor.attribute(i));
                default -> readPricedField(entry, name, i);
            }
        }
        while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (Fixml.ELEMENT_INSTRUMENT.equals(cursor.localName())) {
                readInstrument();
                entry.symbol = instrumentSymbol;
                entry.maturity = instrumentMaturity;
            } else {
                cursor.skipElement();
            }
        }
        EntryRules.checkInc(entry);
    }

    private void readFull(MdEntry entry) throws XMLStreamException {
        for (int i = 0, count = cursor.attributeCount(); i < count; i++) {
            readPricedField(entry, cursor.attributeName(i), i);
        }
        cursor.skipElement();
        EntryRules.checkFull(entry);
    }

    private void readPricedField(MdEntry entry, String name, int index) throws XMLStreamException {
        switch (name) {
            case Fixml.ATTRIBUTE_ENTRY_TYPE -> entry.type = FieldParser.code(cursor.attribute(index), name);
            case Fixml.ATTRIBUTE_PRICE -> {
                entry.price = FieldParser.price(cursor.attribute(index), name, priceScale);
                entry.hasPrice = true;
            }
            case Fixml.ATTRIBUTE_SIZE -> {
                entry.size = FieldParser.unsignedLong(cursor.attribute(index), name);
                entry.hasSize = true;
            }
            default -> {
                // attributes tickbus does not use
            }
        }
    }

    private void readInstrument() throws XMLStreamException {
        instrumentSymbol = null;
        instrumentMaturity = null;
        for (int i = 0, count = cursor.attributeCount(); i < count; i++) {
            String name = cursor.attributeName(i);
            if (Fixml.ATTRIBUTE_SYMBOL.equals(name)) {
                instrumentSymbol = identifier(cursor.attribute(i), name);
            } else if (Fixml.ATTRIBUTE_MATURITY.equals(name)) {
                instrumentMaturity = identifier(cursor.attribute(i), name);
            }
        }
        cursor.skipElement();
    }

    private String identifier(AttributeValue value, String field) {
        return symbols.intern(value, field);
    }

    private static String tradeId(AttributeValue value) {
        FieldParser.checkIdentifier(value, Fixml.ATTRIBUTE_TRADE_ID);
        return value.toString();
    }

    private static UpdateAction updateAction(AttributeValue value) {
        UpdateAction action = UpdateAction.fromCode(FieldParser.code(value, Fixml.ATTRIBUTE_UPDATE_ACTION));
        if (action == null) {
            throw FieldParser.badField(Fixml.ATTRIBUTE_UPDATE_ACTION, value, "unsupported, expected 0, 1 or 2");
        }
        return action;
    }

    private static char aggressor(AttributeValue value) {
        char code = FieldParser.code(value, Fixml.ATTRIBUTE_AGGRESSOR_SIDE);
        if (code != Fixml.AGGRESSOR_BUY && code != Fixml.AGGRESSOR_SELL) {
            throw FieldParser.badField(Fixml.ATTRIBUTE_AGGRESSOR_SIDE, value, "expected 1 (buy) or 2 (sell)");
        }
        return code;
    }
}
