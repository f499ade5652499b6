package tickbus.protocol.itch;

import java.util.Arrays;

/**
 * NASDAQ TotalView-ITCH 5.0: message types, their exact lengths, and the field values tickbus interprets.
 * Each message type has a flyweight class ({@link AddOrder}, {@link OrderExecuted}, ...) describing its
 * layout; {@link Itch50Decoder} dispatches them to an {@link Itch50Listener}.
 */
public final class Itch50 {

    public static final byte MESSAGE_TYPE_SYSTEM_EVENT = 'S';
    public static final byte MESSAGE_TYPE_STOCK_DIRECTORY = 'R';
    public static final byte MESSAGE_TYPE_STOCK_TRADING_ACTION = 'H';
    public static final byte MESSAGE_TYPE_REG_SHO_RESTRICTION = 'Y';
    public static final byte MESSAGE_TYPE_MARKET_PARTICIPANT_POSITION = 'L';
    public static final byte MESSAGE_TYPE_MWCB_DECLINE_LEVEL = 'V';
    public static final byte MESSAGE_TYPE_MWCB_STATUS = 'W';
    public static final byte MESSAGE_TYPE_IPO_QUOTING_PERIOD_UPDATE = 'K';
    public static final byte MESSAGE_TYPE_LULD_AUCTION_COLLAR = 'J';
    public static final byte MESSAGE_TYPE_OPERATIONAL_HALT = 'h';
    public static final byte MESSAGE_TYPE_ADD_ORDER = 'A';
    public static final byte MESSAGE_TYPE_ADD_ORDER_MPID = 'F';
    public static final byte MESSAGE_TYPE_ORDER_EXECUTED = 'E';
    public static final byte MESSAGE_TYPE_ORDER_EXECUTED_WITH_PRICE = 'C';
    public static final byte MESSAGE_TYPE_ORDER_CANCEL = 'X';
    public static final byte MESSAGE_TYPE_ORDER_DELETE = 'D';
    public static final byte MESSAGE_TYPE_ORDER_REPLACE = 'U';
    public static final byte MESSAGE_TYPE_TRADE = 'P';
    public static final byte MESSAGE_TYPE_CROSS_TRADE = 'Q';
    public static final byte MESSAGE_TYPE_BROKEN_TRADE = 'B';
    public static final byte MESSAGE_TYPE_NOII = 'I';
    public static final byte MESSAGE_TYPE_RPII = 'N';
    public static final byte MESSAGE_TYPE_DLCR_PRICE_DISCOVERY = 'O';

    public static final int SYSTEM_EVENT_LENGTH = 12;
    public static final int STOCK_DIRECTORY_LENGTH = 39;
    public static final int STOCK_TRADING_ACTION_LENGTH = 25;
    public static final int REG_SHO_RESTRICTION_LENGTH = 20;
    public static final int MARKET_PARTICIPANT_POSITION_LENGTH = 26;
    public static final int MWCB_DECLINE_LEVEL_LENGTH = 35;
    public static final int MWCB_STATUS_LENGTH = 12;
    public static final int IPO_QUOTING_PERIOD_UPDATE_LENGTH = 28;
    public static final int LULD_AUCTION_COLLAR_LENGTH = 35;
    public static final int OPERATIONAL_HALT_LENGTH = 21;
    public static final int ADD_ORDER_LENGTH = 36;
    public static final int ADD_ORDER_MPID_LENGTH = 40;
    public static final int ORDER_EXECUTED_LENGTH = 31;
    public static final int ORDER_EXECUTED_WITH_PRICE_LENGTH = 36;
    public static final int ORDER_CANCEL_LENGTH = 23;
    public static final int ORDER_DELETE_LENGTH = 19;
    public static final int ORDER_REPLACE_LENGTH = 35;
    public static final int TRADE_LENGTH = 44;
    public static final int CROSS_TRADE_LENGTH = 40;
    public static final int BROKEN_TRADE_LENGTH = 19;
    public static final int NOII_LENGTH = 50;
    public static final int RPII_LENGTH = 20;
    public static final int DLCR_PRICE_DISCOVERY_LENGTH = 48;

