package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.protocol.itch.BinaryFile;
import tickbus.testing.JunctureReference;
import tickbus.testing.SharedData;

/**
 * The real NASDAQ sample (10,000 AAPL messages, 30 Jan 2020) through the normalizer: the book stays consistent
 * (never crossed, locked or negative, no contradiction) to the end and equals a reference book built from
 * juncture's decoding, and the trades equal the file's executions (E, printable C) and hidden trades (P).
 */
class Itch50NormalizerRealFileTest {

    private static final String FILE = "itch/runk-itch_locate-13-10k_01302020_AAPL.bin";
    private static final int AAPL = 13;

    @Test
    void bookStaysConsistentAndTradesMatchTheFile() throws IOException {
        JunctureReference expected = JunctureReference.read(SharedData.path(FILE), "XNAS:AAPL");
        byte[] file = Files.readAllBytes(SharedData.path(FILE));
        ConsumerView view = new ConsumerView();
        Itch50Normalizer normalizer = new Itch50Normalizer("itch-file", LocalDate.of(2020, 1, 30),
                instrument -> true, view);
        long[] sequence = {0};

        BinaryFile.forEachMessage(file, 0, file.length, (buffer, offset, length) -> {
            normalizer.onMessage(++sequence[0], 0, buffer, offset, length);
            OrderBook book = normalizer.books().book(AAPL);
            assertFalse(book.isCrossedOrLocked(), "crossed or locked after message " + sequence[0]);
            assertPositive(book);
        });

        assertEquals(10_000, sequence[0]);
        assertEquals(0, normalizer.counters().contradictions(), normalizer.counters().toString());
        OrderBook book = normalizer.books().book(AAPL);
        assertEquals("XNAS:AAPL", book.instrument());
        assertFalse(book.isSuspect());
        assertEquals(expected.book.bids(AAPL), book.bidLevels());
        assertEquals(expected.book.asks(AAPL), book.askLevels());
        assertEquals(expected.book.liveOrders(), normalizer.books().liveOrders());
        assertEquals(1_089, expected.trades.size());
        assertEquals(expected.trades, view.trades);
        assertEquals(expected.book.bids(AAPL), view.bids("XNAS:AAPL"));
        assertEquals(expected.book.asks(AAPL), view.asks("XNAS:AAPL"));
        assertTrue(view.events.stream().noneMatch(event -> event instanceof InstrumentStatus status
                && status.state() == InstrumentState.SUSPECT));
    }

    @Test
    void timestampsBecomeEpochNanosecondsOfTheTradingDayInNewYork() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.path(FILE));
        ConsumerView view = new ConsumerView();
        Itch50Normalizer normalizer = new Itch50Normalizer("itch-file", LocalDate.of(2020, 1, 30),
                instrument -> true, view);
        BinaryFile.forEachMessage(file, 0, file.length, (buffer, offset, length) ->
                normalizer.onMessage(1, 0, buffer, offset, length));

        // The README: the last message is at 07:59:30.517 New York time; 30 Jan 2020 is UTC-5 (and 1 Jul UTC-4).
        assertEquals(Instant.parse("2020-01-30T05:00:00Z").getEpochSecond() * 1_000_000_000L,
                Itch50Normalizer.midnightEpochNanos(LocalDate.of(2020, 1, 30)));
        assertEquals(Instant.parse("2020-07-01T04:00:00Z").getEpochSecond() * 1_000_000_000L,
                Itch50Normalizer.midnightEpochNanos(LocalDate.of(2020, 7, 1)));
        long lastMessageStart = file.length - 19;
        assertEquals('D', file[(int) lastMessageStart], "the file ends with an Order Delete (19 bytes)");
        long rawTimestamp = 0;
        for (int i = 5; i < 11; i++) {
            rawTimestamp = rawTimestamp << 8 | (file[(int) lastMessageStart + i] & 0xFF);
        }
        long lastEventNanos = view.events.get(view.events.size() - 1).exchangeTimeNanos();
        assertEquals(Instant.parse("2020-01-30T05:00:00Z").getEpochSecond() * 1_000_000_000L + rawTimestamp,
                lastEventNanos);
        long readmeNanos = Instant.parse("2020-01-30T12:59:30.517Z").toEpochMilli() * 1_000_000;
        assertTrue(Math.abs(readmeNanos - lastEventNanos) < 1_000_000, "within the README's rounding");
    }

    private static void assertPositive(OrderBook book) {
        for (int rank = 0; rank < book.bidDepth(); rank++) {
            assertTrue(book.bidSize(rank) > 0);
        }
        for (int rank = 0; rank < book.askDepth(); rank++) {
            assertTrue(book.askSize(rank) > 0);
        }
    }
}
