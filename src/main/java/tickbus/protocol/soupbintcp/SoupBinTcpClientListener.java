package tickbus.protocol.soupbintcp;

/** What a SoupBinTCP client session reports; called on the thread that feeds the session. */
public interface SoupBinTcpClientListener {

    /** Receive a Sequenced Data message not delivered before; the bytes are valid only during the call. */
    void onSequencedMessage(long sequenceNumber, byte[] buffer, int offset, int length);

    /** The session moved from one state to another, with the reason in words. */
    void onStateChanged(SoupBinTcpClientState previous, SoupBinTcpClientState current, String reason);

    /** The login landed in another session than before: state built from the old one must be discarded. */
    void onSessionChanged(String previousSession, String currentSession, long firstSequenceNumber);

    /** The server resumed after {@code toSequenceNumber}: messages {@code from..to} will never arrive. */
    void onGap(long fromSequenceNumber, long toSequenceNumber);
}