    /** The longest message (NOII). */
    public static final int MAX_MESSAGE_LENGTH = NOII_LENGTH;

    /** Decimal places of Price(4) fields. */
    public static final int PRICE_SCALE = 4;
    /** Decimal places of share quantities: whole shares. */
    public static final int SIZE_SCALE = 0;
    /** Decimal places of the Price(8) fields of MWCB Decline Level. */
    public static final int MWCB_PRICE_SCALE = 8;

    public static final byte BUY = 'B';
    public static final byte SELL = 'S';
    public static final byte YES = 'Y';
    public static final byte NO = 'N';

    public static final byte EVENT_START_OF_MESSAGES = 'O';
    public static final byte EVENT_START_OF_SYSTEM_HOURS = 'S';
    public static final byte EVENT_START_OF_MARKET_HOURS = 'Q';
    public static final byte EVENT_END_OF_MARKET_HOURS = 'M';
    public static final byte EVENT_END_OF_SYSTEM_HOURS = 'E';
    public static final byte EVENT_END_OF_MESSAGES = 'C';

    public static final byte TRADING_STATE_HALTED = 'H';
    public static final byte TRADING_STATE_PAUSED = 'P';
    public static final byte TRADING_STATE_QUOTATION_ONLY = 'Q';
    public static final byte TRADING_STATE_TRADING = 'T';

    public static final byte REG_SHO_NO_PRICE_TEST = '0';
    public static final byte REG_SHO_PRICE_TEST_INTRADAY_DROP = '1';
    public static final byte REG_SHO_PRICE_TEST_REMAINS = '2';

    public static final byte MWCB_LEVEL_1 = '1';
    public static final byte MWCB_LEVEL_2 = '2';
    public static final byte MWCB_LEVEL_3 = '3';

    public static final byte MARKET_CODE_NASDAQ = 'Q';
    public static final byte MARKET_CODE_BX = 'B';
    public static final byte MARKET_CODE_PSX = 'X';
    public static final byte OPERATIONAL_HALT_HALTED = 'H';
    public static final byte OPERATIONAL_HALT_RESUMED = 'T';

    public static final byte CROSS_TYPE_OPENING = 'O';
    public static final byte CROSS_TYPE_CLOSING = 'C';
    public static final byte CROSS_TYPE_IPO_OR_HALTED = 'H';
    public static final byte CROSS_TYPE_INTRADAY = 'I';

    private static final int[] LENGTHS = new int[256];

