package tickbus.normalize.itch;

import tickbus.event.EventSink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tickbus.event.MarketEvent;
import tickbus.protocol.itch.Itch50;
import tickbus.testing.Itch50TestMessages;
import tickbus.testing.ItchFlowGenerator;

/** Normalizers sharded by stock locate produce, per instrument, exactly the events of one unsharded normalizer. */
class ShardingTest {

    private static final int SHARDS = 3;

    @Test
    void shardedNormalizersProduceTheSameEventsPerInstrument() {
        ItchFlowGenerator flow = new ItchFlowGenerator(42, 10);
        List<byte[]> messages = new ArrayList<>(flow.messages(20_000));
        messages.add(Itch50TestMessages.mwcbDeclineLevel(1, 300_000_000_000L, 280_000_000_000L, 250_000_000_000L));
        messages.add(Itch50TestMessages.mwcbStatus(2, Itch50.MWCB_LEVEL_1));

        List<MarketEvent> single = new ArrayList<>();
        Itch50Normalizer whole = normalizer(single::add);
        List<MarketEvent> sharded = new ArrayList<>();
        List<Itch50Normalizer> shards = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.add(normalizer(sharded::add));
        }
        long sequence = 0;
        for (byte[] message : messages) {
            sequence++;
            whole.onMessage(sequence, 0, message, 0, message.length);
            int shard = Itch50ShardRouter.shardOf(message, 0, message.length, SHARDS);
            for (int i = 0; i < SHARDS; i++) {
                if (shard == Itch50ShardRouter.ALL_SHARDS || shard == i) {
                    shards.get(i).onMessage(sequence, 0, message, 0, message.length);
                }
            }
        }

        assertEquals(byInstrument(single), byInstrument(sharded));
        assertEquals(single.size(), sharded.size());
    }

    private static Itch50Normalizer normalizer(EventSink sink) {
        return new Itch50Normalizer("itch", LocalDate.of(2020, 1, 30), instrument -> true, sink, 1_024);
    }

    private static Map<String, List<MarketEvent>> byInstrument(List<MarketEvent> events) {
        Map<String, List<MarketEvent>> grouped = new HashMap<>();
        for (MarketEvent event : events) {
            grouped.computeIfAbsent(event.instrument(), key -> new ArrayList<>()).add(event);
        }
        return grouped;
    }
}
