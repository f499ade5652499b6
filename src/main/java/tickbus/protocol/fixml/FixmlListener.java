package tickbus.protocol.fixml;

/** Receives the FIXML messages of a document in order; the message objects are reused after each call. */
public interface FixmlListener {

    /** Receive a MarketDataIncrementalRefresh message. */
    void mktDataInc(MktDataInc message);

    /** Receive a MarketDataSnapshotFullRefresh message. */
    void mktDataFull(MktDataFull message);
}
