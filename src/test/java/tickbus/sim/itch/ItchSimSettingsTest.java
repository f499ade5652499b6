package tickbus.sim.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.config.ConfigException;
import tickbus.config.VerticleCatalog;

class ItchSimSettingsTest {

    @Test
    void defaultsGenerateEightSymbolsAtAThousandMessagesASecond() {
        ItchSimSettings settings = ItchSimSettings.fromJson(new JsonObject(), "config");
        assertEquals(ItchOrderFlow.numberedSymbols("SYM", 8), settings.symbols());
        assertEquals(1_000, settings.messagesPerSecond());
        assertEquals("SIM1", settings.session());
        assertEquals(0, settings.port());
        assertEquals(1_000, settings.pacingTickMicros());
        assertEquals(List.of("SYM1", "SYM2", "SYM3"),
                ItchSimSettings.fromJson(new JsonObject().put("instrumentCount", 3), "c").symbols());
    }

    @Test
    void badValuesNameTheirPath() {
        assertError("config.symbols: value[1]=\"msft\"; expected 1 to 8 of [A-Z0-9.]",
                new JsonObject().put("symbols", new JsonArray().add("AAPL").add("msft")));
        assertError("config.instrumentCount: value=4; give either symbols or instrumentCount, not both",
                new JsonObject().put("symbols", new JsonArray().add("AAPL")).put("instrumentCount", 4));
        assertError("config.session: value=\"TOO-LONG-SESSION\"; expected up to 10 printable ASCII characters "
                + "without spaces", new JsonObject().put("session", "TOO-LONG-SESSION"));
        assertError("config.totalMessages: value=0; with messagesPerSecond=0 the messages are prepared at start, so "
                + "give totalMessages (or a file)", new JsonObject().put("messagesPerSecond", 0));
        assertError("config.pacingTickMicros: value=1500; expected up to 1000, or whole milliseconds above (the "
                + "event loop's timers count milliseconds)", new JsonObject().put("pacingTickMicros", 1_500));
    }

    @Test
    void theCatalogKnowsTheAlias() {
        assertEquals("itch-sim", VerticleCatalog.find("itch-sim").alias());
        assertThrows(ConfigException.class,
                () -> VerticleCatalog.find("itch-sim").validator().validate(new JsonObject().put("prot", 1), "v"));
    }

    private static void assertError(String message, JsonObject json) {
        ConfigException error = assertThrows(ConfigException.class, () -> ItchSimSettings.fromJson(json, "config"));
        assertEquals(message, error.getMessage());
    }
}
