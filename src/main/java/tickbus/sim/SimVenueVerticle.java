package tickbus.sim;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import tickbus.config.ConfigReader;

/** Runs a {@link SimVenue} for the demo: {@code {"venueName", "symbols", "messagesPerSecond", "heartbeatMillis", "seed"}}. */
public final class SimVenueVerticle extends VerticleBase {

    /** This verticle's configuration slice. */
    public record Settings(String venueName, List<String> symbols, long messagesPerSecond, long heartbeatMillis,
            long seed) {

        public static Settings fromJson(JsonObject json, String path) {
            ConfigReader reader = new ConfigReader(json, path);
            Settings settings = new Settings(reader.string("venueName"), reader.strings("symbols"),
                    reader.longValue("messagesPerSecond", 1_000, 1, 10_000_000),
                    reader.longValue("heartbeatMillis", 500, 10, 60_000),
                    reader.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE));
            if (settings.symbols().isEmpty()) {
                throw reader.error("symbols", "missing or empty; expected an array of symbols such as [\"AAPL\"]");
            }
            reader.rejectUnknownKeys();
            return settings;
        }
    }

    private SimVenue venue;
    private Runnable stopGenerating;

    @Override
    public Future<?> start() {
        Settings settings = Settings.fromJson(config(), "config");
        venue = SimVenue.register(new SimVenue(settings.venueName(), settings.symbols(), settings.seed()));
        stopGenerating = venue.run(vertx, settings.messagesPerSecond(), settings.heartbeatMillis());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopGenerating.run();
        venue.disconnectAll("venue stopped");
        SimVenue.unregister(venue.name());
        return Future.succeededFuture();
    }
}
