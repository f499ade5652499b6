package tickbus.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tickbus.event.EventCodecProperties.decode;
import static tickbus.event.EventCodecProperties.encode;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    /** Header of an event with venue "V" and source "S": version, [instrument], venue, source, three longs. */
    private static final int FEED_HEADER_BYTES = 1 + (4 + 1) + (4 + 1) + 3 * 8;

    private static final Quote QUOTE = new Quote("XNAS:AAPL", "XNAS", "itch-xnas", 1, 2, 3, 4, 0, 1_912_300, 300,
            1_912_500, 100);

    private static Trade trade(Side aggressor, TradeType type) {
        return new Trade("XNAS:AAPL", "XNAS", "itch-xnas", 1, 2, 3, 2, 0, 19_123, 10, aggressor, "T-7", type);
    }

    private static FeedStatus feedStatus(FeedState state, FeedState previous, BreakerState breaker) {
        return new FeedStatus("S", "V", 1, 2, 3, state, previous, "why", breaker, 4);
    }

    private static BookUpdate emptyBook(boolean snapshot) {
        return new BookUpdate("XNAS:AAPL", "XNAS", "itch-xnas", 1, 2, 3, 2, 0, snapshot, List.of(), List.of());
    }

    private static String decodeFailure(TickbusEvent like, Buffer buffer, int position) {
        return assertThrows(IllegalArgumentException.class, () -> decode(like, buffer, position)).getMessage();
    }

    @Test
    void everyEnumValueRoundTrips() {
        List<TickbusEvent> events = new ArrayList<>();
        for (Side aggressor : Side.values()) {
            for (TradeType type : TradeType.values()) {
                events.add(trade(aggressor, type));
            }
        }
        for (InstrumentState state : InstrumentState.values()) {
            events.add(new InstrumentStatus("XNAS:AAPL", "XNAS", "itch-xnas", 1, 2, 3, state, 5, 6, "why"));
        }
        for (FeedState state : FeedState.values()) {
            for (FeedState previous : FeedState.values()) {
                for (BreakerState breaker : BreakerState.values()) {
                    events.add(feedStatus(state, previous, breaker));
                }
            }
        }
        for (TickbusEvent event : events) {
            assertEquals(event, decode(event, encode(event), 0));
        }
    }

    @Test
    void anOutOfRangeEnumOrdinalNamesTheFieldAndTheValue() {
        Trade trade = trade(Side.BUY, TradeType.REGULAR);
        Buffer encodedTrade = encode(trade);
        encodedTrade.setByte(encodedTrade.length() - 1, (byte) TradeType.values().length);
        assertEquals("event enum ordinal out of range: field=tradeType, value=3, max=2",
                decodeFailure(trade, encodedTrade, 0));

        FeedStatus status = feedStatus(FeedState.LIVE, FeedState.RECOVERING, BreakerState.CLOSED);
        Buffer encodedStatus = encode(status);
        encodedStatus.setByte(FEED_HEADER_BYTES, (byte) 0xFF);
        assertEquals("event enum ordinal out of range: field=state, value=255, max=8",
                decodeFailure(status, encodedStatus, 0));
    }

    @Test
    void aSnapshotFlagOtherThanZeroOrOneIsRejected() {
        BookUpdate book = emptyBook(true);
        Buffer encoded = encode(book);
        int snapshotPosition = encoded.length() - 2 * 4 - 1;
        encoded.setByte(snapshotPosition, (byte) 2);
        assertEquals("event boolean out of range: field=snapshot, value=2, expected=0 or 1",
                decodeFailure(book, encoded, 0));
    }

    @Test
    void aLevelCountBeyondTheBufferIsRejectedBeforeAllocating() {
        BookUpdate book = emptyBook(false);
        Buffer encoded = encode(book);
        encoded.setIntLE(encoded.length() - 2 * 4, Integer.MAX_VALUE);
        assertEquals("event count out of range: field=bids, count=2147483647, remaining=4",
                decodeFailure(book, encoded, 0));
    }

    @Test
    void aLengthBeyondTheBufferOrNegativeIsRejected() {
        Buffer encoded = encode(QUOTE);
        int instrumentLengthAt = 1 + 4;
        encoded.setIntLE(instrumentLengthAt, -1);
        assertEquals("event length out of range: field=instrument, length=-1, remaining="
                + (encoded.length() - instrumentLengthAt - 4), decodeFailure(QUOTE, encoded, 0));
        encoded.setIntLE(instrumentLengthAt, 1_000_000);
        assertEquals("event length out of range: field=instrument, length=1000000, remaining="
                + (encoded.length() - instrumentLengthAt - 4), decodeFailure(QUOTE, encoded, 0));
        encoded.setIntLE(1, Integer.MIN_VALUE);
        assertEquals("event length out of range: field=headerStrings, length=-2147483648, remaining="
                + (encoded.length() - 5), decodeFailure(QUOTE, encoded, 0));
    }

    @Test
    void headerStringsThatDisagreeWithTheirByteCountAreRejected() {
        Buffer encoded = encode(QUOTE);
        int stringBytes = encoded.getIntLE(1);
        encoded.setIntLE(1, stringBytes - 1);
        assertEquals("event header strings length mismatch: field=headerStrings, length=" + (stringBytes - 1)
                + ", actual=" + stringBytes, decodeFailure(QUOTE, encoded, 0));
    }

    @Test
    void anotherWireVersionIsRejectedNamingTheCodec() {
        Buffer encoded = encode(QUOTE);
        encoded.setByte(0, (byte) 1);
        assertEquals("unsupported event wire version: codec=tickbus.Quote, version=1, expected=2",
                decodeFailure(QUOTE, encoded, 0));
    }

    @Test
    void aPositionOutsideTheBufferIsRejected() {
        Buffer encoded = encode(QUOTE);
        assertEquals("event position out of range: codec=tickbus.Quote, position=-1, length=" + encoded.length(),
                decodeFailure(QUOTE, encoded, -1));
        assertEquals("event truncated: field=version, position=" + encoded.length() + ", needed=1, length="
                + encoded.length(), decodeFailure(QUOTE, encoded, encoded.length()));
    }

    @Test
    void aLoneSurrogateIsEncodedAsAQuestionMarkAsTheJdkDoes() {
        Quote broken = new Quote("XNAS:\uD800AAPL", "XNAS", "itch-xnas", 1, 2, 3, 4, 0, 5, 6, 7, 8);
        assertEquals("XNAS:?AAPL", decode(broken, encode(broken), 0).instrument());
        Trade brokenId = new Trade("XNAS:AAPL", "XNAS", "itch-xnas", 1, 2, 3, 2, 0, 19_123, 10, Side.BUY, "T\uDC00-7",
                TradeType.REGULAR);
        assertEquals("T?-7", decode(brokenId, encode(brokenId), 0).tradeId());
    }

    @Test
    void codecsShareTheInstanceLocallyAndHaveStableNames() {
        List<EventCodec<?>> codecs = List.of(new QuoteCodec(), new TradeCodec(), new BookUpdateCodec(),
                new InstrumentStatusCodec(), new FeedStatusCodec());
        assertEquals(List.of("tickbus.Quote", "tickbus.Trade", "tickbus.BookUpdate", "tickbus.InstrumentStatus",
                "tickbus.FeedStatus"), codecs.stream().map(EventCodec::name).toList());
        codecs.forEach(codec -> assertEquals(-1, codec.systemCodecID()));
        assertSame(QUOTE, new QuoteCodec().transform(QUOTE));
    }

    @Test
    void anEventLargerThanTheFirstCopyDecodesUpToItsLastByte() {
        String longInstrument = "XNAS:" + "A".repeat(3_000);
        InstrumentStatus status = new InstrumentStatus(longInstrument, "XNAS", "itch-xnas", 1, 2, 3,
                InstrumentState.HALTED, 0, 0, "ab");
        assertEquals(status, decode(status, encode(status), 0));
    }
}
