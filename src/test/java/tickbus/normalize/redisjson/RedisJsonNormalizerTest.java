package tickbus.normalize.redisjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonLimits;

class RedisJsonNormalizerTest {

    private static final long RECEIVED = 1_618_677_900_000_000_000L;
    private static final String CF_TRADE = "{\"exchange\":\"%s\",\"symbol\":\"SKL-USD\",\"side\":\"buy\",\"amount\":450.0,"
            + "\"price\":0.791,\"id\":\"1568268\",\"type\":\"None\",\"timestamp\":%s,\"receipt_timestamp\":%s}";
    private static final String CF_TICKER = "{\"exchange\":\"COINBASE\",\"symbol\":\"SKL-USD\",\"bid\":0.7901,"
            + "\"ask\":\"None\",\"timestamp\":1618677817.056746,\"receipt_timestamp\":1618677817.12933}";
    private static final String TB_TRADE = "{\"v\":1,\"type\":\"trade\",\"sym\":\"SKL-USD\",\"seq\":%d,\"ts\":5,"
            + "\"price\":\"0.791\",\"size\":\"450\",\"side\":\"sell\",\"id\":\"9\"}";

    private final RecordingSink sink = new RecordingSink();
    private final List<String> checked = new ArrayList<>();

    @Test
    void cryptofeedEventsAreNumberedPerSourceAcrossShapes() {
        RedisJsonIngest ingest = ingest("XCBS", false);
        accept(ingest, PayloadFormat.CRYPTOFEED_TRADE, String.format(CF_TRADE, "COINBASE", "1618677817.121358",
                "1618677817.1299179"));
        accept(ingest, PayloadFormat.CRYPTOFEED_TICKER, CF_TICKER);
        accept(ingest, PayloadFormat.CRYPTOFEED_TRADE, String.format(CF_TRADE, "COINBASE", "1618677817.2", "\"None\""));
        assertEquals(List.of(
                new Trade("XCBS:SKL-USD", "XCBS", "src", 1, 1_618_677_817_121_358_000L, RECEIVED, 8, 8, 79_100_000,
                        45_000_000_000L, Side.BUY, "1568268", TradeType.REGULAR),
                new Quote("XCBS:SKL-USD", "XCBS", "src", 2, 1_618_677_817_056_746_000L, RECEIVED, 8, 8, 79_010_000,
                        Quote.SIZE_UNKNOWN, 0, 0),
                new Trade("XCBS:SKL-USD", "XCBS", "src", 3, 1_618_677_817_200_000_000L, RECEIVED, 8, 8, 79_100_000,
                        45_000_000_000L, Side.BUY, "1568268", TradeType.REGULAR)), sink.events);
    }

    @Test
    void aRestartedFeedCountsAboveWhereItsPredecessorStopped() {
        long firstStart = 1_700_000_000_000_000_000L;
        RedisJsonNormalizer first = new RedisJsonNormalizer("src", "XCBS", false,
                RedisJsonNormalizer.SequenceCheck.ADMIT_ALL, sink);
        first.countFrom(firstStart);
        RedisJsonIngest ingest = new RedisJsonIngest(RedisJsonLimits.DEFAULTS, 8, 8, first,
                new DeadLetterLog(4, 4096, 64));
        accept(ingest, PayloadFormat.CRYPTOFEED_TICKER, CF_TICKER);
        accept(ingest, PayloadFormat.CRYPTOFEED_TICKER, CF_TICKER);
        RedisJsonNormalizer restarted = new RedisJsonNormalizer("src", "XCBS", false,
                RedisJsonNormalizer.SequenceCheck.ADMIT_ALL, sink);
        restarted.countFrom(firstStart + 1_000_000);
        accept(new RedisJsonIngest(RedisJsonLimits.DEFAULTS, 8, 8, restarted, new DeadLetterLog(4, 4096, 64)),
                PayloadFormat.CRYPTOFEED_TICKER, CF_TICKER);
        assertEquals(List.of(firstStart, firstStart + 1, firstStart + 1_000_000),
                sink.events.stream().map(MarketEvent::sequence).toList());
    }