    static {
        Arrays.fill(LENGTHS, -1);
        LENGTHS[MESSAGE_TYPE_SYSTEM_EVENT] = SYSTEM_EVENT_LENGTH;
        LENGTHS[MESSAGE_TYPE_STOCK_DIRECTORY] = STOCK_DIRECTORY_LENGTH;
        LENGTHS[MESSAGE_TYPE_STOCK_TRADING_ACTION] = STOCK_TRADING_ACTION_LENGTH;
        LENGTHS[MESSAGE_TYPE_REG_SHO_RESTRICTION] = REG_SHO_RESTRICTION_LENGTH;
        LENGTHS[MESSAGE_TYPE_MARKET_PARTICIPANT_POSITION] = MARKET_PARTICIPANT_POSITION_LENGTH;
        LENGTHS[MESSAGE_TYPE_MWCB_DECLINE_LEVEL] = MWCB_DECLINE_LEVEL_LENGTH;
        LENGTHS[MESSAGE_TYPE_MWCB_STATUS] = MWCB_STATUS_LENGTH;
        LENGTHS[MESSAGE_TYPE_IPO_QUOTING_PERIOD_UPDATE] = IPO_QUOTING_PERIOD_UPDATE_LENGTH;
        LENGTHS[MESSAGE_TYPE_LULD_AUCTION_COLLAR] = LULD_AUCTION_COLLAR_LENGTH;
        LENGTHS[MESSAGE_TYPE_OPERATIONAL_HALT] = OPERATIONAL_HALT_LENGTH;
        LENGTHS[MESSAGE_TYPE_ADD_ORDER] = ADD_ORDER_LENGTH;
        LENGTHS[MESSAGE_TYPE_ADD_ORDER_MPID] = ADD_ORDER_MPID_LENGTH;
        LENGTHS[MESSAGE_TYPE_ORDER_EXECUTED] = ORDER_EXECUTED_LENGTH;
        LENGTHS[MESSAGE_TYPE_ORDER_EXECUTED_WITH_PRICE] = ORDER_EXECUTED_WITH_PRICE_LENGTH;
        LENGTHS[MESSAGE_TYPE_ORDER_CANCEL] = ORDER_CANCEL_LENGTH;
        LENGTHS[MESSAGE_TYPE_ORDER_DELETE] = ORDER_DELETE_LENGTH;
        LENGTHS[MESSAGE_TYPE_ORDER_REPLACE] = ORDER_REPLACE_LENGTH;
        LENGTHS[MESSAGE_TYPE_TRADE] = TRADE_LENGTH;
        LENGTHS[MESSAGE_TYPE_CROSS_TRADE] = CROSS_TRADE_LENGTH;
        LENGTHS[MESSAGE_TYPE_BROKEN_TRADE] = BROKEN_TRADE_LENGTH;
        LENGTHS[MESSAGE_TYPE_NOII] = NOII_LENGTH;
        LENGTHS[MESSAGE_TYPE_RPII] = RPII_LENGTH;
        LENGTHS[MESSAGE_TYPE_DLCR_PRICE_DISCOVERY] = DLCR_PRICE_DISCOVERY_LENGTH;
    }

    /** Where every message that refers to an order carries its reference number (right after the header). */
    public static final int ORDER_REFERENCE_OFFSET = Itch50Message.HEADER_LENGTH;

    private Itch50() {
    }

    /**
     * The order reference number at {@link #ORDER_REFERENCE_OFFSET} of a message that carries one (Add Order with
     * or without MPID, Order Executed with or without price, Order Cancel, Order Delete, and the original order of
     * Order Replace); the caller checks the type and that the message is long enough.
     */
    public static long orderReference(byte[] buffer, int offset) {
        return Itch50Bytes.getLong(buffer, offset + ORDER_REFERENCE_OFFSET);
    }

    /** The exact length of a message type, type byte included, or -1 for a type ITCH 5.0 does not define. */
    public static int messageLength(byte messageType) {
        return LENGTHS[messageType & 0xFF];
    }

    /**
     * The stock locate of the message in {@code buffer[offset, offset + length)} (0 for market-wide messages),
     * to route messages to the shard that owns the instrument before decoding them.
     */
    public static int stockLocate(byte[] buffer, int offset, int length) {
        int needed = Itch50Message.STOCK_LOCATE_OFFSET + 2;
        if (length < needed || offset < 0 || offset > buffer.length - length) {
            throw new Itch50Exception("message too short for a stock locate: length=" + length + ", min=" + needed
                    + ", offset=" + offset + ", capacity=" + buffer.length);
        }
        return Itch50Bytes.getUnsignedShort(buffer, offset + Itch50Message.STOCK_LOCATE_OFFSET);
    }

    /** The timestamp (nanoseconds since midnight) of the message in {@code buffer[offset, offset + length)}. */
    public static long timestampNanos(byte[] buffer, int offset, int length) {
        if (length < Itch50Message.HEADER_LENGTH || offset < 0 || offset > buffer.length - length) {
            throw new Itch50Exception("message too short for a timestamp: length=" + length + ", min="
                    + Itch50Message.HEADER_LENGTH + ", offset=" + offset + ", capacity=" + buffer.length);
        }
        return Itch50Bytes.getUnsigned48(buffer, offset + Itch50Message.TIMESTAMP_OFFSET);
    }
}
