package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.feed.SubscriptionException;
import tickbus.testing.Await;

class PolledInstrumentsTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    void aJoinThatWouldMakeThePollTooLongFailsPermanentlyNamingTheLengthAndTheLimit() {
        HttpFeedSettings settings = HttpFeedSettings.fromJson(new JsonObject().put("baseUrl", "http://127.0.0.1:1/md")
                .put("maxRequestLineChars", 256), "s");
        PolledInstruments instruments = new PolledInstruments(new LinkedHashSet<>(), new LongPollClient(vertx,
                InstantSource.system(), vertx.createHttpClient(), settings, new HttpPollCounters()), range -> {
                }, cause -> {
                });
        Future<Void> refused = null;
        int symbols = 0;
        while (refused == null) {
            Future<Void> joined = instruments.subscribe(String.format("SYMBOL%04d", ++symbols));
            if (joined.failed()) {
                refused = joined;
            }
        }

        SubscriptionException error = (SubscriptionException) refused.cause();
        assertTrue(error.permanent(), "retrying cannot shorten the line");
        // GET /md/updates?cursor=<19 digits>&instruments=SYMBOL0001,...&waitMillis=1000 HTTP/1.1
        int length = "GET /md/updates?cursor=9223372036854775807&instruments=&waitMillis=1000 HTTP/1.1".length()
                + symbols * "SYMBOL0001,".length() - 1;
        assertEquals("poll request line would exceed max: requestLineChars=" + length + ", maxRequestLineChars=256, "
                + "instruments=" + symbols + ", symbol=" + String.format("SYMBOL%04d", symbols)
                + "; raise maxRequestLineChars if the server allows", error.getMessage());
    }
}
