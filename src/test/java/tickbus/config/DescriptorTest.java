package tickbus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptorTest {

    private static final String FEED = """
            {"name": "feed-a", "verticle": "feed", "config": {"source": "a", "venue": "XSIM", "protocol": "sim",
              "settings": {"venueName": "v"} %s}}""";

    private static String descriptor(String... entries) {
        return "{\"verticles\": [" + String.join(",", entries) + "]}";
    }

    private static String error(String json) {
        return assertThrows(ConfigException.class, () -> Descriptor.parse(json, "test.json")).getMessage();
    }

    @Test
    void theRepositoryDescriptorIsValid() {
        Descriptor descriptor = Descriptor.read(Path.of("verticles.json"));
        assertEquals("sim-venue", descriptor.verticles().get(0).name());
    }

    @Test
    void invalidJsonNamesTheFile() {
        assertEquals(true, error("{\"verticles\": [").startsWith("test.json: invalid JSON"));
    }

    @Test
    void unknownVerticleNamesThePathAndTheChoices() {
        assertEquals("verticles[0].verticle: value=\"tickbus.NoSuchThing\"; unknown verticle; expected an alias "
                + VerticleCatalog.all().keySet() + ", a class name on the class path, or groovy:FILE",
                error(descriptor("{\"name\": \"x\", \"verticle\": \"tickbus.NoSuchThing\"}")));
    }

    @Test
    void missingKeyNamesThePath() {
        assertEquals("verticles[0].config.settings.venueName: missing; expected a non-empty string",
                error(descriptor("{\"name\": \"f\", \"verticle\": \"feed\", \"config\": {\"source\": \"a\","
                        + " \"venue\": \"XSIM\", \"protocol\": \"sim\"}}")));
    }

    @Test
    void outOfRangeValueNamesTheValueAndTheRange() {
        assertEquals("verticles[0].config.heartbeatTimeoutMillis: value=-5; expected an integer from 10 to 3600000",
                error(descriptor(FEED.formatted(", \"heartbeatTimeoutMillis\": -5"))));
        assertEquals("verticles[0].config.backoff.maxDelayMillis: value=10; expected at least initialDelayMillis=100",
                error(descriptor(FEED.formatted(", \"backoff\": {\"maxDelayMillis\": 10}"))));
    }

    @Test
    void misspelledKeyIsRejectedNotIgnored() {
        String message = error(descriptor(FEED.formatted(", \"heartbeatTimeoutMilis\": 100")));
        assertEquals(true, message.startsWith("verticles[0].config.heartbeatTimeoutMilis: unknown key; expected one of"),
                message);
    }

    @Test
    void unknownProtocolListsTheKnownOnes() {
        String message = error(descriptor("{\"name\": \"f\", \"verticle\": \"feed\", \"config\": {\"source\": \"a\","
                + " \"venue\": \"XSIM\", \"protocol\": \"carrier-pigeon\"}}"));
        assertEquals(true, message.startsWith("verticles[0].config.protocol: value=\"carrier-pigeon\"; expected one of ["),
                message);
    }

    @Test
    void duplicateNamesAndBadInstancesAreRejected() {
        String venue = "{\"name\": \"v\", \"verticle\": \"sim-venue\", \"config\": {\"venueName\": \"v\","
                + " \"symbols\": [\"A\"]}}";
        assertEquals("verticles[1].name: value=\"v\"; names must be unique", error(descriptor(venue, venue)));
        assertEquals("verticles[0].instances: value=0; expected an integer from 1 to 64", error(descriptor(
                "{\"name\": \"v\", \"verticle\": \"sim-venue\", \"instances\": 0, \"config\": {}}")));
    }

    @Test
    void twoFeedsWithTheSameSourceAreRejected() {
        String other = FEED.replace("feed-a", "feed-b").formatted("");
        assertEquals("verticles[1].config.source: value=\"a\"; already the source of verticles[0] (feed-a); "
                + "expected a source id unique to one feed (it keys sequence numbers, status and metrics)",
                error(descriptor(FEED.formatted(""), other)));
    }

    @Test
    void aFeedWithMoreThanOneInstanceIsRejected() {
        String twice = FEED.formatted("").replace("\"verticle\": \"feed\",", "\"verticle\": \"feed\", \"instances\": 2,");
        assertEquals("verticles[0].instances: value=2; expected 1 for a feed (each instance would open its own "
                + "connection and publish every event again under the same source; use config.workers to parse "
                + "in parallel)", error(descriptor(twice)));
    }

    @Test
    void emptyDescriptorIsRejected() {
        assertEquals("verticles: value=[]; expected a non-empty array of verticles", error("{\"verticles\": []}"));
    }

    @Test
    void everyBadEntryIsReportedOnALineOfItsOwn() {
        String venue = "{\"name\": \"v\", \"verticle\": \"sim-venue\", \"config\": {\"venueName\": \"v\","
                + " \"symbols\": [\"A\"]}}";
        String badName = "{\"name\": \"Bad Name\", \"verticle\": \"sim-venue\", \"config\": {}}";
        String unknown = "{\"name\": \"x\", \"verticle\": \"tickbus.NoSuchThing\"}";
        ConfigException error = assertThrows(ConfigException.class, () -> Descriptor.parse(descriptor(badName, venue,
                FEED.formatted(", \"heartbeatTimeoutMillis\": -5"), unknown), "test.json"));
        assertEquals(List.of(
                "verticles[0].name: value=\"Bad Name\"; expected 1 to 64 of [a-z0-9-]",
                "verticles[2].config.heartbeatTimeoutMillis: value=-5; expected an integer from 10 to 3600000",
                "verticles[3].verticle: value=\"tickbus.NoSuchThing\"; unknown verticle; expected an alias "
                        + VerticleCatalog.all().keySet() + ", a class name on the class path, or groovy:FILE"),
                error.getMessage().lines().toList());
        assertEquals("verticles[0].name", error.path());
    }

    @Test
    void aSharedSourceAfterABadEntryNamesTheFeedThatHasIt() {
        String broken = "{\"name\": \"broken\", \"verticle\": \"sim-venue\", \"instances\": 0, \"config\": {}}";
        String other = FEED.replace("feed-a", "feed-b").formatted("");
        assertEquals(List.of("verticles[0].instances: value=0; expected an integer from 1 to 64",
                "verticles[2].config.source: value=\"a\"; already the source of verticles[1] (feed-a); expected a "
                        + "source id unique to one feed (it keys sequence numbers, status and metrics)"),
                error(descriptor(broken, FEED.formatted(""), other)).lines().toList());
    }
}
