package tickbus.protocol.fixml;

/**
 * What a fully decoded document held: the envelope's cursors ({@link Fixml#ABSENT} when the document had none),
 * the position of the last update it carried ({@code cursor}, or 0 without one, when it carried none), and
 * message and entry counts.
 */
public record FixmlBatch(long cursor, long next, long lastSequence, int messages, int entries) {

    /** True when the batch carried no messages: a long-poll heartbeat. */
    public boolean isEmpty() {
        return messages == 0;
    }
}
