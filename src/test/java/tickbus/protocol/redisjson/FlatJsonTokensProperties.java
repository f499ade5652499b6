package tickbus.protocol.redisjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link FlatJsonTokens} agrees with Jackson's hardened parser token for token: on a payload it reads to the end,
 * Jackson reads the same tokens and accepts the payload; on a payload it declines, every token it handed out
 * before declining is the one Jackson hands out there.
 */
class FlatJsonTokensProperties {

    private static final RedisJsonLimits LIMITS = new RedisJsonLimits(64 * 1024, 16, 24, 21, 4096, 64, 128);
    private static final JsonFactory JACKSON = RedisJsonDecoder.hardenedFactory(LIMITS);
    private static final String VALID = "{\"v\":1,\"type\":\"quote\",\"sym\":\"SYM001\",\"seq\":42,"
            + "\"ts\":1700000000000000000,\"bid\":\"101.25\",\"bidSize\":3.5e-1,\"ask\":-0,\"askSize\":null}";
    private static final String ALPHABET = "{}[]\":,.-+eE0159 \t\n\\/abnlstu\u00e9\u0001";

    @Property(tries = 5000)
    void agreesWithJacksonOnMutatedPayloads(@ForAll("mutated") String payload) {
        assertAgrees(payload);
    }

    @Test
    void readsTheCommonPayloadsToTheEnd() {
        assertEquals(List.of("START_OBJECT", "FIELD_NAME v", "VALUE_NUMBER_INT 1|1=1", "FIELD_NAME type",
                "VALUE_STRING quote|quote", "END_OBJECT"), flat(" {\"v\" : 1,\n\"type\":\"quote\"}\r\n").tokens);
        for (String payload : List.of(VALID, "{}", "{\"v\":9223372036854775807}", "{\"v\":-9223372036854775807}",
                "{\"price\":true,\"side\":false,\"amount\":1E+3,\"id\":\"\"}")) {
            Result flat = flat(payload);
            assertTrue(flat.complete, payload + " declined after " + flat.tokens);
            assertAgrees(payload);
        }
    }

    @Test
    void declinesWhatOnlyJacksonCanJudge() {
        for (String payload : List.of("", "[]", "{\"v\":1,\"v\":2}", "{\"other\":1}", "{\"sym\":\"a\\u0041\"}",
                "{\"sym\":\"\u00e9\"}", "{\"v\":{}}", "{\"v\":[1]}", "{\"v\":01}", "{\"v\":1.}", "{\"v\":1}x",
                "{\"v\":9223372036854775808}", "{\"v\":-9223372036854775808}", "{\"v\":\"" + "a".repeat(24) + "\"}",
                "{\"v\":1.2345678901234567890}",
                "{\"v\":1,}", "{\"v\":nul}", "{\"v\":1", "{\"v\":NaN}")) {
            Result flat = flat(payload);
            assertTrue(!flat.complete, payload + " read to the end: " + flat.tokens);
            assertAgrees(payload);
        }
    }

    private static void assertAgrees(String payload) {
        Result flat = flat(payload);
        Result jackson = jackson(payload);
        if (flat.complete) {
            assertTrue(jackson.complete, payload + ": Jackson refused what the scanner read: " + jackson.tokens);
            assertEquals(jackson.tokens, flat.tokens, payload);
        } else {
            assertTrue(jackson.tokens.size() >= flat.tokens.size(), payload + ": flat=" + flat.tokens + ", jackson="
                    + jackson.tokens);
            assertEquals(jackson.tokens.subList(0, flat.tokens.size()), flat.tokens, payload);
        }
    }

    private record Result(List<String> tokens, boolean complete) {
    }

    private static Result flat(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        FlatJsonTokens tokens = new FlatJsonTokens(LIMITS).reset(bytes, 0, bytes.length);
        List<String> seen = new ArrayList<>();
        try {
            for (JsonToken token = tokens.nextToken(); token != null; token = tokens.nextToken()) {
                seen.add(describe(token, tokens));
            }
            return new Result(seen, true);
        } catch (FlatJsonTokens.Declined | IOException e) {
            return new Result(seen, false);
        }
    }

    private static Result jackson(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        try (JsonParser parser = JACKSON.createParser(bytes)) {
            JsonTokens.Jackson tokens = new JsonTokens.Jackson();
            tokens.attach(parser);
            for (JsonToken token = tokens.nextToken(); token != null; token = tokens.nextToken()) {
                seen.add(describe(token, tokens));
            }
            return new Result(seen, true);
        } catch (IOException e) {
            return new Result(seen, false);
        }
    }

    /** The token with what a payload reader can see of it. */
    private static String describe(JsonToken token, JsonTokens tokens) throws IOException {
        return switch (token) {
            case FIELD_NAME -> "FIELD_NAME " + tokens.currentName();
            case VALUE_STRING, VALUE_NUMBER_FLOAT -> token + " " + text(tokens);
            case VALUE_NUMBER_INT -> token + " " + text(tokens) + "=" + (tokens.isBigInteger() ? "big"
                    : String.valueOf(tokens.longValue()));
            default -> token.toString();
        };
    }

    private static String text(JsonTokens tokens) throws IOException {
        return new String(tokens.textCharacters(), tokens.textOffset(), tokens.textLength()) + "|" + tokens.text();
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, VALID.length());
        Arbitrary<Character> chars = Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 2);
        Arbitrary<List<Object[]>> edits = Combinators.combine(positions, chars, kinds)
                .as((position, c, kind) -> new Object[] {position, c, kind}).list().ofMinSize(1).ofMaxSize(3);
        return edits.map(FlatJsonTokensProperties::apply);
    }

    private static String apply(List<Object[]> edits) {
        StringBuilder payload = new StringBuilder(VALID);
        for (Object[] edit : edits) {
            int position = Math.min((Integer) edit[0], payload.length());
            char c = (Character) edit[1];
            switch ((Integer) edit[2]) {
                case 0 -> payload.insert(position, c);
                case 1 -> {
                    if (position < payload.length()) {
                        payload.deleteCharAt(position);
                    }
                }
                default -> {
                    if (position < payload.length()) {
                        payload.setCharAt(position, c);
                    }
                }
            }
        }
        return payload.toString();
    }
}
