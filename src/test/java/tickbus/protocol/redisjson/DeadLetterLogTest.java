package tickbus.protocol.redisjson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tickbus.protocol.redisjson.RedisJsonException.Reason;

class DeadLetterLogTest {

    private static final RedisJsonException SYNTAX = new RedisJsonException(Reason.SYNTAX, "field=v");
    private static final RedisJsonException TOO_DEEP = new RedisJsonException(Reason.TOO_DEEP, "field=x, depth=17, max=16");

    @Test
    void keepsTheNewestEntriesAndCountsEvictions() {
        DeadLetterLog log = new DeadLetterLog(3, 1 << 20, 16);
        for (int i = 0; i < 5; i++) {
            add(log, i, i % 2 == 0 ? SYNTAX : TOO_DEEP, "payload-" + i);
        }
        assertEquals(List.of(2L, 3L, 4L), log.entries().stream().map(DeadLetterLog.Entry::timeNanos).toList());
        assertEquals(2, log.evicted());
        assertEquals(Map.of(Reason.SYNTAX, 3L, Reason.TOO_DEEP, 2L), log.rejectedByReason());
        assertEquals(5, log.rejectedTotal());
    }

    @Test
    void keepsOnlyAPrefixOfEachPayloadAndItsFullLength() {
        DeadLetterLog log = new DeadLetterLog(3, 1 << 20, 8);
        add(log, 7, SYNTAX, "{\"v\":1,\"type\":\"quote\"}");
        DeadLetterLog.Entry entry = log.entries().get(0);
        assertEquals("{\"v\":1,\"", entry.payloadPrefixText());
        assertEquals(22, entry.payloadLength());
        assertEquals("md:X:quotes", entry.channel());
        assertEquals(Reason.SYNTAX, entry.reason());
        assertEquals("malformed JSON: field=v", entry.message());
    }

    @Test
    void staysWithinItsByteBudget() {
        DeadLetterLog log = new DeadLetterLog(1000, 1000, 100);
        for (int i = 0; i < 50; i++) {
            add(log, i, SYNTAX, "x".repeat(300));
        }
        long perEntry = DeadLetterLog.ENTRY_OVERHEAD_BYTES + 100 + 2L * ("md:X:quotes".length()
                + SYNTAX.getMessage().length());
        assertEquals(1000 / perEntry, log.entries().size());
        assertEquals(log.entries().size() * perEntry, log.retainedBytes());
        assertEquals(50 - log.entries().size(), log.evicted());
    }

    @Test
    void longChannelNamesAreCut() {
        DeadLetterLog log = new DeadLetterLog(2, 1 << 20, 8);
        log.add(1, "c".repeat(10_000), SYNTAX, new byte[0], 0, 0);
        assertEquals(DeadLetterLog.MAX_CHANNEL_CHARS + 3, log.entries().get(0).channel().length());
    }

    @Test
    void copiesFromABufferSlice() {
        DeadLetterLog log = new DeadLetterLog(2, 1 << 20, 4);
        log.add(1, "ch", SYNTAX, Buffer.buffer("xx{\"a\":}yy"), 2, 6);
        assertArrayEquals("{\"a\"".getBytes(StandardCharsets.UTF_8), log.entries().get(0).payloadPrefix());
        assertEquals(6, log.entries().get(0).payloadLength());
    }

    @Test
    void boundsAreChecked() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new DeadLetterLog(0, 100, 10));
        assertEquals("dead-letter bounds out of range: maxEntries=0, maxBytes=100, maxPrefixBytes=10; expected "
                + "maxEntries>=1, maxBytes>=64+maxPrefixBytes", error.getMessage());
    }

    private static void add(DeadLetterLog log, long time, RedisJsonException error, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        log.add(time, "md:X:quotes", error, bytes, 0, bytes.length);
    }
}
