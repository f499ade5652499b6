package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisFramesTest {

    @Test
    void entryIdsBecomeIncreasingSequences() {
        assertEquals(1_618_677_817_089_000_003L, RedisFrames.entrySequence(Buffer.buffer("1618677817089-3")));
        assertEquals(1_000_000L + 999_999L, RedisFrames.entrySequence("1-123456789"));
        assertEquals(0, RedisFrames.entrySequence("0-0"));
        assertEquals(9_223_372_036_853L * 1_000_000L, RedisFrames.entrySequence("9223372036853-0"));
    }

    @Test
    void whatIsNotAnEntryIdIsZero() {
        for (String id : List.of("", "-", "5-", "-5", "5", "a-1", "1-b", "+1-1", "1--1", "9223372036854-0",
                "1-99999999999999999999", "99999999999999999999-1")) {
            assertEquals(0, RedisFrames.entrySequence(id), id);
        }
    }
}
