package tickbus.protocol.itch;

/**
 * Market Participant Position: a market maker's status in an issue, type {@code 'L'}, 26 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       4  mpid
 *     15       8  stock
 *     23       1  primaryMarketMaker
 *     24       1  marketMakerMode
 *     25       1  marketParticipantState
 * </pre>
 */
public final class MarketParticipantPosition extends Itch50Message<MarketParticipantPosition> {

    public static final int LENGTH = Itch50.MARKET_PARTICIPANT_POSITION_LENGTH;
    public static final int MPID_OFFSET = 11;
    public static final int STOCK_OFFSET = 15;
    public static final int PRIMARY_MARKET_MAKER_OFFSET = 23;
    public static final int MARKET_MAKER_MODE_OFFSET = 24;
    public static final int MARKET_PARTICIPANT_STATE_OFFSET = 25;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_MARKET_PARTICIPANT_POSITION;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The market participant id, without its padding. */
    public String mpid() {
        return readAlpha(MPID_OFFSET, 4);
    }

    /** The 4 raw bytes of {@link #mpid()}, padding included, as one big-endian int. */
    public int mpidRaw() {
        return readInt(MPID_OFFSET);
    }

    public MarketParticipantPosition mpid(String mpid) {
        return writeAlpha(MPID_OFFSET, 4, mpid, "mpid");
    }

    /** The symbol, without its padding. */
    public String stock() {
        return readAlpha(STOCK_OFFSET, 8);
    }

    /** The 8 raw bytes of {@link #stock()}, padding included, as one big-endian long. */
    public long stockRaw() {
        return readLong(STOCK_OFFSET);
    }

    public MarketParticipantPosition stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** Y for the primary market maker. */
    public byte primaryMarketMaker() {
        return readByte(PRIMARY_MARKET_MAKER_OFFSET);
    }

    public MarketParticipantPosition primaryMarketMaker(byte primaryMarketMaker) {
        return writeByte(PRIMARY_MARKET_MAKER_OFFSET, primaryMarketMaker);
    }

    /** N, P, S, R or L. */
    public byte marketMakerMode() {
        return readByte(MARKET_MAKER_MODE_OFFSET);
    }

    public MarketParticipantPosition marketMakerMode(byte marketMakerMode) {
        return writeByte(MARKET_MAKER_MODE_OFFSET, marketMakerMode);
    }

    /** A, E, W, S or D. */
    public byte marketParticipantState() {
        return readByte(MARKET_PARTICIPANT_STATE_OFFSET);
    }

    public MarketParticipantPosition marketParticipantState(byte marketParticipantState) {
        return writeByte(MARKET_PARTICIPANT_STATE_OFFSET, marketParticipantState);
    }

    @Override
    public String toString() {
        return "MarketParticipantPosition{" + headerToString() + ", "
                + "mpid='" + mpid() + "'" + ", "
                + "stock='" + stock() + "'" + ", "
                + "primaryMarketMaker=" + (char) primaryMarketMaker() + ", "
                + "marketMakerMode=" + (char) marketMakerMode() + ", "
                + "marketParticipantState=" + (char) marketParticipantState() + "}";
    }
}
