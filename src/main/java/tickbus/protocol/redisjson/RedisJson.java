package tickbus.protocol.redisjson;

/** Field names and literal values of the JSON payload shapes (documented in the package Javadoc). */
public final class RedisJson {

    /** The text cryptofeed writes for a missing value ({@code none_to='None'}). */
    public static final String NONE = "None";

    public static final String SIDE_BUY = "buy";
    public static final String SIDE_SELL = "sell";

    private RedisJson() {
    }

    /** tickbus's own schema, version {@value #SCHEMA_VERSION}. */
    public static final class Tickbus {

        public static final int SCHEMA_VERSION = 1;

        public static final String VERSION = "v";
        public static final String TYPE = "type";
        public static final String SYMBOL = "sym";
        public static final String SEQUENCE = "seq";
        public static final String TIMESTAMP_NANOS = "ts";
        public static final String BID = "bid";
        public static final String BID_SIZE = "bidSize";
        public static final String ASK = "ask";
        public static final String ASK_SIZE = "askSize";
        public static final String PRICE = "price";
        public static final String SIZE = "size";
        public static final String SIDE = "side";
        public static final String TRADE_ID = "id";

        public static final String TYPE_QUOTE = "quote";
        public static final String TYPE_TRADE = "trade";
        public static final String SIDE_UNKNOWN = "unknown";

        private Tickbus() {
        }
    }

    /** cryptofeed's {@code Trade.to_dict()} and {@code Ticker.to_dict()} plus {@code receipt_timestamp}. */
    public static final class Cryptofeed {

        public static final String EXCHANGE = "exchange";
        public static final String SYMBOL = "symbol";
        public static final String SIDE = "side";
        public static final String AMOUNT = "amount";
        public static final String PRICE = "price";
        public static final String TRADE_ID = "id";
        public static final String ORDER_TYPE = "type";
        public static final String BID = "bid";
        public static final String ASK = "ask";
        public static final String TIMESTAMP = "timestamp";
        public static final String RECEIPT_TIMESTAMP = "receipt_timestamp";

        private Cryptofeed() {
        }
    }
}
