package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tickbus.config.ConfigException;

class MonitorSettingsTest {

    private static MonitorSettings parse(JsonObject json) {
        return MonitorSettings.fromJson(json, "verticles[4].config", Map.of("TICKBUS_TOKEN", "from-the-environment"));
    }

    private static String error(JsonObject json) {
        return assertThrows(ConfigException.class, () -> parse(json)).getMessage();
    }

    @Test
    void defaultsServeTheDemoOnPort8080WithOnlyWhatTheDashboardUses() {
        MonitorSettings settings = parse(new JsonObject());
        assertEquals(8080, settings.port());
        assertEquals("127.0.0.1", settings.host());
        assertEquals(List.of("^tickbus\\.monitor\\.stats$", "^tickbus\\.monitor\\.peek\\..+$"),
                settings.outbound().regexes());
        assertEquals(List.of("^tickbus\\.monitor\\.peek$"), settings.inbound().regexes());
        assertFalse(settings.access().enabled());
        assertTrue(settings.outbound().permits("tickbus.monitor.peek.XNAS:AAPL"));
        assertFalse(settings.outbound().permits("tickbus.monitor.peek"));
        assertFalse(settings.outbound().permits("md.quote.XNAS:AAPL"));
        assertFalse(settings.outbound().permits("tickbus.demand.changes"));
        assertFalse(settings.inbound().permits("tickbus.monitor.peek.XNAS:AAPL"));
    }

    @Test
    void startupRefusesEmptyUnanchoredInvalidOrOverbroadPermits() {
        assertEquals("verticles[4].config.outboundPermits: empty; expected at least one anchored regex such as "
                + "\"^md\\\\..+$\"", error(new JsonObject().put("outboundPermits", new JsonArray())));
        assertEquals("verticles[4].config.inboundPermits[0]: value=\"tickbus\\.monitor\\.peek\"; expected an anchored "
                + "regex: ^...$", error(new JsonObject().put("inboundPermits",
                new JsonArray().add("tickbus\\.monitor\\.peek"))));
        assertTrue(error(new JsonObject().put("outboundPermits", new JsonArray().add("^md\\..+\\$")))
                .contains("expected an anchored regex"));
        assertTrue(error(new JsonObject().put("outboundPermits", new JsonArray().add("^md\\.(+$")))
                .contains("invalid regex"));
        assertEquals("verticles[4].config.outboundPermits[1]: value=\"^tickbus\\..+$\"; matches the internal address "
                + "\"tickbus.demand\"; expected a narrower regex", error(new JsonObject().put("outboundPermits",
                new JsonArray().add("^md\\..+$").add("^tickbus\\..+$"))));
        assertTrue(error(new JsonObject().put("outboundPermits", new JsonArray().add("^.*$"))).contains("internal"));
    }

    @Test
    void noPermitMatchesARequestOrReplyAddressWhateverItsShape() {
        assertEquals("verticles[4].config.outboundPermits[0]: value=\"^tickbus\\.monitor\\..+$\"; matches the request "
                + "address \"tickbus.monitor.peek\"; expected a narrower regex", error(new JsonObject()
                .put("outboundPermits", new JsonArray().add("^tickbus\\.monitor\\..+$"))));
        assertTrue(permitError("outboundPermits", "^tickbus\\.monitor\\.pe+k$")
                .contains("request address \"tickbus.monitor.peek\""));
        assertTrue(permitError("outboundPermits", "^tickbus\\.snapshot\\..+$")
                .contains("internal address \"tickbus.snapshot.requests\""));
        assertTrue(permitError("outboundPermits", "^__vertx\\.reply\\.[a-f0-9-]+$")
                .contains("internal address \"__vertx.reply."));
        assertTrue(permitError("outboundPermits", "^tickbus\\.snapshot\\.reply\\..+$")
                .contains("internal address \"tickbus.snapshot.reply."));
        assertTrue(permitError("inboundPermits", "^tickbus\\.snapshot\\.requests$")
                .contains("internal address \"tickbus.snapshot.requests\""));
    }

    @Test
    void aHostBeyondLoopbackNeedsACredentialOrAnExplicitOptOut() {
        assertEquals("verticles[4].config.host: value=\"0.0.0.0\" with access.mode=none; expected a loopback host, an "
                + "access mode (bearer or basic), or \"allowUnauthenticated\": true: without a credential anyone who "
                + "reaches the port can register on the bridge (creating upstream demand) and read /metrics",
                error(new JsonObject().put("host", "0.0.0.0")));
        assertEquals("0.0.0.0", parse(new JsonObject().put("host", "0.0.0.0").put("access", new JsonObject()
                .put("mode", "bearer").put("tokenEnv", "TICKBUS_TOKEN"))).host());
        assertEquals("10.0.0.5", parse(new JsonObject().put("host", "10.0.0.5").put("allowUnauthenticated", true))
                .host());
        assertEquals("localhost", parse(new JsonObject().put("host", "localhost")).host());
    }

    private static String permitError(String key, String regex) {
        return error(new JsonObject().put(key, new JsonArray().add(regex)));
    }

    @Test
    void accessControlTakesASecretFromTheDescriptorOrTheEnvironment() {
        AccessControl bearer = parse(new JsonObject().put("access", new JsonObject().put("mode", "bearer")
                .put("tokenEnv", "TICKBUS_TOKEN"))).access();
        assertTrue(bearer.permits("Bearer from-the-environment"));
        assertFalse(bearer.permits("Bearer from-the-environmen"));
        assertFalse(bearer.permits(null));
        AccessControl basic = parse(new JsonObject().put("access", new JsonObject().put("mode", "basic")
                .put("username", "ops").put("password", "correct horse"))).access();
        assertTrue(basic.permits("Basic b3BzOmNvcnJlY3QgaG9yc2U="));
        assertEquals("verticles[4].config.access.tokenEnv: value=\"MISSING\"; the environment variable is not set",
                error(new JsonObject().put("access", new JsonObject().put("mode", "bearer")
                        .put("tokenEnv", "MISSING"))));
        assertEquals("verticles[4].config.access.token: secret length=3, min=8",
                error(new JsonObject().put("access", new JsonObject().put("mode", "bearer").put("token", "abc"))));
        assertTrue(error(new JsonObject().put("access", new JsonObject().put("mode", "bearer")))
                .contains("expected exactly one of token or tokenEnv"));
    }

    @Test
    void unknownKeysAndBadOriginsAreNamed() {
        assertTrue(error(new JsonObject().put("prot", 80)).startsWith("verticles[4].config.prot: unknown key"));
        assertTrue(error(new JsonObject().put("allowedOrigins", new JsonArray().add("https://ops.example.com/path")))
                .startsWith("verticles[4].config.allowedOrigins[0]: value=\"https://ops.example.com/path\""));
        assertEquals("verticles[4].config.port: value=70000; expected an integer from 0 to 65535",
                error(new JsonObject().put("port", 70000)));
    }
}
