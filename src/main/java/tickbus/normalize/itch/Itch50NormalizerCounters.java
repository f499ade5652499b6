package tickbus.normalize.itch;

/** What an {@link Itch50Normalizer} has seen; read on its thread (other threads may see stale values). */
public final class Itch50NormalizerCounters {

    long messages;
    long events;
    long unknownMessageTypes;
    long malformedMessages;
    long unknownOrderReferences;
    long duplicateOrderReferences;
    long locateMismatches;
    long excessiveReductions;
    long invalidSides;
    long brokenTradesNotRemembered;

    /** ITCH messages handed in. */
    public long messages() {
        return messages;
    }

    /** Events handed to the sink. */
    public long events() {
        return events;
    }

    /** Messages of a type ITCH 5.0 does not define, skipped. */
    public long unknownMessageTypes() {
        return unknownMessageTypes;
    }

    /** Messages of the wrong length for their type, skipped. */
    public long malformedMessages() {
        return malformedMessages;
    }

    /** Executions, cancels, deletes and replaces of orders that are not live. */
    public long unknownOrderReferences() {
        return unknownOrderReferences;
    }

    /** Adds (or replacements) reusing a live order reference. */
    public long duplicateOrderReferences() {
        return duplicateOrderReferences;
    }

    /** Messages naming another stock locate than the order they reference. */
    public long locateMismatches() {
        return locateMismatches;
    }

    /** Executions or cancels of more shares than the order had. */
    public long excessiveReductions() {
        return excessiveReductions;
    }

    /** Adds with a side other than B or S. */
    /** Broken Trades published without price and size: the trade was older than what the normalizer remembers. */
    public long brokenTradesNotRemembered() {
        return brokenTradesNotRemembered;
    }

    public long invalidSides() {
        return invalidSides;
    }

    /** Every contradiction of the books: the sum of the counts that mark an instrument SUSPECT. */
    public long contradictions() {
        return malformedMessages + unknownOrderReferences + duplicateOrderReferences + locateMismatches
                + excessiveReductions + invalidSides;
    }

    @Override
    public String toString() {
        return "Itch50NormalizerCounters{messages=" + messages + ", events=" + events + ", unknownMessageTypes="
                + unknownMessageTypes + ", malformedMessages=" + malformedMessages + ", unknownOrderReferences="
                + unknownOrderReferences + ", duplicateOrderReferences=" + duplicateOrderReferences
                + ", locateMismatches=" + locateMismatches + ", excessiveReductions=" + excessiveReductions
                + ", invalidSides=" + invalidSides + ", brokenTradesNotRemembered=" + brokenTradesNotRemembered + "}";
    }
}
