package tickbus.normalize.redisjson;

import java.util.Objects;
import tickbus.event.EventKind;
import tickbus.event.EventSink;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.redisjson.CryptofeedMessage;
import tickbus.protocol.redisjson.CryptofeedTickerMessage;
import tickbus.protocol.redisjson.CryptofeedTradeMessage;
import tickbus.protocol.redisjson.PayloadMessage;
import tickbus.protocol.redisjson.RedisJsonListener;
import tickbus.protocol.redisjson.TickbusQuoteMessage;
import tickbus.protocol.redisjson.TickbusTradeMessage;

/**
 * Turns decoded payloads into immutable {@link Quote} and {@link Trade} events with instrument id
 * {@code VENUE:SYMBOL}, the venue configured or, for cryptofeed payloads when asked, the payload's exchange.
 *
 * <p>Sequence numbers: a tickbus payload's {@code seq} (the publisher's, per channel) becomes the event's
 * sequence, and the {@link SequenceCheck} sees it with its channel first, so the engine can count gaps and
 * drop duplicates per publisher stream.
 * cryptofeed payloads carry none: their events are numbered consecutively by this normalizer, from 1 or from
 * {@link #countFrom(long)}, so loss before tickbus received them cannot be detected from the numbers.
 *
 * <p>Sizes stay mantissas at the decoder's size scale. cryptofeed tickers carry no sizes: a side that has a
 * price gets size {@link Quote#SIZE_UNKNOWN} (an empty side has price 0 and size 0). Exchange time is the payload's
 * timestamp, else cryptofeed's {@code receipt_timestamp}, else tickbus's receive time.
 */
public final class RedisJsonNormalizer implements RedisJsonListener {

    /** Sees each publisher sequence before its event is emitted. */
    @FunctionalInterface
    public interface SequenceCheck {

        SequenceCheck ADMIT_ALL = (stream, instrument, kind, sequence, timestampNanos) -> true;

        /**
         * Whether to emit the event with publisher {@code sequence} and event time {@code timestampNanos} of
         * {@code stream} (the channel or stream key it arrived on); false drops it (e.g. a duplicate).
         */
        boolean admit(String stream, String instrument, EventKind kind, long sequence, long timestampNanos);
    }

    private final String source;
    private final String venue;
    private final boolean venueFromPayload;
    private final SequenceCheck sequenceCheck;
    private final EventSink sink;
    private final InstrumentIds instrumentIds = new InstrumentIds();
    private long lastCountedSequence;

    /**
     * Number the next counted event (a cryptofeed payload's) {@code first}. A feed passes the epoch nanoseconds
     * at its start: a restarted feed then numbers above anything it published before (it cannot count a
     * thousand million events a second), and subscribers that dropped duplicates by number keep receiving.
     */
    public void countFrom(long first) {
        lastCountedSequence = first - 1;
    }

    /**
     * @param venue the venue of every event, or, with {@code venueFromPayload}, of tickbus payloads only
     * @param venueFromPayload take a cryptofeed payload's {@code exchange} as the venue
     */
    public RedisJsonNormalizer(String source, String venue, boolean venueFromPayload, SequenceCheck sequenceCheck,
            EventSink sink) {
        this.source = Objects.requireNonNull(source, "source");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.venueFromPayload = venueFromPayload;
        this.sequenceCheck = Objects.requireNonNull(sequenceCheck, "sequenceCheck");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void onTickbusQuote(TickbusQuoteMessage message) {
        String instrument = instrumentIds.of(venue, message.symbol());
        if (sequenceCheck.admit(message.channel(), instrument, EventKind.QUOTE, message.sequence(),
                message.timestampNanos())) {
            sink.accept(new Quote(instrument, venue, source, message.sequence(), message.timestampNanos(),
                    message.receiveTimeNanos(), message.priceScale(), message.sizeScale(), message.bidPrice(),
                    message.bidSize(), message.askPrice(), message.askSize()));
        }
    }

    @Override
    public void onTickbusTrade(TickbusTradeMessage message) {
        String instrument = instrumentIds.of(venue, message.symbol());
        if (sequenceCheck.admit(message.channel(), instrument, EventKind.TRADE, message.sequence(),
                message.timestampNanos())) {
            sink.accept(new Trade(instrument, venue, source, message.sequence(), message.timestampNanos(),
                    message.receiveTimeNanos(), message.priceScale(), message.sizeScale(), message.price(),
                    message.size(), message.aggressor(), message.tradeId(), TradeType.REGULAR));
        }
    }

    @Override
    public void onCryptofeedTrade(CryptofeedTradeMessage message) {
        String eventVenue = venueFromPayload ? message.exchange() : venue;
        sink.accept(new Trade(instrumentIds.of(eventVenue, message.symbol()), eventVenue, source,
                ++lastCountedSequence, exchangeTime(message),
                message.receiveTimeNanos(), message.priceScale(), message.sizeScale(), message.price(),
                message.amount(), message.aggressor(), message.tradeId(), TradeType.REGULAR));
    }

    @Override
    public void onCryptofeedTicker(CryptofeedTickerMessage message) {
        String eventVenue = venueFromPayload ? message.exchange() : venue;
        sink.accept(new Quote(instrumentIds.of(eventVenue, message.symbol()), eventVenue, source,
                ++lastCountedSequence, exchangeTime(message),
                message.receiveTimeNanos(), message.priceScale(), message.sizeScale(), message.bidPrice(),
                message.hasBid() ? Quote.SIZE_UNKNOWN : 0, message.askPrice(),
                message.hasAsk() ? Quote.SIZE_UNKNOWN : 0));
    }

    private static long exchangeTime(CryptofeedMessage message) {
        if (message.timestampNanos() != PayloadMessage.NO_TIMESTAMP) {
            return message.timestampNanos();
        }
        if (message.receiptTimestampNanos() != PayloadMessage.NO_TIMESTAMP) {
            return message.receiptTimestampNanos();
        }
        return message.receiveTimeNanos();
    }
}
