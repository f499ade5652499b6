package tickbus.protocol.redisjson;

/** The JSON payload shapes the decoder reads; chosen by configuration per channel or stream. */
public enum PayloadFormat {
    /** tickbus's own schema (see the package documentation): quotes and trades with a publisher sequence. */
    TICKBUS(true),
    /** cryptofeed's trade dictionary as its Redis backends write it. */
    CRYPTOFEED_TRADE(false),
    /** cryptofeed's ticker dictionary as its Redis backends write it. */
    CRYPTOFEED_TICKER(false);

    private final boolean carriesSequence;

    PayloadFormat(boolean carriesSequence) {
        this.carriesSequence = carriesSequence;
    }

    /** Whether payloads carry a publisher sequence number, so loss and duplicates can be detected. */
    public boolean carriesSequence() {
        return carriesSequence;
    }
}