    @Test
    void venueFromThePayloadsExchange() {
        RedisJsonIngest ingest = ingest("XCBS", true);
        accept(ingest, PayloadFormat.CRYPTOFEED_TRADE, String.format(CF_TRADE, "KRAKEN", "1618677817.1", "\"None\""));
        accept(ingest, PayloadFormat.CRYPTOFEED_TRADE, String.format(CF_TRADE, "COINBASE", "1618677817.1", "\"None\""));
        accept(ingest, PayloadFormat.TICKBUS, String.format(TB_TRADE, 1));
        assertEquals(List.of("KRAKEN:SKL-USD", "COINBASE:SKL-USD", "XCBS:SKL-USD"),
                sink.events.stream().map(MarketEvent::instrument).toList());
        assertEquals(List.of("KRAKEN", "COINBASE", "XCBS"), sink.events.stream().map(MarketEvent::venue).toList());
    }

    @Test
    void exchangeTimeFallsBackToReceiptThenToReceiveTime() {
        RedisJsonIngest ingest = ingest("COINBASE", false);
        accept(ingest, PayloadFormat.CRYPTOFEED_TRADE, String.format(CF_TRADE, "COINBASE", "\"None\"", "1618677817.5"));
        accept(ingest, PayloadFormat.CRYPTOFEED_TRADE, String.format(CF_TRADE, "COINBASE", "null", "null"));
        assertEquals(List.of(1_618_677_817_500_000_000L, RECEIVED),
                sink.events.stream().map(MarketEvent::exchangeTimeNanos).toList());
    }

    @Test
    void publisherSequencesPassTheCheckAndDuplicatesAreDropped() {
        RedisJsonNormalizer normalizer = new RedisJsonNormalizer("src", "COINBASE", false, (stream, instrument, kind,
                seq, timestampNanos) -> {
            checked.add(stream + " " + instrument + " " + kind + " " + seq + " at " + timestampNanos);
            return seq != 2;
        }, sink);
        RedisJsonIngest ingest = new RedisJsonIngest(RedisJsonLimits.DEFAULTS, 8, 8, normalizer,
                new DeadLetterLog(4, 4096, 64));
        for (long seq : new long[] {1, 2, 3}) {
            accept(ingest, PayloadFormat.TICKBUS, String.format(TB_TRADE, seq));
        }
        assertEquals(List.of("ch COINBASE:SKL-USD TRADE 1 at 5", "ch COINBASE:SKL-USD TRADE 2 at 5",
                "ch COINBASE:SKL-USD TRADE 3 at 5"), checked);
        assertEquals(List.of(1L, 3L), sink.events.stream().map(MarketEvent::sequence).toList());
        assertEquals(EventKind.TRADE, sink.events.get(0).kind());
        assertEquals(3, ingest.accepted());
    }

    @Test
    void cryptofeedPayloadsDoNotConsultTheSequenceCheck() {
        RedisJsonNormalizer normalizer = new RedisJsonNormalizer("src", "COINBASE", false, (stream, instrument, kind,
                seq, timestampNanos) -> {
            checked.add(instrument);
            return false;
        }, sink);
        RedisJsonIngest ingest = new RedisJsonIngest(RedisJsonLimits.DEFAULTS, 8, 8, normalizer,
                new DeadLetterLog(4, 4096, 64));
        accept(ingest, PayloadFormat.CRYPTOFEED_TICKER, CF_TICKER);
        assertEquals(List.of(), checked);
        assertEquals(1, sink.events.size());
    }

    @Test
    void instrumentIdsAreReusedAndStayBounded() {
        InstrumentIds ids = new InstrumentIds();
        assertSame(ids.of("COINBASE", "BTC-USD"), ids.of("COINBASE", "BTC-USD"));
        for (int i = 0; i < InstrumentIds.MAX_CACHED + 10; i++) {
            assertEquals("V" + (i % 3) + ":S" + i, ids.of("V" + (i % 3), "S" + i));
        }
        assertEquals("COINBASE:BTC-USD", ids.of("COINBASE", "BTC-USD"));
    }

    private RedisJsonIngest ingest(String venue, boolean venueFromPayload) {
        return new RedisJsonIngest(RedisJsonLimits.DEFAULTS, 8, 8, new RedisJsonNormalizer("src", venue,
                venueFromPayload, RedisJsonNormalizer.SequenceCheck.ADMIT_ALL, sink), new DeadLetterLog(4, 4096, 64));
    }

    private static void accept(RedisJsonIngest ingest, PayloadFormat format, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        ingest.accept("ch", format, bytes, 0, bytes.length, RECEIVED);
    }
}
