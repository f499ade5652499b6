package tickbus.event;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of every event type over the full range of each field. */
final class EventArbitraries {

    /** The header fields every market event has. */
    record Header(String instrument, String venue, String source, long sequence, long exchangeTimeNanos,
            long receiveTimeNanos) {
    }

    private EventArbitraries() {
    }

    /** Empty, ASCII, any valid Unicode (including supplementary code points) and realistic repeated ids. */
    static Arbitrary<String> strings() {
        Arbitrary<String> unicode = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .list().ofMaxSize(40)
                .map(codePoints -> codePoints.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(4, Arbitraries.strings().ascii().ofMaxLength(40)),
                Tuple.of(4, unicode),
                Tuple.of(4, Arbitraries.of("XNAS:AAPL", "XNAS:MSFT", "XLON:VOD", "itch-xnas", "Ünïcödé:€", "日本:7203")),
                Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(200).ofMaxLength(3000)));
    }

    static Arbitrary<Long> longs() {
        return Arbitraries.longs();
    }

    static Arbitrary<Integer> scales() {
        return Arbitraries.integers().between(0, Prices.MAX_SCALE);
    }

    static Arbitrary<Header> headers() {
        return Combinators.combine(strings(), strings(), strings(), longs(), longs(), longs()).as(Header::new);
    }

    static Arbitrary<Quote> quotes() {
        return Combinators.combine(headers(), scales(), scales(), longs(), longs(), longs(), longs()).as(
                (h, scale, sizeScale, bidPrice, bidSize, askPrice, askSize) -> new Quote(h.instrument(), h.venue(),
                        h.source(), h.sequence(), h.exchangeTimeNanos(), h.receiveTimeNanos(), scale, sizeScale,
                        bidPrice, bidSize, askPrice, askSize));
    }

    static Arbitrary<Trade> trades() {
        return Combinators.combine(headers(), scales(), scales(), longs(), longs(), Arbitraries.of(Side.class),
                strings(), Arbitraries.of(TradeType.class)).as(
                        (h, scale, sizeScale, price, size, aggressor, tradeId, type) -> new Trade(h.instrument(),
                                h.venue(), h.source(), h.sequence(), h.exchangeTimeNanos(), h.receiveTimeNanos(), scale,
                                sizeScale, price, size, aggressor, tradeId, type));
    }

    static Arbitrary<List<BookLevel>> levels() {
        Arbitrary<BookLevel> level = Combinators.combine(longs(), longs()).as(BookLevel::new);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.of())),
                Tuple.of(7, level.list().ofMaxSize(20)),
                Tuple.of(1, level.list().ofMinSize(500).ofMaxSize(2000)));
    }

    static Arbitrary<BookUpdate> bookUpdates() {
        return Combinators.combine(headers(), scales(), scales(), Arbitraries.of(true, false), levels(), levels())
                .as((h, scale, sizeScale, snapshot, bids, asks) -> new BookUpdate(h.instrument(), h.venue(),
                        h.source(), h.sequence(), h.exchangeTimeNanos(), h.receiveTimeNanos(), scale, sizeScale,
                        snapshot, bids, asks));
    }

    static Arbitrary<InstrumentStatus> instrumentStatuses() {
        return Combinators.combine(headers(), Arbitraries.of(InstrumentState.class), longs(), longs(), strings()).as(
                (h, state, gapFrom, gapTo, reason) -> new InstrumentStatus(h.instrument(), h.venue(), h.source(),
                        h.sequence(), h.exchangeTimeNanos(), h.receiveTimeNanos(), state, gapFrom, gapTo, reason));
    }

    static Arbitrary<FeedStatus> feedStatuses() {
        return Combinators.combine(headers(), Arbitraries.of(FeedState.class), Arbitraries.of(FeedState.class),
                strings(), Arbitraries.of(BreakerState.class), longs()).as(
                        (h, state, previous, reason, breaker, reconnects) -> new FeedStatus(h.source(), h.venue(),
                                h.sequence(), h.exchangeTimeNanos(), h.receiveTimeNanos(), state, previous, reason,
                                breaker, reconnects));
    }

    static Arbitrary<TickbusEvent> events() {
        return Arbitraries.oneOf(quotes(), trades(), bookUpdates(), instrumentStatuses(), feedStatuses());
    }

    /** For {@code @ForAll(supplier = EventArbitraries.Events.class)}: any event type, evenly. */
    static final class Events implements ArbitrarySupplier<TickbusEvent> {
        @Override
        public Arbitrary<TickbusEvent> get() {
            return events();
        }
    }
}
