package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;

/**
 * Hostile and malformed JSON published on a real channel, each followed by a valid quote: every bad payload is
 * refused with its reason, counted by kind, dead-lettered with its channel, and the channel keeps flowing.
 */
class RedisHostileJsonIT {

    private static final String CHANNEL = "md:AAA:quotes";
    private static final String HEAD = "{\"v\":1,\"type\":\"quote\",\"sym\":\"AAA\",\"seq\":999,\"ts\":1,"
            + "\"bidSize\":\"0.25\",\"ask\":\"10.5\",\"askSize\":\"1.5\",";

    /** One hostile payload and the reason it must be refused for. */
    private record Case(String name, String reason, byte[] payload) {
        Case(String name, String reason, String payload) {
            this(name, reason, payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("bad syntax", "syntax", "{\"v\":1,,\"type\":\"quote\"}"),
            new Case("truncated", "truncated", HEAD + "\"bid\":\"10"),
            new Case("deep nesting", "too_deep", HEAD + "\"bid\":\"1\",\"x\":" + "[".repeat(10_000)
                    + "]".repeat(10_000) + "}"),
            new Case("huge string", "string_too_long", HEAD.replace("\"AAA\"", "\"" + "A".repeat(20_000) + "\"")
                    + "\"bid\":\"1\"}"),
            new Case("huge number", "number_too_long", HEAD + "\"bid\":" + "9".repeat(10_000) + "}"),
            new Case("huge document", "document_too_large", HEAD + "\"bid\":\"1\",\"pad\":\"" + " ".repeat(1 << 20)
                    + "\"}"),
            new Case("duplicate keys", "duplicate_key", HEAD + "\"bid\":\"1\",\"bid\":\"2\"}"),
            new Case("wrong type", "wrong_type", HEAD + "\"bid\":{\"value\":\"1\"}}"),
            new Case("NaN", "not_a_number", HEAD + "\"bid\":NaN}"),
            new Case("Infinity as text", "not_a_number", HEAD + "\"bid\":\"-Infinity\"}"),
            new Case("more decimals than the scale", "price_out_of_range", HEAD + "\"bid\":\"0.123456789\"}"),
            new Case("leading zeros in a decimal string", "bad_decimal", HEAD + "\"bid\":\"007.5\"}"),
            new Case("invalid UTF-8", "invalid_encoding", invalidUtf8()),
            new Case("empty", "empty", ""),
            new Case("trailing data", "trailing_data", HEAD + "\"bid\":\"1\"} {}"),
            new Case("missing field", "missing_field", HEAD + "\"extra\":1}"),
            new Case("unknown type", "unknown_type", HEAD.replace("\"quote\"", "\"book\"") + "\"bid\":\"1\"}"),
            new Case("unsupported version", "unsupported_version", HEAD.replace("\"v\":1", "\"v\":2")
                    + "\"bid\":\"1\"}"));

    private RedisFeedFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyHostilePayloadIsRefusedCountedAndDeadLetteredAndTheChannelKeepsFlowing() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        fixture.deploy(fixture.redisSettings(new JsonObject()));
        fixture.subscribeAndAwaitActive("XSIM:AAA");

        List<List<byte[]>> commands = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            commands.add(List.of(bytes("PUBLISH"), bytes(CHANNEL), CASES.get(i).payload()));
            commands.add(List.of(bytes("PUBLISH"), bytes(CHANNEL), bytes(fixture.quote("AAA", i + 1))));
        }
        fixture.redis.pipeline(commands);
        Await.until("the valid quote after every hostile payload", Duration.ofSeconds(30),
                () -> fixture.quoteSequences("XSIM:AAA").size() == CASES.size(),
                () -> fixture.quoteSequences("XSIM:AAA").toString());

        assertEquals(LongStream.rangeClosed(1, CASES.size()).boxed().toList(), fixture.quoteSequences("XSIM:AAA"));
        Map<String, Long> expected = new TreeMap<>();
        CASES.forEach(hostile -> expected.merge(hostile.reason(), 1L, Long::sum));
        assertEquals(expected, fixture.harness.feed.metrics().parseErrorsByKind());
        assertEquals(expected, fixture.protocol.rejectedByReason());
        List<DeadLetterLog.Entry> deadLetters = fixture.protocol.deadLetters();
        assertEquals(CASES.size(), deadLetters.size());
        for (int i = 0; i < CASES.size(); i++) {
            DeadLetterLog.Entry entry = deadLetters.get(i);
            assertEquals(CASES.get(i).reason(), entry.reason().label(), CASES.get(i).name());
            assertEquals(CHANNEL, entry.channel());
            assertEquals(CASES.get(i).payload().length, entry.payloadLength());
            assertTrue(entry.payloadPrefix().length <= 512, "the dead-letter log keeps a bounded prefix");
        }
        assertEquals(0, fixture.harness.feed.metrics().gaps(), "refused payloads do not count as gaps");
    }

    private static byte[] invalidUtf8() {
        byte[] payload = bytes(HEAD + "\"bid\":\"1\",\"note\":\"xx\"}");
        int note = new String(payload, StandardCharsets.UTF_8).indexOf("xx");
        payload[note] = (byte) 0xC3;
        payload[note + 1] = (byte) 0x28;
        return payload;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
