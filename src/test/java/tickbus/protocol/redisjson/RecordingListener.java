package tickbus.protocol.redisjson;

import java.util.ArrayList;
import java.util.List;
import tickbus.event.Side;

/** Copies every decoded message into an immutable snapshot, in order. */
final class RecordingListener implements RedisJsonListener {

    record TickbusQuote(String symbol, long sequence, long timestampNanos, long receiveTimeNanos, long bidPrice,
            long bidSize, long askPrice, long askSize) {
    }

    record TickbusTrade(String symbol, long sequence, long timestampNanos, long receiveTimeNanos, long price,
            long size, Side aggressor, String tradeId) {
    }

    record CryptofeedTrade(String exchange, String symbol, long timestampNanos, long receiptTimestampNanos,
            Side aggressor, long amount, long price, String tradeId) {
    }

    record CryptofeedTicker(String exchange, String symbol, long timestampNanos, long receiptTimestampNanos,
            boolean hasBid, long bidPrice, boolean hasAsk, long askPrice) {
    }

    final List<Object> messages = new ArrayList<>();
    final List<PayloadMessage> instances = new ArrayList<>();

    @Override
    public void onTickbusQuote(TickbusQuoteMessage m) {
        instances.add(m);
        messages.add(new TickbusQuote(m.symbol(), m.sequence(), m.timestampNanos(), m.receiveTimeNanos(),
                m.bidPrice(), m.bidSize(), m.askPrice(), m.askSize()));
    }

    @Override
    public void onTickbusTrade(TickbusTradeMessage m) {
        instances.add(m);
        messages.add(new TickbusTrade(m.symbol(), m.sequence(), m.timestampNanos(), m.receiveTimeNanos(), m.price(),
                m.size(), m.aggressor(), m.tradeId()));
    }

    @Override
    public void onCryptofeedTrade(CryptofeedTradeMessage m) {
        instances.add(m);
        messages.add(new CryptofeedTrade(m.exchange(), m.symbol(), m.timestampNanos(), m.receiptTimestampNanos(),
                m.aggressor(), m.amount(), m.price(), m.tradeId()));
    }

    @Override
    public void onCryptofeedTicker(CryptofeedTickerMessage m) {
        instances.add(m);
        messages.add(new CryptofeedTicker(m.exchange(), m.symbol(), m.timestampNanos(), m.receiptTimestampNanos(),
                m.hasBid(), m.bidPrice(), m.hasAsk(), m.askPrice()));
    }
}
