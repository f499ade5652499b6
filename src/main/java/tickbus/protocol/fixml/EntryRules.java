package tickbus.protocol.fixml;

import tickbus.protocol.fixml.FixmlException.Reason;

/** The fields each kind of entry must carry, so downstream code never meets a half-specified entry. */
final class EntryRules {

    private EntryRules() {
    }

    static void checkInc(MdEntry entry) {
        require(entry.action != null, Fixml.ATTRIBUTE_UPDATE_ACTION, Fixml.ELEMENT_INC, entry);
        require(entry.type != 0, Fixml.ATTRIBUTE_ENTRY_TYPE, Fixml.ELEMENT_INC, entry);
        require(entry.symbol != null, Fixml.ELEMENT_INSTRUMENT + "/@" + Fixml.ATTRIBUTE_SYMBOL, Fixml.ELEMENT_INC,
                entry);
        boolean delete = entry.action == UpdateAction.DELETE;
        switch (entry.type) {
            case Fixml.ENTRY_TYPE_BID, Fixml.ENTRY_TYPE_OFFER -> {
                require(entry.hasPrice, Fixml.ATTRIBUTE_PRICE, Fixml.ELEMENT_INC, entry);
                require(delete || entry.hasSize, Fixml.ATTRIBUTE_SIZE, Fixml.ELEMENT_INC, entry);
            }
            case Fixml.ENTRY_TYPE_TRADE -> {
                require(delete || entry.hasPrice, Fixml.ATTRIBUTE_PRICE, Fixml.ELEMENT_INC, entry);
                require(delete || entry.hasSize, Fixml.ATTRIBUTE_SIZE, Fixml.ELEMENT_INC, entry);
                require(entry.action == UpdateAction.NEW || entry.tradeId != null, Fixml.ATTRIBUTE_TRADE_ID,
                        Fixml.ELEMENT_INC, entry);
            }
            case Fixml.ENTRY_TYPE_SETTLEMENT_PRICE -> require(delete || entry.hasPrice, Fixml.ATTRIBUTE_PRICE,
                    Fixml.ELEMENT_INC, entry);
            default -> {
                // other entry types (volume, open interest, ...) have no required fields tickbus relies on
            }
        }
    }

    static void checkFull(MdEntry entry) {
        require(entry.type != 0, Fixml.ATTRIBUTE_ENTRY_TYPE, Fixml.ELEMENT_FULL, entry);
        switch (entry.type) {
            case Fixml.ENTRY_TYPE_BID, Fixml.ENTRY_TYPE_OFFER, Fixml.ENTRY_TYPE_TRADE -> {
                require(entry.hasPrice, Fixml.ATTRIBUTE_PRICE, Fixml.ELEMENT_FULL, entry);
                require(entry.hasSize, Fixml.ATTRIBUTE_SIZE, Fixml.ELEMENT_FULL, entry);
            }
            case Fixml.ENTRY_TYPE_SETTLEMENT_PRICE -> require(entry.hasPrice, Fixml.ATTRIBUTE_PRICE,
                    Fixml.ELEMENT_FULL, entry);
            default -> {
                // see checkInc
            }
        }
    }

    private static void require(boolean present, String field, String element, MdEntry entry) {
        if (!present) {
            throw new FixmlException(Reason.BAD_FIELD, "missing field: field=" + field + ", element=" + element
                    + ", Typ=" + (entry.type == 0 ? "absent" : String.valueOf(entry.type))
                    + ", UpdtAct=" + (entry.action == null ? "absent" : String.valueOf(entry.action.code())));
        }
    }
}
