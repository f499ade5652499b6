package tickbus.protocol.redisjson;

/** Receives decoded payloads; the message objects are reused, so copy what you keep before returning. */
public interface RedisJsonListener {

    /** Receive a tickbus-schema quote. */
    void onTickbusQuote(TickbusQuoteMessage message);

    /** Receive a tickbus-schema trade. */
    void onTickbusTrade(TickbusTradeMessage message);

    /** Receive a cryptofeed trade. */
    void onCryptofeedTrade(CryptofeedTradeMessage message);

    /** Receive a cryptofeed ticker. */
    void onCryptofeedTicker(CryptofeedTickerMessage message);
}
